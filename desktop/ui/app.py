"""Entry point of the window: `normfit` with no arguments calls `main([])`.

    normfit                      the window, with the bundled base model
    python -m desktop.ui.app --base FOLDER   another base (NORMFIT_BASE does the same)

Logs go to the platformdirs user log folder (NORMFIT_HOME moves it).
"""
from __future__ import annotations

import argparse
import logging
import logging.handlers
import os
import sys
import time

_T0 = time.perf_counter()


def setup_logging() -> str | None:
    from ..paths import ensure, log_dir
    root = logging.getLogger("normfit")
    if any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        return None
    try:
        path = ensure(log_dir()) / "normfit.log"
        h = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        return None     # a read-only profile must not stop the window
    h.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(message)s"))
    root.addHandler(h)
    root.setLevel(logging.INFO)
    return str(path)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="normfit", description="Open the NormFit window.")
    p.add_argument("--base", default=os.environ.get("NORMFIT_BASE"), help="base model folder")
    p.add_argument("--quit-when-ready", action="store_true", help=argparse.SUPPRESS)  # launch benchmark
    args = p.parse_args(argv if argv is not None else sys.argv[1:])
    from ..sysinfo import tune_allocator
    tune_allocator()      # before torch starts its threads: keeps RSS low on 4 GB PCs

    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from .. import __version__
    from . import language
    from .settings import Settings
    from .window import MainWindow

    log_path = setup_logging()
    log = logging.getLogger("normfit.ui")
    log.info("NormFit %s window starting (log %s)", __version__, log_path)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("NormFit")
    app.setApplicationDisplayName("NormFit")
    app.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName("normfit")
    language.load_fonts()
    settings = Settings.load()
    language.apply(language.resolve(settings.language))

    def excepthook(tp, val, tb):   # an unexpected error becomes a dialog, not a silent crash
        log.error("unhandled error", exc_info=(tp, val, tb))
        from .worker import failure_from
        w = QApplication.activeWindow()
        if isinstance(w, MainWindow):
            from .words import tr
            w.show_error(tr("Something went wrong"), failure_from(val))
    sys.excepthook = excepthook

    win = MainWindow(base_folder=args.base, settings=settings)
    win.show()
    if args.quit_when_ready:
        # Launch benchmark: "usable" = shown and the event loop turning; then
        # wait for the base model to be loaded too.
        def ready():
            print(f"window {time.perf_counter() - _T0:.3f}", flush=True)
        QTimer.singleShot(0, ready)

        def loaded():
            print(f"base {time.perf_counter() - _T0:.3f}", flush=True)
            QTimer.singleShot(0, win.close)
        win.base_ready.connect(loaded)
        QTimer.singleShot(60_000, win.close)
    rc = app.exec()
    log.info("window closed")
    from .worker import wait_for_jobs
    if not wait_for_jobs(10.0):
        # A computation that cannot be interrupted is still running; ending the
        # process now beats Qt aborting when its thread object is destroyed.
        log.warning("exiting with a computation still running")
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(rc)
    return rc


if __name__ == "__main__":
    sys.exit(main())
