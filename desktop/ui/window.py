"""The NormFit window: three steps (Documents, Personalise, Results).

Each step has a controller that owns its state (documents_step.py,
training_step.py, results_step.py: `docs`, `personalise`, `results` here). The
window keeps what is not one step's: the layout and menus, the language, the
settings, the loaded base and the jobs (`_start_job`: every job that uses the
base queues on one lock, so nothing touches the base but one job at a time).
It talks to the engine only through `desktop.engine.api`, always from a `Job`
thread, so the event loop keeps running while the engine computes. The engine
module (and with it PyTorch) is imported in the background at start-up, which
is what lets the window appear quickly on an old PC.
"""
from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QActionGroup, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (QButtonGroup, QHBoxLayout, QLabel, QMainWindow, QMenu, QMessageBox, QPushButton,
                               QStackedWidget, QToolButton, QVBoxLayout, QWidget)

from ..paths import ensure, log_dir
from . import language
from .documents_step import DocumentsController
from .pages import QT_TR_NOOP, DocumentsPage, PersonalisePage, ResultsPage, named, tone
from .results_step import ResultsController
from .settings import Settings
from .state import (DOCUMENTS, PERSONALISE, RESULTS, Outcome, RunState, Skipped, device_words, engine,
                    samples_dir)
from .training_step import PersonaliseController
from .words import tr
from .worker import Failure, Job

log = logging.getLogger("normfit.ui")
# Outcome, RunState and samples_dir are imported from here by tests and benchmarks.
__all__ = ["MainWindow", "Outcome", "RunState", "Skipped", "samples_dir"]


class MainWindow(QMainWindow):
    base_ready = Signal()

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
        self.jobs: set[Job] = set()
        self.base_lock = threading.Lock()     # held by the one job using the base model (_start_job)
        self.last_error_box: QMessageBox | None = None
        self.class_dialog = None         # File > Class... (class_dialog.py), made on first use
        # Texts that depend on state, by place: set once now, and again after a language switch.
        self._live: dict[str, object] = {}
        self._build(train_overrides)
        self._restore()
        if self.base is None:
            self._load_base()
        else:
            self._start_job("inspect-device",
                            lambda emit, stop: (engine().detect(should_stop=stop), engine().MIN_WORDS),
                            self._device_known, uses_base=False)

    # ------------------------------------------------------------ layout
    def _build(self, train_overrides: dict | None) -> None:
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

        self.samples_menu = QMenu(self)
        from . import explain_view
        self.words_box = explain_view.attach(self)
        # One controller per step, each wiring its own page; they tell the window through signals.
        self.docs = DocumentsController(self)
        self.personalise = PersonaliseController(self, self.docs, train_overrides)
        self.results = ResultsController(self, self.docs)
        for ctl in (self.docs, self.personalise, self.results):
            ctl.changed.connect(self._update_nav)
        self.personalise.outcome_ready.connect(self._show_new_outcome)
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
        action(fm, QT_TR_NOOP("Add &files..."), self.docs.choose_files, QKeySequence.StandardKey.Open)
        action(fm, QT_TR_NOOP("Add f&older..."), self.docs.choose_folder)
        action(fm, QT_TR_NOOP("&Open adapter..."), self.results.choose_adapter, "Ctrl+Shift+O")
        action(fm, QT_TR_NOOP("&Save adapter..."), self.results.save_adapter, QKeySequence.StandardKey.Save)
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
        action(gm, QT_TR_NOOP("&Cancel training"), self.personalise.cancel, Qt.Key.Key_Escape)
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

    def _forget_live_text(self, key: str) -> None:
        """No longer re-word this place after a switch (its owner words it itself now)."""
        self._live.pop(key, None)

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
        self.docs.refresh()
        self.personalise.retranslate()
        self.results.retranslate()

    def _restore(self) -> None:
        s = self.settings
        compare = s.compare
        self.train_page.budget_buttons.get(s.budget_minutes, self.train_page.budget_buttons[5]).setChecked(True)
        self.train_page.compare.setChecked(compare)
        self.train_page.guard_buttons.get(s.max_drift_pct, self.train_page.guard_buttons[3]).setChecked(True)
        self.personalise.time_note()
        if s.geometry:
            self.restoreGeometry(QByteArray.fromBase64(s.geometry.encode("ascii")))
        else:   # fits a 1366x768 lab screen with its taskbar
            avail = self.screen().availableGeometry()
            self.resize(min(1100, int(avail.width() * 0.92)), min(780, int(avail.height() * 0.9)))

    def changeEvent(self, ev) -> None:
        if ev.type() == QEvent.Type.LanguageChange and hasattr(self, "_words"):
            self.retranslate()
        # Follow a light/dark theme switch: re-pick the coloured text.
        if ev.type() == ev.Type.PaletteChange and hasattr(self, "results"):
            self.docs_page.warning.setStyleSheet(tone(self, "warning"))
            self.results.retone()
        super().changeEvent(ev)

    def closeEvent(self, ev) -> None:
        class_running = self.class_dialog is not None and self.class_dialog.running()
        if class_running or self.personalise.running():
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
        """Cancel every job, wait a while, and detach them all: one still running
        (a step that cannot stop mid-way on a very busy PC) ends in the background,
        kept alive by worker.LIVE, and nothing it computes reaches this window."""
        for j in list(self.jobs):
            j.cancel()
        deadline = time.monotonic() + seconds
        for j in list(self.jobs):
            j.wait(max(0, int((deadline - time.monotonic()) * 1000)))
            j.detach()
        self.jobs.clear()

    def dragEnterEvent(self, ev) -> None:
        if ev.mimeData().hasUrls() and any(u.isLocalFile() for u in ev.mimeData().urls()):
            ev.acceptProposedAction()

    def dropEvent(self, ev) -> None:
        """Files dropped anywhere on the window join the documents (not while a run goes)."""
        paths = [u.toLocalFile() for u in ev.mimeData().urls() if u.isLocalFile()]
        if paths and not self.personalise.running():
            ev.acceptProposedAction()
            self.go(DOCUMENTS)
            self.docs.add_paths(paths)

    # ------------------------------------------------------------ navigation
    def go(self, index: int) -> None:
        index = max(0, min(2, index))
        if index == PERSONALISE and not self.docs.enough_text() and not self.personalise.running():
            index = DOCUMENTS
            self.statusBar().showMessage(self.docs_page.warning.text() or tr("Add documents first."), 5000)
        self.stack.setCurrentIndex(index)
        for i, b in enumerate(self.step_buttons):
            b.setChecked(i == index)
        self._update_nav()

    def _update_nav(self) -> None:
        i = self.stack.currentIndex()
        enough, running = self.docs.enough_text(), self.personalise.running()
        self.back.setEnabled(i > 0 and not running)
        can_next = {DOCUMENTS: enough, PERSONALISE: self.results.outcome is not None, RESULTS: False}[i]
        self.next.setEnabled(can_next)
        self.step_buttons[PERSONALISE].setEnabled(enough or running)
        self.step_buttons[RESULTS].setEnabled(True)
        self.train_page.start.setEnabled(enough and self.base is not None and not running)

    def _show_new_outcome(self, outcome: Outcome) -> None:
        """A run (or the kept best of a stopped one) finished: show it on the Results page."""
        self.results.show_outcome(outcome)
        self.go(RESULTS)

    # ------------------------------------------------------------ jobs
    def _start_job(self, name, fn, on_done, on_event=None, on_failed=None, uses_base: bool = True,
                   owner=None) -> Job:
        """Run `fn` in a background job. Jobs that use the base model (`uses_base`, the
        default) queue on one lock, so two never touch the shared Base at once (a
        class run and an explanation, say); reading files, loading and writing do not.
        `owner` (default: this window; a dialog for a dialog's job): once it is gone,
        nothing the job computes is delivered."""
        job = Job(name, fn, self.base_lock if uses_base else None, owner=owner or self,
                  on_end=self.jobs.discard)
        if on_event is not None:
            job.relay(job.event, on_event)
        job.relay(job.succeeded, on_done)
        job.relay(job.failed, on_failed or (lambda f: self.show_error(tr("Something went wrong"), f)))
        self.jobs.add(job)
        log.info("job %s started", name)
        job.start()
        return job

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
    def base_loading(self) -> bool:
        """Whether the base (and with it the engine) is still being loaded."""
        return any(j.name == "load-base" for j in self.jobs)

    def _load_base(self) -> None:
        folder = self.base_folder

        def work(emit, stop):
            api = engine()
            base = api.load_base(folder)
            return base, api.detect(should_stop=stop), api.MIN_WORDS

        self._start_job("load-base", work, self._base_loaded, on_failed=self._base_failed, uses_base=False)

    def _base_loaded(self, res) -> None:
        self.base, info, min_words = res
        self._device_known((info, min_words))

    def _device_known(self, res) -> None:
        self.device_info, min_words = res
        self._live_text("base_status", lambda: self.base_status.setText(tr("Base model: {id}  ·  {device}").format(
            id=self.base.base_id, device=device_words(self.device_info))))
        self._live_text("device", lambda: self.train_page.device.setText(device_words(self.device_info)))
        self.docs.engine_ready(min_words)
        self.base_ready.emit()
        # Pay PyTorch's lazy imports now, not in the middle of the first run.
        self._start_job("warm-up", lambda emit, stop: engine().warm_up(), lambda _: None,
                        on_failed=lambda f: log.warning("warm-up failed: %s", f.details), uses_base=False)

    def _base_failed(self, f: Failure) -> None:
        self._live_text("base_status", lambda: self.base_status.setText(tr("No base model loaded")))
        self.docs.engine_failed()
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
