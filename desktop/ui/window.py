"""The NormFit window: three steps (Documents, Personalise, Results).

The window owns the state (documents, the loaded base, the last outcome) and
talks to the engine only through `desktop.engine.api`, always from a `Job`
thread, so the event loop keeps running while the engine computes. The engine
module (and with it PyTorch) is imported in the background at start-up, which
is what lets the window appear quickly on an old PC.
"""
from __future__ import annotations

import dataclasses
import hashlib
import importlib
import logging
import os
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QActionGroup, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (QButtonGroup, QFileDialog, QHBoxLayout, QLabel,
                               QMainWindow, QMenu, QMessageBox, QPushButton, QStackedWidget,
                               QStyle, QTableWidgetItem, QToolButton, QVBoxLayout, QWidget)

from ..paths import adapters_dir, ensure, log_dir
from . import language, saved
from .dialogs import AdapterDialog
from .pages import QT_TR_NOOP, DocumentsPage, PersonalisePage, ResultsPage, named, tone
from .settings import Settings
from .words import (Row, adapter_sentence, clock, count_text, dec, general_sentence, heldout_sentence,
                    method_name, num, pareto_verdict, ppl_text, size_text, tr, words_needed)
from .worker import Failure, Job, linger

log = logging.getLogger("normfit.ui")
ADAPTER_FILTER = QT_TR_NOOP("NormFit adapter (*.safetensors)")
# The engine's names for kinds of document (documents.register), shown in the Type column.
KINDS = {k: k for k in (QT_TR_NOOP("Text"), QT_TR_NOOP("Source code"), QT_TR_NOOP("PDF"),
                        QT_TR_NOOP("Word document"), QT_TR_NOOP("OpenDocument text"), QT_TR_NOOP("Rich Text"),
                        QT_TR_NOOP("Web page"), QT_TR_NOOP("E-book"))}
DOCUMENTS, PERSONALISE, RESULTS = range(3)


def engine():
    """The engine's public API, imported on first use (it pulls in PyTorch)."""
    return importlib.import_module("desktop.engine.api")


def samples_dir() -> Path:
    """The bundled sample documents (NORMFIT_SAMPLES overrides, e.g. in tests)."""
    env = os.environ.get("NORMFIT_SAMPLES")
    if env:
        return Path(env)
    bundle = getattr(sys, "_MEIPASS", None)
    root = Path(bundle) if bundle else Path(__file__).resolve().parents[2]
    return root / "assets" / "samples"


def device_words(info) -> str:
    if info.kind == "cuda":
        return tr("Using your NVIDIA graphics card ({name})").format(name=info.name)
    if info.kind == "mps":
        return tr("Using your Mac's graphics processor")
    if info.threads == 1:
        return tr("Using the processor, 1 core")
    return tr("Using the processor, {n} cores").format(n=info.threads)


@dataclass
class Skipped:
    path: str
    reason: str
    ours: bool = False      # the reason is the window's own (translated when shown), not the engine's

    @property
    def name(self) -> str:
        return Path(self.path).name

    @property
    def why(self) -> str:
        return tr(self.reason) if self.ours else self.reason


SAME_TEXT = QT_TR_NOOP("The same text as another document; counted once.")


@dataclass
class Outcome:
    """What one run produced: results per method, their file sizes, and the
    prepared data (to measure opened adapters on the same held-out text)."""
    results: list
    sizes: dict[str, int]
    data: object
    general: object
    general_label: str
    compare: bool
    heldout_words: int = 0
    label: str | None = None     # "Who is this for?", as typed before training (cleaned)

    def by_method(self) -> dict:
        return {r.method: r for r in self.results}

    @property
    def cancelled(self) -> bool:
        return any(r.cancelled for r in self.results)


@dataclass
class RunState:
    methods: tuple[str, ...]
    budget_s: float
    max_steps: int | None
    t0: float = field(default_factory=time.monotonic)
    method: str = "norm"
    phase: str = ""
    step: int = 0
    elapsed_in_method: float = 0.0
    tokens_per_s: float = 0.0
    events: int = 0
    cancel_at: float | None = None
    last_step_at: float | None = None
    step_seconds: float = 0.0      # the longest gap between two steps seen so far


class MainWindow(QMainWindow):
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
        self.run_job: Job | None = None
        self.run: RunState | None = None
        self.keep_box: QMessageBox | None = None
        self.last_error_box: QMessageBox | None = None
        self.adapter_dialog: AdapterDialog | None = None
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
                            self._device_known)

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
        r.open.clicked.connect(self.choose_adapter)
        r.write.clicked.connect(self.try_it)
        r.prompt.returnPressed.connect(self.try_it)
        r.open_saved.clicked.connect(self._open_selected_saved)
        r.saved_list.itemActivated.connect(self._saved_activated)
        r.show_folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(ensure(adapters_dir())))))
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
        if self.run_job is not None and self.run_job in self.jobs and self.run_job.isRunning():
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
    def _start_job(self, name, fn, on_done, on_event=None, on_failed=None) -> Job:
        job = Job(name, fn, self)
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

        self._start_job("load-base", work, self._base_loaded, on_failed=self._base_failed)

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
                        on_failed=lambda f: log.warning("warm-up failed: %s", f.details))
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

    # ------------------------------------------------------------ documents
    def choose_files(self) -> None:
        start = self.settings.last_folder or str(Path.home())
        paths, _ = QFileDialog.getOpenFileNames(self, tr("Add documents"), start,
                                                tr("Documents (*.txt *.md *.rst *.tex *.pdf *.docx *.odt *.rtf *.epub *.html *.htm *.py);;All files (*)"))
        if paths:
            self.settings.last_folder = str(Path(paths[0]).parent)
            self.add_paths(paths)

    def choose_folder(self) -> None:
        start = self.settings.last_folder or str(Path.home())
        folder = QFileDialog.getExistingDirectory(self, tr("Add a folder of documents"), start)
        if folder:
            self.settings.last_folder = folder
            self.add_paths([folder])

    SAMPLE_NAMES = {"novelist": QT_TR_NOOP("A novelist's short story"),
                    "programmer": QT_TR_NOOP("A programmer's code and notes"),
                    "scientist": QT_TR_NOOP("A scientist's report")}

    def sample_sets(self) -> list[tuple[str, Path]]:
        d = samples_dir()
        if not d.is_dir():
            return []
        subs = sorted(p for p in d.iterdir() if p.is_dir() and not p.name.startswith("."))
        if not subs:
            return [(tr("Sample documents"), d)] if any(d.iterdir()) else []
        return [(tr(self.SAMPLE_NAMES.get(p.name, p.name)), p) for p in subs]

    def show_samples_menu(self) -> None:
        sets = self.sample_sets()
        if not sets:
            self.show_error(tr("No sample documents"), tr("The sample documents are missing from {path}.").format(
                path=samples_dir()))
            return
        if len(sets) == 1:
            self.add_paths([str(sets[0][1])])
            return
        self.samples_menu.clear()
        for label, path in sets:
            a = self.samples_menu.addAction(label)
            a.setData(str(path))
            a.triggered.connect(lambda _=False, p=str(path): self.add_paths([p]))
        b = self.docs_page.samples
        self.samples_menu.popup(b.mapToGlobal(b.rect().bottomLeft()))

    def add_samples(self, name: str | None = None) -> None:
        """Load one sample set by folder name (the first one when None)."""
        sets = self.sample_sets()
        chosen = [p for _, p in sets if name is None or p.name == name]
        if not chosen:
            self.show_error(tr("No sample documents"), tr("The sample documents are missing from {path}.").format(
                path=samples_dir()))
            return
        self.add_paths([str(chosen[0])])

    def add_paths(self, paths: list[str]) -> None:
        if self.min_words is None and any(j.name == "load-base" for j in self.jobs):
            # still starting up: read them as soon as the engine is in
            self._pending_paths.extend(paths)
            self._busy(lambda: tr("Starting up; your documents will be read in a moment..."))
            return
        self._busy(lambda: tr("Reading your documents..."))

        def work(emit, stop):
            api = engine()
            return api.collect(paths, should_stop=stop, on_event=emit), api.MIN_WORDS

        def progress(e):
            if type(e).__name__ == "ReadProgress":
                self._busy(lambda: tr("Reading {i} of {n}: {name}").format(
                    i=num(e.done + 1), n=num(e.total), name=Path(e.path).name))

        job = self._start_job("collect", work, self._collected, on_event=progress,
                              on_failed=self._collect_failed)
        self._reading += 1
        self.docs_page.stop_reading.setVisible(True)
        self.docs_page.stop_reading.clicked.connect(job.cancel)

    def _busy(self, text) -> None:
        self._live_text("busy", lambda: self.docs_page.busy.setText(text()))

    def _reading_done(self) -> None:
        self._reading = max(0, self._reading - 1)
        if self._reading == 0:
            self.docs_page.stop_reading.setVisible(False)
            try:
                self.docs_page.stop_reading.clicked.disconnect()
            except (RuntimeError, TypeError):
                pass

    def _collect_failed(self, f: Failure) -> None:
        self._busy(str)
        self._reading_done()
        self.show_error(tr("The documents could not be read"), f)

    def _collected(self, res) -> None:
        col, self.min_words = res
        self._busy((lambda: tr("Stopped reading; the documents read so far were added.")) if col.cancelled else str)
        self._reading_done()
        have_paths = {d.path for d in self.documents} | {s.path for s in self.skipped}
        have_text = {hashlib.sha256(d.text.encode("utf-8")).hexdigest() for d in self.documents}
        for d in col.documents:
            if d.path in have_paths:
                continue
            h = hashlib.sha256(d.text.encode("utf-8")).hexdigest()
            if h in have_text:
                self.skipped.append(Skipped(d.path, SAME_TEXT, ours=True))
                continue
            have_text.add(h)
            self.documents.append(d)
        for r in col.refused:
            if r.path not in have_paths:
                self.skipped.append(Skipped(r.path, r.reason))
        for p in col.duplicates:
            if p not in have_paths:
                self.skipped.append(Skipped(p, SAME_TEXT, ours=True))
        log.info("documents: %d ready, %d skipped", len(self.documents), len(self.skipped))
        self.refresh_documents()

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.docs_page.table.selectedIndexes()}, reverse=True)
        n = len(self.documents)
        for r in rows:
            if r < n:
                del self.documents[r]
            else:
                del self.skipped[r - n]
        self.refresh_documents()

    def remove_all(self) -> None:
        self.documents.clear()
        self.skipped.clear()
        self.refresh_documents()

    def words(self) -> int:
        return sum(d.words for d in self.documents)

    def _enough_text(self) -> bool:
        return self.min_words is not None and self.words() >= self.min_words

    def refresh_documents(self) -> None:
        page = self.docs_page
        t = page.table
        t.setRowCount(0)
        warn_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        ok_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton)
        for d in self.documents:
            self._doc_row(d.name, d.path, tr(KINDS[d.kind]) if d.kind in KINDS else d.kind, num(d.words),
                          tr("Ready"), ok_icon)
        for s in self.skipped:
            self._doc_row(s.name, s.path, "—", "—", tr("Skipped: {why}").format(why=s.why), warn_icon)
        n, w = len(self.documents), self.words()
        if n == 0 and not self.skipped:
            page.totals.setText(tr("No documents yet."))
        else:
            text = (tr("1 document ready, {w} words.") if n == 1 else
                    tr("{n} documents ready, {w} words.")).format(n=num(n), w=num(w))
            if self.skipped:
                text += " " + tr("{k} skipped.").format(k=num(len(self.skipped)))
            page.totals.setText(text)
        msg = words_needed(w, self.min_words) if self.min_words is not None else None
        page.warning.setText(msg or "")
        page.warning.setStyleSheet(tone(self, "warning"))
        page.warning.setVisible(bool(msg))
        page.remove.setEnabled(t.rowCount() > 0)
        page.clear.setEnabled(t.rowCount() > 0)
        self._update_nav()

    def _doc_row(self, name, path, kind, words, status, icon) -> None:
        t = self.docs_page.table
        r = t.rowCount()
        t.insertRow(r)
        items = [QTableWidgetItem(name), QTableWidgetItem(kind), QTableWidgetItem(words), QTableWidgetItem(status)]
        items[0].setToolTip(path)
        items[2].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        items[3].setIcon(icon)
        items[3].setToolTip(status)
        for c, it in enumerate(items):
            t.setItem(r, c, it)

    def dragEnterEvent(self, ev) -> None:
        if ev.mimeData().hasUrls() and any(u.isLocalFile() for u in ev.mimeData().urls()):
            ev.acceptProposedAction()

    def dropEvent(self, ev) -> None:
        paths = [u.toLocalFile() for u in ev.mimeData().urls() if u.isLocalFile()]
        if paths and not self._running():
            ev.acceptProposedAction()
            self.go(DOCUMENTS)
            self.add_paths(paths)

    # ------------------------------------------------------------ personalise
    def _compare_toggled(self, on: bool) -> None:
        self.settings.compare = on
        self._time_note()

    def _time_note(self) -> None:
        on = self.train_page.compare.isChecked()
        m = self.train_page.budget_group.checkedId()
        m = m if m > 0 else self.settings.budget_minutes
        self.train_page.compare_note.setText(
            tr("With the comparison it takes three times as long: about {n} minutes.").format(n=num(3 * m)) if on
            else (tr("Takes about 1 minute.") if m == 1 else tr("Takes about {n} minutes.").format(n=num(m))))

    def _budget_toggled(self, minutes: int, checked: bool) -> None:
        if checked:
            self.settings.budget_minutes = minutes
            self._time_note()

    def _guard_toggled(self, button_id: int, checked: bool) -> None:
        if checked:
            self.settings.max_drift_pct = 0 if button_id == 100 else button_id

    def start_training(self) -> None:
        if self._running() or self.base is None:
            return
        if not self._enough_text():
            self.show_error(tr("Not enough text"), self.docs_page.warning.text())
            return
        pct = self.settings.max_drift_pct
        api_cfg = dict(minutes=float(self.settings.budget_minutes), max_drift=pct / 100.0 if pct else None)
        api_cfg.update(self.train_overrides)
        compare = self.train_page.compare.isChecked()
        methods = ("norm", "lora", "full") if compare else ("norm",)
        base, docs = self.base, list(self.documents)
        from ..engine.names import clean_label
        label = clean_label(self.train_page.who.text())
        self.settings.save()

        def work(emit, stop):
            api = engine()
            emit(("norm", "preparing"))
            data = api.prepare_documents(base, docs)
            general, glabel = api.general_set(base)
            cfg = api.TrainConfig(**api_cfg)
            if compare:
                results = api.compare(base, data, cfg, general, methods,
                                      on_event=lambda m, e: emit((m, e)), should_stop=stop)
            else:
                results = [api.personalise(base, data, cfg, general, on_event=lambda e: emit(("norm", e)),
                                           should_stop=stop)]
            sizes = file_sizes(api, base, results, glabel)
            words = sum(len(t.split()) for t in data.split.heldout)
            return Outcome(results, sizes, data, general, glabel, compare, words, label)

        t = self.train_page
        t.chart.clear()
        t.progress.setValue(0)
        self._live.pop("phase", None)      # the ticker words the phase while it runs
        t.phase.setText(tr("Getting your text ready..."))
        t.stats.setText("")
        self.run = RunState(methods, api_cfg["minutes"] * 60.0, api_cfg.get("max_steps"))
        self.run_job = self._start_job("train", work, self._trained, on_event=self._engine_event,
                                       on_failed=self._train_failed)
        t.start.setEnabled(False)
        t.cancel.setEnabled(True)
        t.compare.setEnabled(False)
        t.who.setEnabled(False)
        for b in [*t.budget_buttons.values(), *t.guard_buttons.values()]:
            b.setEnabled(False)
        self.docs_page.setEnabled(False)
        self.ticker.start()
        self._update_nav()
        t.cancel.setFocus()
        log.info("training started: methods=%s budget=%.0fs overrides=%s", methods, self.run.budget_s,
                 self.train_overrides)

    def _engine_event(self, item) -> None:
        """Engine events (queued from the training thread): record, repaint later."""
        method, e = item
        run = self.run
        if run is None:
            return
        run.events += 1
        name = type(e).__name__
        if name == "StepDone":
            now = time.monotonic()
            if run.last_step_at is not None and run.method == method:
                run.step_seconds = max(run.step_seconds, now - run.last_step_at)
            run.last_step_at = now
            run.method, run.step, run.elapsed_in_method = method, e.step, e.elapsed_s
            run.tokens_per_s = e.tokens_per_s
            self.train_page.chart.add_loss(method, e.step, e.loss)
        elif name == "Validated":
            self.train_page.chart.add_check(method, e.step, e.loss, e.best)
        elif name == "Phase":
            run.method, run.phase = method, e.name
            if e.name == "training":
                run.step, run.elapsed_in_method = 0, 0.0
        elif name == "Started":
            run.method = method
        elif e == "preparing":
            run.phase = "preparing"

    def _phase_text(self) -> str:
        run = self.run
        if run.cancel_at is not None:
            return tr("Stopping...")
        name = method_name(run.method)
        return {
            "preparing": tr("Getting your text ready..."),
            "evaluating-before": tr("Measuring the base model on the text kept aside..."),
            "training": tr("Training: {name}").format(name=name) if len(run.methods) > 1 else
            tr("Training: learning your writing..."),
            "evaluating-after": tr("Measuring {name} on the text kept aside...").format(name=name),
        }.get(run.phase, tr("Starting..."))

    def _tick(self) -> None:
        run = self.run
        if run is None:
            return
        t = self.train_page
        elapsed = time.monotonic() - run.t0
        i = run.methods.index(run.method) if run.method in run.methods else 0
        frac_m = min(1.0, run.elapsed_in_method / max(1e-9, run.budget_s))
        if run.max_steps:
            frac_m = max(frac_m, min(1.0, run.step / run.max_steps))
        if run.phase == "evaluating-after":
            frac_m = 1.0
        frac = (i + frac_m) / len(run.methods)
        t.progress.setValue(int(frac * 1000))
        total = run.budget_s * len(run.methods)
        left = max(0.0, total - elapsed)
        if frac > 0.05:
            left = min(left, elapsed * (1 - frac) / frac)
        t.times.setText(tr("{e} elapsed  ·  about {l} left").format(e=clock(elapsed), l=clock(left)))
        if run.phase == "training" and run.step:
            t.stats.setText(tr("step {s}  ·  {tps} tokens a second").format(
                s=num(run.step), tps=num(run.tokens_per_s)))
        t.phase.setText(self._phase_text())
        t.chart.refresh()

    def cancel_training(self) -> None:
        if self._running():
            self.run.cancel_at = time.monotonic()
            self.run_job.cancel()
            self.train_page.cancel.setEnabled(False)
            self._phase(lambda: tr("Stopping..."))
            log.info("cancel requested")

    def _phase(self, text) -> None:
        self._live_text("phase", lambda: self.train_page.phase.setText(text()))

    def _training_over(self) -> None:
        self.ticker.stop()
        t = self.train_page
        if self.run is not None:
            self._tick()
            self.last_step_seconds = self.run.step_seconds
            if self.run.cancel_at is not None:
                self.last_cancel_latency = time.monotonic() - self.run.cancel_at
                log.info("cancelled in %.2f s", self.last_cancel_latency)
        t.start.setEnabled(True)
        t.cancel.setEnabled(False)
        t.compare.setEnabled(True)
        t.who.setEnabled(True)
        for b in [*t.budget_buttons.values(), *t.guard_buttons.values()]:
            b.setEnabled(True)
        self.docs_page.setEnabled(True)
        self.run_job = None
        self._update_nav()

    def _train_failed(self, f: Failure) -> None:
        self._training_over()
        self._phase(lambda: tr("Training did not finish."))
        self.show_error(tr("Training did not finish"), f)
        self.run = None
        self.run_finished.emit()

    def _trained(self, outcome: Outcome) -> None:
        self._training_over()
        log.info("training finished: %s", [r.summary() for r in outcome.results])
        if outcome.cancelled:
            self._offer_keep(outcome)
        else:
            self._phase(lambda: tr("Done."))
            self.train_page.progress.setValue(1000)
            self.show_outcome(outcome)
            self.go(RESULTS)
        self.run = None
        self.run_finished.emit()

    def _offer_keep(self, outcome: Outcome) -> None:
        stopped = [r for r in outcome.results if r.cancelled]
        useful = [r for r in stopped if r.best_step > 0] + [r for r in outcome.results if not r.cancelled]
        if not useful:
            self._phase(lambda: tr("Stopped before the model had learned anything; nothing to keep."))
            return
        self._phase(lambda: tr("Stopped."))
        r = stopped[0]
        box = QMessageBox(QMessageBox.Icon.Question, tr("Training stopped"),
                          tr("Training stopped. Keep the best result so far?"), QMessageBox.StandardButton.NoButton,
                          self)
        box.setInformativeText(tr("The best point was reached at step {s}. NormFit will measure it on the text "
                                  "kept aside, which takes a few seconds.").format(s=r.best_step) if r.best_step
                               else tr("The finished methods are kept."))
        keep = box.addButton(tr("&Keep it"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(tr("&Discard"), QMessageBox.ButtonRole.RejectRole)
        named(keep, tr("Keep the best result so far"))
        named(discard, tr("Discard the result"))
        box.setDefaultButton(keep)
        box.setAccessibleName(tr("Training stopped"))
        box.setWindowModality(Qt.WindowModality.WindowModal)

        def answered(button):
            self.keep_box = None
            if button is keep:
                self._keep(outcome)
        box.buttonClicked.connect(answered)
        box.open()
        self.keep_box = box

    def _keep(self, outcome: Outcome) -> None:
        base = self.base
        self._phase(lambda: tr("Measuring the best result so far..."))
        results = [r for r in outcome.results if not r.cancelled or r.best_step > 0]

        def work(emit, stop):
            api = engine()
            out = []
            before = None
            for r in results:
                if r.heldout_after is not None:
                    out.append(r)
                    continue
                before = before or api.measure(base, outcome.data, None, outcome.general, should_stop=stop)
                after = api.measure(base, outcome.data, r, outcome.general, should_stop=stop)
                out.append(dataclasses.replace(r, heldout_before=before.heldout, general_before=before.general,
                                               heldout_after=after.heldout, general_after=after.general))
            return dataclasses.replace(outcome, results=out)

        def done(o):
            self._phase(lambda: tr("Stopped early; the best result so far was kept."))
            self.show_outcome(o)
            self.go(RESULTS)

        self._start_job("measure-kept", work, done)

    # ------------------------------------------------------------ results
    def show_outcome(self, outcome: Outcome) -> None:
        self.outcome = outcome
        page = self.results_page
        page.has_result = True
        self._describe_outcome(outcome)
        page.which.clear()
        for r in outcome.results:
            page.which.addItem(method_name(r.method), r.method)
        page.which.setVisible(len(outcome.results) > 1)
        # A run that kept the base has nothing to save: the sentence above says so.
        page.save.setEnabled(outcome.cancelled or any(r.learned for r in outcome.results))
        self._live_text("mine_label", lambda: page.mine_label.setText(tr("Personalised model")))
        self.try_adapter = self.try_base = None
        self._update_nav()

    def _describe_outcome(self, outcome: Outcome) -> None:
        """The result in words (again after a language switch)."""
        page = self.results_page
        by = outcome.by_method()
        main = by.get("norm") or outcome.results[0]
        hb = main.heldout_before.ppl if main.heldout_before else None
        ha = main.heldout_after.ppl if main.heldout_after else None
        page.headline.setText(heldout_sentence(hb, ha))
        page.headline.setAccessibleName(page.headline.text())
        if ha is not None:
            page.detail.setText(tr(
                "Measured on {w} words of your writing that NormFit kept aside and never trained on: "
                "perplexity {b} before, {a} after (lower is better); {bb} → {ab} bits per byte.").format(
                w=num(outcome.heldout_words), b=ppl_text(hb), a=ppl_text(ha),
                bb=dec(main.heldout_before.bpb, 2), ab=dec(main.heldout_after.bpb, 2)))
        gb = main.general_before.ppl if main.general_before else None
        ga = main.general_after.ppl if main.general_after else None
        g = general_sentence(gb, ga)
        page.general.setText(g.text)
        self._general_level = g.level
        page.general.setStyleSheet(tone(self, g.level))
        notes = engine().outcome_notes(main, lambda text: QCoreApplication.translate("notes", text))
        if outcome.cancelled:
            page.stopped.setText(tr("Training was stopped early; this is the best result it had reached."))
        else:
            page.stopped.setText(" ".join([tr("Trained for {s} steps in {t}. {device}.").format(
                s=num(main.steps), t=clock(main.seconds), device=device_words(self.device_info) if self.device_info
                else main.device)] + [n.text for n in notes]))
        if any(n.warning for n in notes):
            page.stopped.setStyleSheet(tone(self, "warning"))
        else:
            page.stopped.setStyleSheet("")
        multi = len(outcome.results) > 1 or outcome.compare
        page.compare_box.setVisible(multi)
        if multi:
            self._fill_comparison(outcome)
        for i in range(page.which.count()):
            page.which.setItemText(i, method_name(page.which.itemData(i)))

    def _fill_comparison(self, outcome: Outcome) -> None:
        page = self.results_page
        by = outcome.by_method()
        first = outcome.results[0]
        rows = [("base", first.heldout_before.ppl, first.general_before.ppl if first.general_before else None,
                 None, None, None)]
        for m in ("norm", "lora", "full"):
            r = by.get(m)
            if r is None:
                rows.append((m, None, None, None, None, None))
                continue
            rows.append((m, r.heldout_after.ppl if r.heldout_after else None,
                         r.general_after.ppl if r.general_after else None, r.trainable_params,
                         outcome.sizes.get(m), r.seconds))
        t = page.table
        t.setRowCount(len(rows))
        for i, (m, h, g, n, size, secs) in enumerate(rows):
            cells = [method_name(m), ppl_text(h), ppl_text(g), count_text(n) if n is not None else "—",
                     size_text(size), clock(secs) if secs is not None else "—"]
            for c, text in enumerate(cells):
                it = QTableWidgetItem(text)
                if c:
                    it.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if m == "norm":
                    f = it.font()
                    f.setBold(True)
                    it.setFont(f)
                t.setItem(i, c, it)
        t.resizeRowsToContents()
        t.setFixedHeight(t.horizontalHeader().height() + sum(t.rowHeight(i) for i in range(t.rowCount())) + 4)
        page.bars_general.empty_text = (tr("Not checked: this base model ships no general reference text.")
                                        if outcome.general is None else tr("No results yet."))
        page.bars_heldout.set_bars([(m, h) for m, h, *_ in rows])
        page.bars_general.set_bars([(m, g) for m, _, g, *_ in rows])
        page.verdict.setText(pareto_verdict([Row(m, h, g, s) for m, h, g, _, s, _ in rows[1:] if m in by]))

    def default_adapter_name(self, folder: Path, method: str, label: str | None = None) -> str:
        """The name typed in "Who is this for?" (made safe), else my-writing-<date>."""
        from ..engine.names import safe_file_stem, unique_name
        if label:
            stem = safe_file_stem(label)
        else:
            stem = "my-writing" + time.strftime("-%Y-%m-%d")
        if method != "norm":
            stem += f"-{method}"
        return unique_name(stem, ".safetensors", lambda n: (folder / n).exists())

    def _chosen_result(self):
        if self.outcome is None:
            return None
        method = self.results_page.which.currentData() or "norm"
        return self.outcome.by_method().get(method) or self.outcome.results[0]

    def save_adapter(self) -> None:
        r = self._chosen_result()
        if r is None:
            self.statusBar().showMessage(tr("Personalise first; then there is an adapter to save."), 5000)
            return
        folder = Path(self.settings.save_folder) if self.settings.save_folder and \
            Path(self.settings.save_folder).is_dir() else ensure(adapters_dir())
        path, _ = QFileDialog.getSaveFileName(self, tr("Save adapter"),
                                              str(folder / self.default_adapter_name(folder, r.method,
                                                                                     self.outcome.label)),
                                              tr(ADAPTER_FILTER), "",
                                              QFileDialog.Option.DontConfirmOverwrite)
        if not path:
            return
        p = Path(path)
        if p.suffix.lower() != ".safetensors":
            p = p.with_name(p.name + ".safetensors")
        exists = p.exists()
        if exists:
            ans = QMessageBox.question(self, tr("Replace the file?"),
                                       tr("A file named “{name}” already exists in this folder. Replace it?").format(
                                           name=p.name),
                                       QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                       QMessageBox.StandardButton.No)
            if ans != QMessageBox.StandardButton.Yes:
                return
        try:
            n = engine().export_adapter(p, r, self.base, overwrite=exists, label=self.outcome.label,
                                        general_label=self.outcome.general_label)
        except Exception as e:  # shown, with details, never swallowed
            from .worker import failure_from
            log.exception("saving %s failed", p)
            self.show_error(tr("The adapter was not saved"), failure_from(e))
            return
        self.settings.save_folder = str(p.parent)
        self.settings.save()
        self._live_text("saved_note", lambda: self.results_page.saved_note.setText(
            tr("Saved “{name}” ({size}) in {folder}.").format(name=p.name, size=size_text(n), folder=p.parent)))
        log.info("saved adapter %s (%d bytes)", p, n)
        self.refresh_saved()

    def refresh_saved(self) -> None:
        """Saved adapters by name (their label), so each student on a shared PC finds theirs."""
        from PySide6.QtCore import QCollator
        from PySide6.QtWidgets import QTreeWidgetItem
        tree = self.results_page.saved_list
        tree.clear()
        d = adapters_dir()
        collator = QCollator(language.locale_for(language.current()))
        groups = saved.scan(d, sort_key=collator.sortKey)
        mine = self.train_page.who.text().strip()
        for g in groups:
            top = QTreeWidgetItem([tr("{name} ({n})").format(name=g.label or tr("Without a name"),
                                                              n=num(len(g.items)))])
            f = top.font(0)
            f.setBold(True)
            top.setFont(0, f)
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for a in g.items:
                it = QTreeWidgetItem([f"{a.path.name}  ({size_text(a.size)})"])
                it.setData(0, Qt.ItemDataRole.UserRole, str(a.path))
                it.setToolTip(0, str(a.path))
                top.addChild(it)
            tree.addTopLevelItem(top)
            # With many students, show only the group of the name typed in (all when none).
            top.setExpanded(not mine or len(groups) < 4 or g.label.casefold() == mine.casefold())
        if not groups:
            it = QTreeWidgetItem([tr("None yet. Adapters you save in {folder} appear here.").format(folder=d)])
            it.setFlags(Qt.ItemFlag.NoItemFlags)
            tree.addTopLevelItem(it)
        self.results_page.open_saved.setEnabled(bool(groups))

    def _saved_activated(self, item, _column=0) -> None:
        path = item.data(0, Qt.ItemDataRole.UserRole)
        if path:
            self.open_adapter(path)

    def _open_selected_saved(self) -> None:
        it = self.results_page.saved_list.currentItem()
        if it is not None:
            self._saved_activated(it)

    def choose_adapter(self) -> None:
        folder = self.settings.save_folder or str(ensure(adapters_dir()))
        path, _ = QFileDialog.getOpenFileName(self, tr("Open adapter"), folder, tr(ADAPTER_FILTER))
        if path:
            self.open_adapter(path)

    def open_adapter(self, path: str) -> None:
        if self.base is None:
            self.show_error(tr("Not ready yet"), tr("The base model is still loading; try again in a moment."))
            return
        base = self.base
        # An adapter opens with the base release it was made for (older ones keep working).
        self._start_job("open-adapter", lambda emit, stop: engine().open_adapter_with_its_base(path, base),
                        lambda res: self._adapter_opened(path, *res),
                        on_failed=lambda f: self.show_error(tr("This adapter cannot be used"), f))

    def _adapter_opened(self, path: str, af, abase) -> None:
        dlg = AdapterDialog(Path(path).name, af.metadata, True, self)
        dlg.evaluate.setEnabled(self._enough_text())
        if not self._enough_text():
            dlg.result.setText(tr("Add at least {n} words of documents to check it on your own writing.").format(
                n=num(self.min_words or 0)))
        dlg.evaluate.clicked.connect(lambda: self._evaluate_adapter(dlg, af, abase))
        dlg.use.clicked.connect(lambda: self._use_adapter(dlg, Path(path).name, af, abase))
        dlg.setModal(False)
        dlg.show()
        self.adapter_dialog = dlg

    def _use_adapter(self, dlg, name: str, af, abase) -> None:
        self.try_adapter, self.try_base = af, abase
        self._live_text("mine_label", lambda: self.results_page.mine_label.setText(
            tr("With {name}").format(name=name)))
        dlg.accept()
        self.go(RESULTS)
        self.results_page.prompt.setFocus()

    def _evaluate_adapter(self, dlg: AdapterDialog, af, abase) -> None:
        base, docs = abase, list(self.documents)
        dlg.evaluate.setEnabled(False)
        dlg.result.setText(tr("Checking it on your documents..."))

        def work(emit, stop):
            api = engine()
            data = api.prepare_documents(base, docs)
            general, _ = api.general_set(base)
            return (api.measure(base, data, None, general, should_stop=stop),
                    api.measure(base, data, af, general, should_stop=stop))

        def done(res):
            before, after = res
            text = adapter_sentence(before.heldout.ppl, after.heldout.ppl)
            g = general_sentence(before.general.ppl if before.general else None,
                                 after.general.ppl if after.general else None)
            dlg.result.setText(tr("On your documents (the part kept aside): {h} {g}").format(h=text, g=g.text))
            dlg.evaluate.setEnabled(True)

        def failed(f):
            dlg.result.setText(f.message)
            dlg.evaluate.setEnabled(True)

        self._start_job("evaluate-adapter", work, done, on_failed=failed)

    def try_it(self) -> None:
        prompt = self.results_page.prompt.text().strip()
        adapter = self.try_adapter
        if adapter is None:
            r = self._chosen_result()
            adapter = r
        if not prompt or self.base is None:
            self.results_page.prompt.setFocus()
            return
        if adapter is None:
            self.statusBar().showMessage(tr("Personalise first, or open an adapter, to compare."), 5000)
        base = self.try_base if self.try_adapter is not None else self.base
        page = self.results_page
        page.write.setEnabled(False)
        page.base_out.setPlainText(tr("Writing..."))
        page.mine_out.setPlainText(tr("Writing...") if adapter is not None else "")

        def work(emit, stop):
            api = engine()
            a = api.generate(base, prompt, None, max_new_tokens=60, seed=0)
            b = api.generate(base, prompt, adapter, max_new_tokens=60, seed=0) if adapter is not None else ""
            return a, b

        def done(res):
            page.base_out.setPlainText(prompt + res[0])
            page.mine_out.setPlainText(prompt + res[1] if adapter is not None else "")
            page.write.setEnabled(True)

        def failed(f):
            page.write.setEnabled(True)
            page.base_out.setPlainText("")
            page.mine_out.setPlainText("")
            self.show_error(tr("Could not write a continuation"), f)

        self._start_job("generate", work, done, on_failed=failed)

    def _about(self) -> None:
        from .. import __version__
        QMessageBox.about(self, tr("About NormFit"), tr(
            "NormFit {v}\n\nPersonalises a small language model to your writing by training only its "
            "normalisation gains (about 2,300 numbers), offline. Logs: {logs}").format(v=__version__,
                                                                                       logs=log_dir()))


def file_sizes(api, base, results, general_label) -> dict[str, int]:
    """The size each result's adapter file really has (written to a temporary folder)."""
    out = {}
    with tempfile.TemporaryDirectory(prefix="normfit-size-") as d:
        for r in results:
            try:
                out[r.method] = api.export_adapter(Path(d) / f"{r.method}.safetensors", r, base,
                                                   general_label=general_label)
            except Exception:   # the size is informative only
                log.exception("could not size the %s adapter", r.method)
    return out
