"""Screenshots of what a result shows (issue 20), from the real window, offscreen:
the held-out words lit up on the Results page, "Whose writing is this?" over
the three fixture writers' adapters, and the class report's confusion table.

    python tools/screenshots_explain.py --users ../shared/data/users --adapters DIR [--lang ml]

DIR holds norm-only adapters named norm_<user>_*.safetensors (e.g. the
frontier's, benchmarks/results/frontier/d3/adapters, made for base 2; the
window then runs on the base they name). The Results page shows a real
short run on the novelist's training text.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
USERS = ("programmer", "novelist", "scientist")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--users", required=True)
    ap.add_argument("--adapters", required=True)
    ap.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    ap.add_argument("--size", default="1366x768")
    ap.add_argument("--lang", default="en")
    ap.add_argument("--seconds", type=float, default=40.0)
    ap.add_argument("--skip-run", action="store_true", help="only the two views that need no training run")
    args = ap.parse_args()
    os.environ["NORMFIT_HOME"] = tempfile.mkdtemp(prefix="normfit-shots-")

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication, QTextBrowser

    from desktop.engine import api, class_report, classroom
    from desktop.engine.class_recognition import recognise
    from desktop.ui import language
    from desktop.ui.window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    language.load_fonts()
    language.apply(args.lang)
    prefix = "" if args.lang == "en" else f"{args.lang}-"
    out = Path(args.out)
    w_px, h_px = (int(v) for v in args.size.split("x"))

    def pump(seconds: float) -> None:
        loop = QEventLoop()
        QTimer.singleShot(int(seconds * 1000), loop.quit)
        loop.exec()

    def wait(cond, timeout=1800.0) -> None:
        t0 = time.monotonic()
        while not cond():
            if time.monotonic() - t0 > timeout:
                raise TimeoutError("gave up waiting")
            pump(0.05)

    def shot(widget, name: str) -> None:
        pump(0.4)
        widget.grab().save(str(out / (prefix + name)))
        print("wrote", out / (prefix + name))

    adapters = {u: sorted(Path(args.adapters).glob(f"norm_{u}_*.safetensors"))[0] for u in USERS}
    newest = api.load_base()
    _, base = api.open_adapter_with_its_base(adapters["novelist"], newest)
    win = MainWindow(base=base, train_overrides={"minutes": args.seconds / 60})
    win.resize(w_px, h_px)
    win.show()
    wait(lambda: win.docs.min_words is not None)

    # 1. Results after a real short run on the novelist's text: the words lit up.
    users = Path(args.users)
    if not args.skip_run:
        results_shot(win, users, wait, shot)


    # 2. Whose writing is this? The three writers' adapters as "your saved adapters".
    from desktop.paths import adapters_dir, ensure
    mine = ensure(adapters_dir())
    for u, p in adapters.items():
        shutil.copy(p, mine / f"{u}.safetensors")
    from desktop.ui import whose
    dlg = whose.open_dialog(win)
    held = api.collect([users / "scientist" / "heldout"]).documents[0].text
    dlg.paste.setPlainText(held[:1500])
    dlg.run_guess()
    wait(lambda: dlg.guess.isEnabled() and dlg.bars.grid.count() > 0)
    dlg.resize(900, 640)
    shot(dlg, "09-whose-writing.png")
    dlg.close()

    # 3. The class report's table: the three writers as a class, recognised on their held-out text.
    students = [(u, api.collect([users / u / "heldout"]).documents, adapters[u]) for u in USERS]
    rec = recognise(base, students)
    records = []
    for u in USERS:
        r = classroom.Record(u, status="done", file=adapters[u].name,
                             words=sum(len(d.text.split()) for d in students[USERS.index(u)][1]))
        for k, v in classroom.figures_from_metadata(api.open_adapter(adapters[u], base).metadata).items():
            setattr(r, k, v)
        records.append(r)
    run = classroom.ClassRun(Path("fixtures"), Path(tempfile.mkdtemp()), records,
                             {"minutes": 2, "max_drift": 0.03, "base_id": base.base_id, "class": "fixtures"},
                             True, recognition=rec)
    report = QTextBrowser()
    report.setHtml(class_report.html_text(run, language.wording()))
    report.resize(w_px, h_px)
    report.show()
    report.verticalScrollBar().setValue(report.verticalScrollBar().maximum())
    shot(report, "10-class-whose.png")
    report.close()
    win.close()
    sys.stdout.flush()
    os._exit(0)


def results_shot(win, users: Path, wait, shot) -> None:
    win.docs.add_paths([str(users / "novelist" / "train")])
    wait(lambda: not win.jobs and win.docs.documents)
    win.go(1)
    win.train_page.start.click()
    wait(lambda: win.personalise.run_job is None and win.stack.currentIndex() == 2)
    wait(lambda: win.words_box.ex is not None or not win.results.outcome.results[0].learned)
    page = win.results_page
    page.ensureWidgetVisible(win.words_box, 0, 0)
    page.verticalScrollBar().setValue(win.words_box.y() - 10)
    shot(win, "08-words-lit-up.png")


if __name__ == "__main__":
    sys.exit(main())
