"""Take the README screenshots from the real window (offscreen).

    python tools/screenshots.py [--base FOLDER] [--out docs/screenshots] [--minutes 0.5]
    python tools/screenshots.py --lang ml --size 1366x768 --minutes 0.25    # ml-01-documents.png, ...

Runs the real flow on the novelist sample: documents loaded, training in
comparison mode (grabbed mid-run, with the chart), results, try-it and the
"Open adapter" dialog. Settings and saved files go to a temporary NORMFIT_HOME.
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
    ap.add_argument("--base", default=os.environ.get("NORMFIT_BASE"))
    ap.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    ap.add_argument("--minutes", type=float, default=None,
                    help="override the budget per method (default: the window's 1-minute choice)")
    ap.add_argument("--sample", default="novelist")
    ap.add_argument("--size", default="1280x820")
    ap.add_argument("--dark", action="store_true", help="also one shot with a dark palette")
    ap.add_argument("--lang", default="en", help="window language (en, ml); files are prefixed with it")
    ap.add_argument("--who", default="അനു", help="the name typed into 'Who is this for?' (non-English runs)")
    ap.add_argument("--only", default="",
                    help="save only these shots (comma-separated, e.g. 04-try-it.png); stops after the last one")
    args = ap.parse_args()
    os.environ["NORMFIT_HOME"] = tempfile.mkdtemp(prefix="normfit-shots-")

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QApplication

    from desktop.ui import language
    from desktop.ui.settings import Settings
    from desktop.ui.window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("NormFit")
    language.load_fonts()
    if not language.apply(args.lang):
        raise SystemExit(f"no translation for {args.lang}")
    prefix = "" if args.lang == "en" else f"{args.lang}-"
    # Draw some Malayalam once before the engine loads in its thread: a run whose
    # first Malayalam text came later drew empty boxes ("OpenType support missing").
    from PySide6.QtWidgets import QLabel
    warm = QLabel(language.LANGUAGES.get("ml", "") + " " + args.who)
    warm.grab()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    w_px, h_px = (int(v) for v in args.size.split("x"))

    def pump(seconds: float) -> None:
        loop = QEventLoop()
        QTimer.singleShot(int(seconds * 1000), loop.quit)
        loop.exec()

    def wait(cond, timeout=3600.0) -> None:
        t0 = time.monotonic()
        while not cond():
            if time.monotonic() - t0 > timeout:
                raise TimeoutError("gave up waiting")
            pump(0.05)

    only = [n for n in args.only.split(",") if n]

    def shot(widget, name: str) -> None:
        if only and name not in only:
            return
        pump(0.3)
        path = out / (prefix + name)
        widget.grab().save(str(path))
        print("wrote", path)

    win = MainWindow(base_folder=args.base, settings=Settings(budget_minutes=1, compare=True),
                     train_overrides={"minutes": args.minutes} if args.minutes else None)
    win.resize(w_px, h_px)
    win.show()
    wait(lambda: win.base is not None and win.docs.min_words is not None)

    # 1. Documents: the sample set plus a damaged PDF, to show a reason (in the window's language).
    bad = Path(tempfile.mkdtemp()) / "holiday-notes.pdf"
    bad.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n" + bytes(range(256)) * 4)
    win.docs.add_samples(args.sample)
    wait(lambda: not win.jobs and win.docs.documents)
    win.docs.add_paths([str(bad)])
    wait(lambda: not win.jobs and win.docs.skipped)
    shot(win, "01-documents.png")

    # 2. Personalise, mid-run with the live chart.
    win.go(1)
    if prefix:
        win.train_page.who.setText(args.who)
    win.train_page.start.click()
    p = win.personalise
    wait(lambda: p.run is not None and (p.run.method != "norm" or p.run.phase == "evaluating-after"
                                        or win.train_page.chart.point_count() >= 30))
    shot(win, "02-training.png")

    # 3. Results in comparison mode.
    wait(lambda: win.personalise.run_job is None, timeout=3600)
    wait(lambda: win.stack.currentIndex() == 2)
    win.results_page.verticalScrollBar().setValue(0)
    shot(win, "03-results-compare.png")

    # 4. Try it: one of the person's own openings written by both models, the
    # next words each expects after it, and the typing saved (once measured).
    page = win.results_page
    box, ctl = page.try_box, win.results.try_it
    wait(lambda: box.openings_row.isVisible(), timeout=600)
    first = next(b for b in box.openings if b.isVisible())
    first.click()
    wait(lambda: page.write.isEnabled() and page.base_out.toPlainText().startswith(first.text())
         and not page.mine_out.toPlainText().endswith("..."))
    page.prompt.setText(first.text() + " ")
    ctl.suggest()
    wait(lambda: ctl.suggest_job is None and any(b.isVisible() for b in box.mine_next))
    wait(lambda: ctl.savings_job is None, timeout=600)
    if prefix:     # and the saved adapters, by name: save this one as the name typed in
        from desktop.engine.api import export_adapter
        from desktop.paths import adapters_dir, ensure
        folder = ensure(adapters_dir())
        r = win.results.outcome.by_method()["norm"]
        for label in (win.results.outcome.label, "Rahul", None):
            export_adapter(folder / win.results.default_adapter_name(folder, "norm", label), r, win.base, label=label)
        win.results.refresh_saved()
    page.ensureWidgetVisible(page.try_box)
    page.verticalScrollBar().setValue(page.try_box.y())
    shot(win, "04-try-it.png")
    if only and only[-1] == "04-try-it.png":
        win.close()
        sys.stdout.flush()
        os._exit(0)

    # 5. Open adapter: save the result, then open it again.
    saved = Path(os.environ["NORMFIT_HOME"]) / "my-writing.safetensors"
    from desktop.engine.api import export_adapter
    export_adapter(saved, win.results.outcome.by_method()["norm"], win.base,
                   label=args.who if prefix else "Novelist sample")
    win.results.open_adapter(str(saved))
    wait(lambda: win.results.adapter_dialog is not None)
    dlg = win.results.adapter_dialog
    dlg.evaluate.click()
    wait(lambda: dlg.evaluate.isEnabled() and dlg.result.text())
    dlg.adjustSize()
    shot(dlg, "05-open-adapter.png")
    dlg.close()

    # 6. A class at once (File > Class...): students made from the samples, one with too little text.
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QTextBrowser
    QDesktopServices.openUrl = lambda url: True      # no browser here; the report is shot below
    klass = Path(tempfile.mkdtemp()) / "class-7b"
    names = {"novelist": args.who if prefix else "Anu", "scientist": "ചിത്ര" if prefix else "Chitra",
             "programmer": "Rahul"}
    samples = Path(__file__).resolve().parents[1] / "assets" / "samples"
    for sample, name in names.items():
        (klass / name).mkdir(parents=True)
        for f in (samples / sample).iterdir():
            (klass / name / f.name).write_bytes(f.read_bytes())
    (klass / "Dev").mkdir()        # only a damaged file: "no readable documents"
    (klass / "Dev" / bad.name).write_bytes(bad.read_bytes())
    (klass / "Bala").mkdir()
    (klass / "Bala" / "notes.txt").write_text(" ".join((samples / "novelist").glob("*.txt").__next__()
                                                       .read_text(encoding="utf-8").split()[:250]), encoding="utf-8")
    win.open_class()
    cd = win.class_dialog
    cd.set_folder(klass)
    cd.start.click()
    wait(lambda: not cd.running() and cd.job is None, timeout=3600)
    shot(cd, "06-class.png")
    report = QTextBrowser()
    report.setHtml(cd.report.read_text(encoding="utf-8"))
    report.resize(w_px, min(h_px, 520))
    report.show()
    shot(report, "07-class-report.png")
    report.close()
    cd.close()

    if args.dark:
        pal = QPalette()
        for role, c in ((QPalette.ColorRole.Window, "#2b2d31"), (QPalette.ColorRole.WindowText, "#e6e6e6"),
                        (QPalette.ColorRole.Base, "#1f2023"), (QPalette.ColorRole.AlternateBase, "#26282c"),
                        (QPalette.ColorRole.Text, "#e6e6e6"), (QPalette.ColorRole.Button, "#3a3c41"),
                        (QPalette.ColorRole.ButtonText, "#e6e6e6"), (QPalette.ColorRole.Highlight, "#2f7ed8"),
                        (QPalette.ColorRole.HighlightedText, "#ffffff")):
            pal.setColor(role, QColor(c))
        app.setStyle("Fusion")
        app.setPalette(pal)
        win.go(1)
        shot(win, "06-dark-personalise.png")
    win.close()
    sys.stdout.flush()
    os._exit(0)   # skip interpreter teardown of Qt objects


if __name__ == "__main__":
    sys.exit(main())
