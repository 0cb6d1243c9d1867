"""Screenshot the Personalise page mid-run with the busy-computer line (issue 22).

    python tools/screenshot_busy.py [--lang en|ml] [--out docs/screenshots]

The real window (offscreen) on the novelist sample, a 1-minute norm-only run.
The line appears when the engine says the computer is slow or busy (one thread
because other programs hold the cores, or a smaller measurement to keep the
budget). Run it on a busy machine; `--force` sends the engine's Busy event
itself when the machine happens to be quiet (and says so).
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    ap.add_argument("--lang", default="en")
    ap.add_argument("--size", default="1366x768")
    ap.add_argument("--force", action="store_true")
    args = ap.parse_args()
    os.environ["NORMFIT_HOME"] = tempfile.mkdtemp(prefix="normfit-shots-")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.engine.events import Busy
    from desktop.ui import language
    from desktop.ui.settings import Settings
    from desktop.ui.window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("NormFit")
    language.load_fonts()
    language.apply(args.lang)

    def wait(cond, timeout=600.0) -> None:
        t0 = time.monotonic()
        while not cond():
            if time.monotonic() - t0 > timeout:
                raise TimeoutError("gave up waiting")
            loop = QEventLoop()
            QTimer.singleShot(50, loop.quit)
            loop.exec()

    win = MainWindow(settings=Settings(budget_minutes=1, compare=False))
    win.resize(*(int(v) for v in args.size.split("x")))
    win.show()
    wait(lambda: win.base is not None and win.docs.min_words is not None)
    win.docs.add_samples("novelist")
    wait(lambda: not win.jobs and win.docs.documents)
    win.go(1)
    win.train_page.start.click()
    wait(lambda: win.personalise.run is not None and win.train_page.chart.point_count() >= 6)
    if win.train_page.busy.isHidden():
        if not args.force:
            print("the engine did not say the machine is busy; rerun on a busy machine or with --force")
            win.train_page.cancel.click()
            return 1
        print("(--force: the Busy event sent by this script)")
        win.personalise.engine_event(("norm", Busy("busy")))
    path = Path(args.out) / f"{'' if args.lang == 'en' else args.lang + '-'}02b-training-busy.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    win.grab().save(str(path))
    print("wrote", path)
    win.train_page.cancel.click()
    wait(lambda: win.personalise.run_job is None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
