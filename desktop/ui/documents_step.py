"""Step 1 of the window, Documents: its controller. It owns the documents, the
skipped files, the number of words needed (the engine's MIN_WORDS, known once
the engine is in) and the reading in progress; adding files and folders (or
dropping them), reading them in a Job, the list with each one's status, and
the word count. Other steps ask it through `enough_text()`, `words()` and
`documents`; it tells the window that something changed through `changed`."""
from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QStyle, QTableWidgetItem

from .pages import QT_TR_NOOP, tone
from ..engine import events as ev     # torch-free: events are told apart by type
from .state import KINDS, SAME_TEXT, Skipped, engine, samples_dir
from .words import num, tr, words_needed
from .worker import Failure

log = logging.getLogger("normfit.ui")


class DocumentsController(QObject):
    """Step 1's state and behaviour; the window (window.py) gives it its page,
    the jobs (`_start_job`), error boxes and the texts re-worded after a
    language switch (`_live_text`)."""
    changed = Signal()          # documents added or removed, or the words needed became known

    def __init__(self, win):
        super().__init__(win)
        self.win = win
        self.page = win.docs_page
        self.documents: list = []
        self.skipped: list[Skipped] = []
        self.min_words: int | None = None     # unknown until the engine is in
        self._pending_paths: list[str] = []   # dropped or chosen while the engine was still loading
        self._reading = 0                     # reading jobs running
        d = self.page
        d.add_files.clicked.connect(self.choose_files)
        d.add_folder.clicked.connect(self.choose_folder)
        d.samples.clicked.connect(self.show_samples_menu)
        d.remove.clicked.connect(self.remove_selected)
        d.clear.clicked.connect(self.remove_all)

    def choose_files(self) -> None:
        start = self.win.settings.last_folder or str(Path.home())
        paths, _ = QFileDialog.getOpenFileNames(self.win, tr("Add documents"), start,
                                                tr("Documents (*.txt *.md *.rst *.tex *.pdf *.docx *.odt *.rtf *.epub *.html *.htm *.py);;All files (*)"))
        if paths:
            self.win.settings.last_folder = str(Path(paths[0]).parent)
            self.add_paths(paths)

    def choose_folder(self) -> None:
        start = self.win.settings.last_folder or str(Path.home())
        folder = QFileDialog.getExistingDirectory(self.win, tr("Add a folder of documents"), start)
        if folder:
            self.win.settings.last_folder = folder
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
            self.win.show_error(tr("No sample documents"), tr("The sample documents are missing from {path}.").format(
                path=samples_dir()))
            return
        if len(sets) == 1:
            self.add_paths([str(sets[0][1])])
            return
        self.win.samples_menu.clear()
        for label, path in sets:
            a = self.win.samples_menu.addAction(label)
            a.setData(str(path))
            a.triggered.connect(lambda _=False, p=str(path): self.add_paths([p]))
        b = self.page.samples
        self.win.samples_menu.popup(b.mapToGlobal(b.rect().bottomLeft()))

    def add_samples(self, name: str | None = None) -> None:
        """Load one sample set by folder name (the first one when None)."""
        sets = self.sample_sets()
        chosen = [p for _, p in sets if name is None or p.name == name]
        if not chosen:
            self.win.show_error(tr("No sample documents"), tr("The sample documents are missing from {path}.").format(
                path=samples_dir()))
            return
        self.add_paths([str(chosen[0])])

    def add_paths(self, paths: list[str]) -> None:
        if self.min_words is None and self.win.base_loading():
            # still starting up: read them as soon as the engine is in
            self._pending_paths.extend(paths)
            self._busy(lambda: tr("Starting up; your documents will be read in a moment..."))
            return
        self._busy(lambda: tr("Reading your documents..."))

        def work(emit, stop):
            api = engine()
            return api.collect(paths, should_stop=stop, on_event=emit), api.MIN_WORDS

        def progress(e):
            if isinstance(e, ev.ReadProgress):
                self._busy(lambda: tr("Reading {i} of {n}: {name}").format(
                    i=num(e.done + 1), n=num(e.total), name=Path(e.path).name))

        job = self.win._start_job("collect", work, self._collected, on_event=progress,
                                  on_failed=self._collect_failed, uses_base=False)
        self._reading += 1
        self.page.stop_reading.setVisible(True)
        self.page.stop_reading.clicked.connect(job.cancel)

    def engine_ready(self, min_words: int) -> None:
        """The engine is in (the window loaded the base): the words needed are
        known, and documents chosen while it loaded are read now."""
        self.min_words = min_words
        self.refresh()
        if self._pending_paths:
            paths, self._pending_paths = self._pending_paths, []
            self.add_paths(paths)

    def engine_failed(self) -> None:
        """The base could not be loaded: documents can still be read and checked."""
        if self._pending_paths:
            paths, self._pending_paths = self._pending_paths, []
            QTimer.singleShot(0, lambda: self.add_paths(paths))

    def reading(self) -> bool:
        """Whether documents are being read (or wait for the engine to be read)."""
        return self._reading > 0 or bool(self._pending_paths)

    def _busy(self, text) -> None:
        self.win._live_text("busy", lambda: self.page.busy.setText(text()))

    def _reading_done(self) -> None:
        self._reading = max(0, self._reading - 1)
        if self._reading == 0:
            self.page.stop_reading.setVisible(False)
            try:
                self.page.stop_reading.clicked.disconnect()
            except (RuntimeError, TypeError):
                pass

    def _collect_failed(self, f: Failure) -> None:
        self._busy(str)
        self._reading_done()
        self.win.show_error(tr("The documents could not be read"), f)

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
        self.refresh()

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.page.table.selectedIndexes()}, reverse=True)
        n = len(self.documents)
        for r in rows:
            if r < n:
                del self.documents[r]
            else:
                del self.skipped[r - n]
        self.refresh()

    def remove_all(self) -> None:
        self.documents.clear()
        self.skipped.clear()
        self.refresh()

    def words(self) -> int:
        """Words in the documents ready to train on."""
        return sum(d.words for d in self.documents)

    def enough_text(self) -> bool:
        """Whether there is enough text to personalise on (asked by the other steps)."""
        return self.min_words is not None and self.words() >= self.min_words

    def refresh(self) -> None:
        """The list, the totals and the words-needed warning, from the state (again after a language switch)."""
        page = self.page
        t = page.table
        t.setRowCount(0)
        warn_icon = self.win.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        ok_icon = self.win.style().standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton)
        for d in self.documents:
            self._doc_row(d.name, d.path, tr(KINDS[d.kind]) if d.kind in KINDS else d.kind, num(d.words),
                          tr("Ready"), ok_icon)
        for s in self.skipped:
            self._doc_row(s.name, s.path, "—", "—", tr("Skipped: {why}").format(why=s.why), warn_icon)
        page.refit_rows()
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
        page.warning.setStyleSheet(tone(self.win, "warning"))
        page.warning.setVisible(bool(msg))
        page.remove.setEnabled(t.rowCount() > 0)
        page.clear.setEnabled(t.rowCount() > 0)
        self.changed.emit()

    def _doc_row(self, name, path, kind, words, status, icon) -> None:
        t = self.page.table
        r = t.rowCount()
        t.insertRow(r)
        items = [QTableWidgetItem(name), QTableWidgetItem(kind), QTableWidgetItem(words), QTableWidgetItem(status)]
        items[0].setToolTip(path)
        items[2].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        items[3].setIcon(icon)
        items[3].setToolTip(status)
        for c, it in enumerate(items):
            t.setItem(r, c, it)
