"""File > Class...: a whole class at once, for the teacher.

Choose a folder with one subfolder per student; NormFit personalises one
adapter per student, one after another, showing each student's progress in a
list, and opens the teacher's report (class-report.html) in the browser when it
is done. The work is desktop/engine/classroom.py, run as a window Job; stopping
keeps every finished student, and starting again continues (nobody is redone).
"""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QFileDialog, QHBoxLayout, QHeaderView,
                               QProgressBar, QPushButton, QTableWidget, QTableWidgetItem)

from .retranslating import Retranslating
from ..paths import adapters_dir, ensure
from . import language
from .pages import QT_TR_NOOP, muted, named, note, set_heading, texts, titled
from ..engine import events as ev     # torch-free: events are told apart by type
from .state import engine
from .words import num, pct, tr

COLUMNS = (QT_TR_NOOP("Student"), QT_TR_NOOP("Words"), QT_TR_NOOP("Better on their writing"), QT_TR_NOOP("Status"))
MINUTES = (1, 2, 5)


def classroom():
    """The class runner (engine, imported on first use like the API: it pulls in PyTorch).
    Closing this dialog does not stop a class: it goes on, and File > Class... shows it again."""
    import importlib
    return importlib.import_module("desktop.engine.classroom")


def translate_report(text: str) -> str:
    return QCoreApplication.translate("classroom", text)


def output_folder(folder: Path) -> Path:
    """FOLDER/normfit-results, or the user's adapters folder when the class folder is read-only."""
    out = folder / classroom().DEFAULT_OUT
    try:
        out.mkdir(exist_ok=True)
        if os.access(out, os.W_OK):
            return out
    except OSError:
        pass
    from ..engine.names import safe_file_stem
    return ensure(adapters_dir() / "classes" / safe_file_stem(folder.name, "class"))


class ClassDialog(Retranslating, QDialog):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.folder: Path | None = None
        self.out: Path | None = None
        self.job = None
        self.report: Path | None = None
        self.rows: dict[str, int] = {}
        self.records: dict = {}
        self.resize(820, 560)
        lay = titled(self)
        row = QHBoxLayout()
        self.choose = QPushButton()
        self.folder_label = note("")
        row.addWidget(self.choose)
        row.addWidget(self.folder_label, 1)
        lay.addLayout(row)
        row = QHBoxLayout()
        self.minutes = QComboBox()
        for m in MINUTES:
            self.minutes.addItem("", m)
        self.minutes.setCurrentIndex(0)
        self.estimate = muted(note(""))
        row.addWidget(self.minutes)
        row.addWidget(self.estimate, 1)
        lay.addLayout(row)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        hh = self.table.horizontalHeader()
        for c in range(3):
            hh.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        lay.addWidget(self.table, 1)
        self.phase = note("")
        lay.addWidget(self.phase)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        lay.addWidget(self.progress)
        buttons = QHBoxLayout()
        self.start, self.stop, self.open_report, self.show_folder, self.game, self.close_button = \
            (QPushButton() for _ in range(6))
        for b in (self.start, self.stop, self.open_report, self.show_folder, self.game):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        lay.addLayout(buttons)
        self.start.setDefault(True)
        self.choose.clicked.connect(self.choose_folder)
        self.minutes.currentIndexChanged.connect(lambda _: self._estimate())
        self.start.clicked.connect(self.start_class)
        self.stop.clicked.connect(self.stop_class)
        self.open_report.clicked.connect(lambda: self.report and QDesktopServices.openUrl(
            QUrl.fromLocalFile(str(self.report))))
        self.show_folder.clicked.connect(lambda: self.out and QDesktopServices.openUrl(
            QUrl.fromLocalFile(str(self.out))))
        self.game.clicked.connect(self.play_game)
        self.close_button.clicked.connect(self.close)
        self._phase = lambda: tr("Choose the class folder to begin.")
        self.retranslate()
        self._update()

    # ------------------------------------------------------------ words
    def retranslate(self) -> None:
        self.setWindowTitle(tr("Class"))
        self.setAccessibleName(tr("Class"))
        set_heading(self.title, tr("A whole class at once"))
        self.intro.setText(tr(
            "Choose a class folder with one folder for each student, named after the student, holding their "
            "writing. NormFit makes one adapter for each student, one after another, and a report for the "
            "teacher. Students already done are not done again, so you can stop and continue later."))
        texts(self.choose, tr("Choose class &folder..."), tr("Choose class folder"))
        named(self.folder_label, tr("Class folder"))
        for i in range(self.minutes.count()):
            m = self.minutes.itemData(i)
            self.minutes.setItemText(i, tr("1 minute per student") if m == 1 else
                                     tr("{n} minutes per student").format(n=num(m)))
        named(self.minutes, tr("Time per student"))
        named(self.table, tr("Students"), tr("Each student's progress and result"))
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        named(self.phase, tr("What is happening"))
        named(self.progress, tr("Progress"))
        texts(self.start, tr("&Start"), tr("Start the class"))
        texts(self.stop, tr("S&top"), tr("Stop after saving what is finished"))
        texts(self.open_report, tr("Open &report"), tr("Open the teacher's report in the browser"))
        texts(self.show_folder, tr("Show folder"), tr("Show the folder with the adapters and the report"))
        texts(self.game, tr("&Whose writing is this?"), tr("Guess whose a new piece of writing is, among this "
                                                            "class's students"))
        texts(self.close_button, tr("Close"), tr("Close"))
        self._estimate()
        self.phase.setText(self._phase())
        if self.folder is not None:
            self.folder_label.setText(tr("{folder} ({n} students; results in {out})").format(
                folder=self.folder, n=num(len(self.rows)), out=self.out))
            self._refresh_rows()

    def _set_phase(self, text) -> None:
        self._phase = text
        self.phase.setText(text())

    def _estimate(self) -> None:
        n, m = len(self.rows), self.minutes.currentData() or 1
        self.estimate.setText(tr("About {m} minutes in all for {n} students (plus a little for measuring).").format(
            m=num(n * m), n=num(n)) if n else "")

    # ------------------------------------------------------------ folder and rows
    def choose_folder(self) -> None:
        start = self.window.settings.last_folder or str(Path.home())
        folder = QFileDialog.getExistingDirectory(self, tr("Choose the class folder"), start)
        if folder:
            self.set_folder(Path(folder))

    def set_folder(self, folder: Path) -> None:
        self.folder = folder
        self.out = output_folder(folder)
        students = classroom().find_students(folder, self.out)
        self.rows = {s.name: i for i, s in enumerate(students)}
        self.records = classroom().load_state(self.out)
        self.report = self.out / "class-report.html" if (self.out / "class-report.html").is_file() else None
        self.table.setRowCount(len(students))
        self._refresh_rows()
        self.retranslate()
        if not students:
            self._set_phase(lambda: tr("This folder has no student folders: put each student's writing in a "
                                       "folder named after them."))
        else:
            self._set_phase(lambda: tr("Ready: {n} students.").format(n=num(len(students))))
        self._update()

    def _refresh_rows(self) -> None:
        for name, i in self.rows.items():
            self._show_row(name, self.records.get(name))

    def _show_row(self, name: str, rec, status: str | None = None) -> None:
        from ..engine.class_report import STATUS, note_of
        i = self.rows[name]
        words = num(rec.words) if rec is not None and rec.words else "—"
        gain = pct(100 * rec.personal_gain, 1) if rec is not None and rec.personal_gain is not None else "—"
        code = status or (rec.status if rec is not None else "waiting")
        text = translate_report(STATUS.get(code, code))
        if rec is not None and rec.reason and not status:
            text += ": " + note_of(rec, language.wording())
        for c, value in enumerate((name, words, gain, text)):
            item = QTableWidgetItem(value)
            if c in (1, 2):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setToolTip(value)
            self.table.setItem(i, c, item)

    # ------------------------------------------------------------ running
    def running(self) -> bool:
        return self.job is not None and self.job.isRunning()

    def _update(self) -> None:
        run = self.running()
        self.start.setEnabled(bool(self.rows) and not run and self.window.base is not None)
        self.stop.setEnabled(run)
        self.choose.setEnabled(not run)
        self.minutes.setEnabled(not run)
        self.open_report.setEnabled(self.report is not None and self.report.is_file())
        self.show_folder.setEnabled(self.out is not None)
        done = sum(1 for r in (self.records or {}).values() if r.status == "done" and r.file)
        self.game.setEnabled(not run and done >= 2 and self.window.base is not None)

    def play_game(self) -> None:
        """The class's game in the window: the whose-writing dialog among these students."""
        from . import whose
        if self.out is not None:
            whose.open_dialog(self.window, class_out=self.out)

    def start_class(self) -> None:
        if self.running() or not self.rows:
            return
        if self.window.personalise.running():
            self.window.show_error(tr("Not ready yet"), tr("Wait until the training in the main window has "
                                                           "finished."))
            return
        w, folder, out = self.window, self.folder, self.out
        pct_limit = w.settings.max_drift_pct
        cfg = dict(minutes=float(self.minutes.currentData()), max_drift=pct_limit / 100.0 if pct_limit else None)
        cfg.update(w.personalise.train_overrides)
        base, wording = w.base, language.wording()
        total = len(self.rows)

        def work(emit, stop):
            api = engine()
            return classroom().run_class(base, folder, out, api.TrainConfig(**cfg), on_event=emit,
                                         should_stop=stop, wording=wording)

        self._budget = cfg["minutes"] * 60
        self._done = 0
        self.progress.setValue(0)
        self._set_phase(lambda: tr("Starting..."))
        self.job = w._start_job("class", work, self._finished, on_event=lambda e: self._event(e, total),
                                on_failed=self._failed)
        self._update()

    def _event(self, e, total: int) -> None:
        if isinstance(e, ev.StudentStarted):
            self._show_row(e.name, None, "training")
            self._set_phase(lambda: tr("Student {i} of {n}: {name}").format(i=num(e.index + 1), n=num(e.total),
                                                                          name=e.name))
            self.table.scrollToItem(self.table.item(self.rows[e.name], 0))
        elif isinstance(e, ev.StudentEvent) and isinstance(e.event, ev.StepDone):
            frac = min(1.0, e.event.elapsed_s / max(1.0, self._budget))
            self.progress.setValue(int(1000 * (e.index + frac) / total))
        elif isinstance(e, ev.StudentFinished):
            self.records[e.record.name] = e.record
            self._show_row(e.record.name, e.record)
            self.progress.setValue(int(1000 * (e.index + 1) / total))
            self.report = self.out / "class-report.html"
            self._update()

    def stop_class(self) -> None:
        if self.running():
            self.job.cancel()
            self._set_phase(lambda: tr("Stopping; finished students are kept..."))
            self.stop.setEnabled(False)

    def _finished(self, run) -> None:
        self.job = None
        self.report = run.html
        for r in run.records:
            self.records[r.name] = r
        self._refresh_rows()
        done = sum(r.status == "done" for r in run.records)
        if run.complete:
            self.progress.setValue(1000)
            self._set_phase(lambda: tr("Done: {done} of {n} students have an adapter. The report is open in "
                                       "your browser.").format(done=num(done), n=num(len(run.records))))
            if run.html is not None:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(run.html)))
        else:
            self._set_phase(lambda: tr("Stopped: {done} of {n} students have an adapter. Start again to "
                                       "continue.").format(done=num(done), n=num(len(run.records))))
        self._update()
        self.window.results.refresh_saved()

    def _failed(self, f) -> None:
        self.job = None
        self._set_phase(lambda: tr("The class run did not finish."))
        self._update()
        self.window.show_error(tr("The class run did not finish"), f)

