"""The NormFit window: three steps (Documents, Personalise, Results).

The window owns the state (documents, the loaded base, the last outcome) and
talks to the engine only through `desktop.engine.api`, always from a `Job`
thread, so the event loop keeps running while the engine computes. The engine
module (and with it PyTorch) is imported in the background at start-up, which
is what lets the window appear quickly on an old PC.
"""
from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QActionGroup, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (QButtonGroup, QHBoxLayout, QLabel, QMainWindow, QMenu, QMessageBox, QPushButton,
                               QStackedWidget, QToolButton, QVBoxLayout, QWidget)

from ..paths import adapters_dir, ensure, log_dir
from . import language
from .dialogs import AdapterDialog
from .documents_step import DocumentsStep
from .pages import QT_TR_NOOP, DocumentsPage, PersonalisePage, ResultsPage, named, tone
from .results_step import ResultsStep
from .settings import Settings
from .state import (DOCUMENTS, PERSONALISE, RESULTS, Outcome, RunState, Skipped, device_words, engine,
                    samples_dir)
from .training_step import TrainingStep
from .words import tr
from .worker import Failure, Job, linger

log = logging.getLogger("normfit.ui")
# Outcome, RunState and samples_dir are imported from here by tests and benchmarks.
__all__ = ["MainWindow", "Outcome", "RunState", "Skipped", "samples_dir"]


class MainWindow(DocumentsStep, TrainingStep, ResultsStep, QMainWindow):
    base_ready = Signal()
    run_finished = Signal()

    def __init__(self, base_folder: str | Path | None = None, base=None, settings: Settings | None = None,
                 train_overrides: dict | None = None):
        super().__init__()
        self.setWindowTitle(tr("NormFit"))
        self.setAccessibleName(tr("NormFit"))
        self.setAcceptDrops(True)
        self.settings = settings or Settings.load()
        self.base_folder = base_folder
        self.base = base
        self.device_info = None
        self.min_words = None
        self.train_overrides = dict(train_overrides or {})
        self.documents: list = []
        self.skipped: list[Skipped] = []
        self.outcome: Outcome | None = None
        self.try_adapter = None         # an opened AdapterFile used by "Try it"
        self.try_base = None            # ...and the base release it was made for
        self.jobs: set[Job] = set()
        self.base_lock = threading.Lock()     # held by the one job using the base model (_start_job)
        self.run_job: Job | None = None
        self.run: RunState | None = None
        self.keep_box: QMessageBox | None = None
        self.last_error_box: QMessageBox | None = None
        self.adapter_dialog: AdapterDialog | None = None
        self.class_dialog = None         # File > Class... (class_dialog.py), made on first use
        self.last_cancel_latency: float | None = None
        self.last_step_seconds = 0.0
        self._pending_paths: list[str] = []
        self._reading = 0
        # Texts that depend on state, by place: set once now, and again after a language switch.
        self._live: dict[str, object] = {}
        self._build()
        self._restore()
        self.ticker = QTimer(self)
        self.ticker.setInterval(100)       # progress and chart repaint at 10 Hz, however fast events come
        self.ticker.timeout.connect(self._tick)
        if self.base is None:
            self._load_base()
        else:
            self._start_job("inspect-device", lambda emit, stop: (engine().detect(), engine().MIN_WORDS),
                            self._device_known, uses_base=False)

    # ------------------------------------------------------------ layout
    def _build(self) -> None:
        central = QWidget()
        outer = QVBoxLayout(central)
        steps = QHBoxLayout()
        self.step_group = QButtonGroup(self)
        self.step_buttons: list[QToolButton] = []
        self.step_arrows: list[QLabel] = []
        for i in range(3):
            b = QToolButton()
            b.setCheckable(True)
            b.setAutoRaise(True)
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            f = b.font()
            f.setPointSizeF(f.pointSizeF() * 1.15)
            b.setFont(f)
            b.setMinimumHeight(34)
            self.step_group.addButton(b, i)
            self.step_buttons.append(b)
            steps.addWidget(b)
            if i < 2:
                arrow = QLabel("\u203a")
                self.step_arrows.append(arrow)
                steps.addWidget(arrow)
        steps.addStretch(1)
        outer.addLayout(steps)
        self.step_group.idClicked.connect(self.go)

        self.stack = QStackedWidget()
        self.docs_page = DocumentsPage()
        self.train_page = PersonalisePage()
        self.results_page = ResultsPage()
        for p in (self.docs_page, self.train_page, self.results_page):
            self.stack.addWidget(p)
        outer.addWidget(self.stack, 1)

        nav = QHBoxLayout()
        self.back = QPushButton()
        self.next = QPushButton()
        nav.addWidget(self.back)
        nav.addStretch(1)
        nav.addWidget(self.next)
        outer.addLayout(nav)
        self.back.clicked.connect(lambda: self.go(self.stack.currentIndex() - 1))
        self.next.clicked.connect(lambda: self.go(self.stack.currentIndex() + 1))
        self.setCentralWidget(central)
        self.base_status = QLabel()
        self.statusBar().addPermanentWidget(self.base_status)
        self._live_text("base_status", lambda: self.base_status.setText(tr("Loading the base model...")))
        self._live_text("device", lambda: self.train_page.device.setText(tr("Looking at this computer...")))
        self._phase(lambda: tr("Ready when you are."))
        self._live_text("mine_label", lambda: self.results_page.mine_label.setText(tr("Personalised model")))

        d, t, r = self.docs_page, self.train_page, self.results_page
        d.add_files.clicked.connect(self.choose_files)
        d.add_folder.clicked.connect(self.choose_folder)
        d.samples.clicked.connect(self.show_samples_menu)
        self.samples_menu = QMenu(self)
        d.remove.clicked.connect(self.remove_selected)
        d.clear.clicked.connect(self.remove_all)
        t.start.clicked.connect(self.start_training)
        t.cancel.clicked.connect(self.cancel_training)
        t.compare.toggled.connect(self._compare_toggled)
        t.budget_group.idToggled.connect(self._budget_toggled)
        t.guard_group.idToggled.connect(self._guard_toggled)
        r.save.clicked.connect(self.save_adapter)
        r.share.clicked.connect(self.share_result)
        r.open.clicked.connect(self.choose_adapter)
        from .try_it import TryIt
        self.try_ctl = TryIt(self, r.try_box)     # Try it wires its own controls
        r.open_saved.clicked.connect(self._open_selected_saved)
        r.share_saved.clicked.connect(self.share_selected_saved)
        r.saved_list.itemActivated.connect(self._saved_activated)
        r.show_folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(ensure(adapters_dir())))))
        from . import explain_view
        self.words_box = explain_view.attach(self)
        self._build_menus()
        self.retranslate()
        self.go(DOCUMENTS)

    def _build_menus(self) -> None:
        """Menus and their actions; their words are (re)set by retranslate() from self._words."""
        self._words: list[tuple[object, str]] = []     # (menu or action, English source text)

        def menu(source):
            m = self.menuBar().addMenu("")
            self._words.append((m, source))
            return m

        def action(m, source, slot, key=None):
            a = QAction("", self)
            if key:
                a.setShortcut(QKeySequence(key))
            a.triggered.connect(slot)
            m.addAction(a)
            self._words.append((a, source))
            return a

        fm = menu(QT_TR_NOOP("&File"))
        action(fm, QT_TR_NOOP("Add &files..."), self.choose_files, QKeySequence.StandardKey.Open)
        action(fm, QT_TR_NOOP("Add f&older..."), self.choose_folder)
        action(fm, QT_TR_NOOP("&Open adapter..."), self.choose_adapter, "Ctrl+Shift+O")
        action(fm, QT_TR_NOOP("&Save adapter..."), self.save_adapter, QKeySequence.StandardKey.Save)
        fm.addSeparator()
        self.class_action = action(fm, QT_TR_NOOP("&Class..."), self.open_class, "Ctrl+Shift+K")
        self.shared_action = action(fm, QT_TR_NOOP("Shared fol&der..."), self.open_shared_folder)
        from . import whose
        action(fm, QT_TR_NOOP("&Whose writing is this?..."), lambda: whose.open_dialog(self), "Ctrl+Shift+W")
        fm.addSeparator()
        action(fm, QT_TR_NOOP("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        gm = menu(QT_TR_NOOP("&Go"))
        for i, source in enumerate((QT_TR_NOOP("&Documents"), QT_TR_NOOP("&Personalise"), QT_TR_NOOP("&Results"))):
            action(gm, source, lambda _=False, i=i: self.go(i), f"Ctrl+{i + 1}")
        gm.addSeparator()
        action(gm, QT_TR_NOOP("&Cancel training"), self.cancel_training, Qt.Key.Key_Escape)
        # Each language is named in itself, so the menu is findable whatever is showing.
        lm = menu(QT_TR_NOOP("&Language"))
        self.language_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        for code, name in language.LANGUAGES.items():
            a = QAction(name, self)
            a.setCheckable(True)
            a.triggered.connect(lambda _=False, c=code: self.set_language(c))
            group.addAction(a)
            lm.addAction(a)
            self.language_actions[code] = a
        self.language_actions[language.current()].setChecked(True)
        hm = menu(QT_TR_NOOP("&Help"))
        action(hm, QT_TR_NOOP("Open the &log folder"),
               lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(ensure(log_dir())))))
        from .dialogs import show_guide
        action(hm, QT_TR_NOOP("&Guide for teachers"), lambda: show_guide(self), "F1")
        action(hm, QT_TR_NOOP("&About NormFit"), self._about)

    def _live_text(self, key: str, setter) -> None:
        """Show a state-dependent text now, and again in the new language after a switch."""
        self._live[key] = setter
        setter()

    def set_language(self, code: str) -> None:
        """The Language menu: switch now (nothing in the window is lost) and remember it."""
        language.apply(code)
        self.settings.language = code
        self.settings.save()
        for c, a in self.language_actions.items():
            a.setChecked(c == language.current())

    def retranslate(self) -> None:
        """Re-word the whole window in the current language, keeping its state."""
        self.setWindowTitle(tr("NormFit"))
        self.setAccessibleName(tr("NormFit"))
        for i, (b, text) in enumerate(zip(self.step_buttons, (tr("1  Documents"), tr("2  Personalise"),
                                                                tr("3  Results")))):
            b.setText(text)
            named(b, text.split("  ")[-1], tr("Go to step {n} (Ctrl+{n})").format(n=i + 1))
        for a in self.step_arrows:
            a.setAccessibleName(tr("then"))
        named(self.back, tr("Back")).setText(tr("< &Back"))
        named(self.next, tr("Next")).setText(tr("&Next >"))
        self.base_status.setAccessibleName(tr("Base model status"))
        self.samples_menu.setAccessibleName(tr("Sample documents"))
        for obj, source in self._words:
            (obj.setTitle if isinstance(obj, QMenu) else obj.setText)(tr(source))
        for setter in self._live.values():
            setter()
        self.refresh_documents()
        self._time_note()
        self.refresh_saved()
        if self.outcome is not None:
            self._describe_outcome(self.outcome)
        if self.run is not None:
            self._tick()

    def _restore(self) -> None:
        s = self.settings
        compare = s.compare
        self.train_page.budget_buttons.get(s.budget_minutes, self.train_page.budget_buttons[5]).setChecked(True)
        self.train_page.compare.setChecked(compare)
        self.train_page.guard_buttons.get(s.max_drift_pct, self.train_page.guard_buttons[3]).setChecked(True)
        self._time_note()
        if s.geometry:
            self.restoreGeometry(QByteArray.fromBase64(s.geometry.encode("ascii")))
        else:   # fits a 1366x768 lab screen with its taskbar
            avail = self.screen().availableGeometry()
            self.resize(min(1100, int(avail.width() * 0.92)), min(780, int(avail.height() * 0.9)))

    def changeEvent(self, ev) -> None:
        if ev.type() == QEvent.Type.LanguageChange and hasattr(self, "_words"):
            self.retranslate()
        # Follow a light/dark theme switch: re-pick the coloured text.
        if ev.type() == ev.Type.PaletteChange and hasattr(self, "docs_page"):
            self.docs_page.warning.setStyleSheet(tone(self, "warning"))
            self.results_page.general.setStyleSheet(tone(self, getattr(self, "_general_level", "note")))
        super().changeEvent(ev)

    def closeEvent(self, ev) -> None:
        class_running = self.class_dialog is not None and self.class_dialog.running()
        if class_running or (self.run_job is not None and self.run_job in self.jobs and self.run_job.isRunning()):
            ans = QMessageBox.question(self, tr("Stop training?"),
                                       tr("NormFit is still training. Stop and close?"),
                                       QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                       QMessageBox.StandardButton.No)
            if ans != QMessageBox.StandardButton.Yes:
                ev.ignore()
                return
        self.settings.geometry = bytes(self.saveGeometry().toBase64()).decode("ascii")
        self.settings.save()
        self.stop_jobs(5.0)
        super().closeEvent(ev)

    def stop_jobs(self, seconds: float) -> None:
        """Cancel every job and wait a while; one still running (a computation that
        cannot stop mid-way on a very busy PC) is handed to worker.linger so that
        destroying the window never destroys a running thread."""
        for j in list(self.jobs):
            j.cancel()
        deadline = time.monotonic() + seconds
        for j in list(self.jobs):
            j.wait(max(0, int((deadline - time.monotonic()) * 1000)))
            if j.isRunning():
                linger(j)
                self.jobs.discard(j)

    # ------------------------------------------------------------ navigation
    def go(self, index: int) -> None:
        index = max(0, min(2, index))
        if index == PERSONALISE and not self._enough_text() and not self._running():
            index = DOCUMENTS
            self.statusBar().showMessage(self.docs_page.warning.text() or tr("Add documents first."), 5000)
        self.stack.setCurrentIndex(index)
        for i, b in enumerate(self.step_buttons):
            b.setChecked(i == index)
        self._update_nav()

    def _update_nav(self) -> None:
        i = self.stack.currentIndex()
        self.back.setEnabled(i > 0 and not self._running())
        can_next = {DOCUMENTS: self._enough_text(), PERSONALISE: self.outcome is not None,
                    RESULTS: False}[i]
        self.next.setEnabled(can_next)
        self.step_buttons[PERSONALISE].setEnabled(self._enough_text() or self._running())
        self.step_buttons[RESULTS].setEnabled(True)
        self.train_page.start.setEnabled(self._enough_text() and self.base is not None and not self._running())

    def _running(self) -> bool:
        return self.run_job is not None and self.run_job.isRunning()

    # ------------------------------------------------------------ jobs
    def _start_job(self, name, fn, on_done, on_event=None, on_failed=None, uses_base: bool = True) -> Job:
        """Run `fn` in a background job. Jobs that use the base model (`uses_base`, the
        default) queue on one lock, so two never touch the shared Base at once (a
        class run and an explanation, say); reading files, loading and writing do not."""
        job = Job(name, fn, self, self.base_lock if uses_base else None)
        if on_event is not None:
            job.event.connect(on_event)
        job.succeeded.connect(on_done)
        job.failed.connect(on_failed or (lambda f, n=name: self.show_error(tr("Something went wrong"), f)))
        job.finished.connect(lambda j=job: self._job_finished(j))
        self.jobs.add(job)
        log.info("job %s started", name)
        job.start()
        return job

    def _job_finished(self, job: Job) -> None:
        self.jobs.discard(job)
        job.deleteLater()

    def show_error(self, title: str, failure: Failure | str, details: str | None = None) -> QMessageBox:
        """A plain sentence, with the technical details folded away."""
        if isinstance(failure, Failure):
            text, details = failure.message, details or failure.details
        else:
            text = failure
        log.warning("%s: %s", title, text)
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self)
        box.setAccessibleName(title)
        if details:
            box.setDetailedText(details)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.open()
        self.last_error_box = box
        return box

    # ------------------------------------------------------------ base model
    def _load_base(self) -> None:
        folder = self.base_folder

        def work(emit, stop):
            api = engine()
            base = api.load_base(folder)
            return base, api.detect(), api.MIN_WORDS

        self._start_job("load-base", work, self._base_loaded, on_failed=self._base_failed, uses_base=False)

    def _base_loaded(self, res) -> None:
        self.base, info, self.min_words = res
        self._device_known((info, self.min_words))

    def _device_known(self, res) -> None:
        self.device_info, self.min_words = res
        self._live_text("base_status", lambda: self.base_status.setText(tr("Base model: {id}  ·  {device}").format(
            id=self.base.base_id, device=device_words(self.device_info))))
        self._live_text("device", lambda: self.train_page.device.setText(device_words(self.device_info)))
        self.refresh_documents()
        self.base_ready.emit()
        # Pay PyTorch's lazy imports now, not in the middle of the first run.
        self._start_job("warm-up", lambda emit, stop: engine().warm_up(), lambda _: None,
                        on_failed=lambda f: log.warning("warm-up failed: %s", f.details), uses_base=False)
        if self._pending_paths:
            paths, self._pending_paths = self._pending_paths, []
            self.add_paths(paths)

    def _base_failed(self, f: Failure) -> None:
        self._live_text("base_status", lambda: self.base_status.setText(tr("No base model loaded")))
        if self._pending_paths:    # documents can still be read and checked
            paths, self._pending_paths = self._pending_paths, []
            QTimer.singleShot(0, lambda: self.add_paths(paths))
        self.show_error(tr("The base model could not be loaded"),
                        tr("NormFit could not load its language model: {why}").format(why=f.message), f.details)

    def open_class(self) -> None:
        """File > Class...: one adapter per student of a class folder, with a progress list."""
        from .class_dialog import ClassDialog
        if self.base is None:
            self.show_error(tr("Not ready yet"), tr("The base model is still loading; try again in a moment."))
            return
        if self.class_dialog is None:
            self.class_dialog = ClassDialog(self)
        self.class_dialog.show()
        self.class_dialog.raise_()

    def open_shared_folder(self) -> None:
        """File > Shared folder...: what a shared folder holds, and whose keys to trust (shared_folder.py)."""
        from .shared_folder import SharedFolderDialog
        if getattr(self, "shared_dialog", None) is None:
            self.shared_dialog = SharedFolderDialog(self)
        self.shared_dialog.show()
        self.shared_dialog.raise_()

    def _about(self) -> None:
        from .. import __version__
        QMessageBox.about(self, tr("About NormFit"), tr(
            "NormFit {v}\n\nPersonalises a small language model to your writing by training only its "
            "normalisation gains (about 2,300 numbers), offline. Logs: {logs}").format(v=__version__,
                                                                                       logs=log_dir()))
