"""Screenshots of a class's game and report (issue 31), from the real window, offscreen:
*Whose writing is this?* opened from the class dialog on a class's results (among
its students, with the chances and the teacher's line), and the class report's
confusion table with its measured-curve line.

    python tools/screenshots_class_game.py --results OUT --passage FILE [--lang ml]

OUT is a `normfit class` output folder (class-state.json and one adapter per
student); FILE a text none of them trained on (e.g. 120 words of one writer's
held-out text).
"""
from __future__ import annotations

import argparse
import json
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
    ap.add_argument("--results", required=True)
    ap.add_argument("--passage", required=True)
    ap.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    ap.add_argument("--lang", default="en")
    args = ap.parse_args()
    os.environ["NORMFIT_HOME"] = tempfile.mkdtemp(prefix="normfit-shots-")

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication, QTextBrowser

    from desktop.engine import api, class_report, classroom
    from desktop.ui import language, whose
    from desktop.ui.window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841 (kept alive)
    language.load_fonts()
    language.apply(args.lang)
    prefix = "" if args.lang == "en" else f"{args.lang}-"
    out, results = Path(args.out), Path(args.results)

    def pump(seconds: float) -> None:
        loop = QEventLoop()
        QTimer.singleShot(int(seconds * 1000), loop.quit)
        loop.exec()

    def wait(cond, timeout=600.0) -> None:
        t0 = time.monotonic()
        while not cond():
            if time.monotonic() - t0 > timeout:
                raise TimeoutError("gave up waiting")
            pump(0.05)

    def shot(widget, name: str) -> None:
        pump(0.4)
        widget.grab().save(str(out / (prefix + name)))
        print("wrote", out / (prefix + name))

    base = api.load_base()
    win = MainWindow(base=base)
    win.resize(1366, 768)
    win.show()
    wait(lambda: win.docs.min_words is not None)
    dlg = whose.open_dialog(win, class_out=results)
    dlg.paste.setPlainText(api.read_file(args.passage).text)
    dlg.run_guess()
    wait(lambda: dlg.guess.isEnabled() and dlg.bars.grid.count() > 0)
    dlg.resize(980, 760)
    shot(dlg, "11-class-game.png")
    dlg.close()

    state = json.loads((results / classroom.STATE).read_text(encoding="utf-8"))
    records = list(classroom.load_state(results).values())
    run = classroom.ClassRun(Path(state["settings"].get("class", "class")), results, records, state["settings"],
                             True, recognition=classroom.load_recognition(results))
    report = QTextBrowser()
    report.setHtml(class_report.html_text(run, language.wording()))
    report.resize(1366, 900)
    report.show()
    pump(0.3)
    sb = report.verticalScrollBar()
    sb.setValue(sb.maximum())
    shot(report, "12-class-report-whose.png")
    report.close()
    win.close()
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
