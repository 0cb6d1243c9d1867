""""Whose writing is this?" (File > Whose writing is this...): paste a paragraph
or pick a file, choose a folder of adapters (your saved ones, a class's, a
USB stick); every adapter that may be used scores the text, and a ranked bar
chart shows how likely each adapter's writer is to have written it (the
evidence of engine/evidence.py, worded by engine/certainty.py: measured, so
"clear" is said only where it was right at least 9 times in 10).

The engine decides (routing.route_folder: only adapters whose signed entry
verifies, or your own saved adapters in NormFit's folder); scoring runs on a
Job so the window never freezes. Names are shown as plain text: a label in a
shared folder is data, never layout.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QGridLayout, QHBoxLayout, QLabel,
                               QLineEdit, QPlainTextEdit, QProgressBar, QPushButton, QVBoxLayout, QWidget)

from ..paths import adapters_dir, ensure
from .retranslating import Retranslating
from .pages import heading, muted, named, note, texts
from .words import num, pct, say, tr


def _plain(text: str) -> QLabel:
    lab = QLabel(text)
    lab.setTextFormat(Qt.TextFormat.PlainText)
    return lab


class RankedBars(QWidget):
    """One row per candidate, best first: name, a bar of how likely, and "x% better than the base"."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setColumnStretch(1, 1)

    def set_rows(self, rows: list[tuple[str, float, float, bool]]) -> None:
        """rows: (name, chance 0-1, percent better than the base model, is the base model)."""
        while self.grid.count():
            w = self.grid.takeAt(0).widget()
            if w is not None:
                w.deleteLater()
        for i, (name, chance, value, is_base) in enumerate(rows):
            lab = _plain(tr("Base model (no adapter)") if is_base else name)
            if i == 0:
                f = lab.font()
                f.setBold(True)
                lab.setFont(f)
            bar = QProgressBar()
            bar.setRange(0, 1000)
            bar.setValue(int(1000 * max(0.0, min(1.0, chance))))
            bar.setTextVisible(False)
            bar.setMaximumHeight(14)
            bar.setAccessibleName(lab.text())
            better = (tr("{p} better than the base model").format(p=pct(value, 1)) if value > 0 else
                      tr("{p} worse than the base model").format(p=pct(-value, 1)) if value < 0 else "—")
            words = tr("{p} likely").format(p=pct(100 * chance, 0)) + " · " + better
            self.grid.addWidget(lab, i, 0)
            self.grid.addWidget(bar, i, 1)
            self.grid.addWidget(_plain(words), i, 2)


class WhoseDialog(Retranslating, QDialog):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.class_out: Path | None = None     # a class's results, when opened from the class dialog
        lay = QVBoxLayout(self)
        self.title = heading("", 1.2)
        lay.addWidget(self.title)
        self.intro = muted(note())
        lay.addWidget(self.intro)
        self.paste = QPlainTextEdit()
        self.paste.setMinimumHeight(120)
        lay.addWidget(self.paste)
        frow = QHBoxLayout()
        self.pick_file = QPushButton()
        self.folder_label = QLabel()
        self.folder = QLineEdit(str(ensure(adapters_dir())))
        self.pick_folder = QPushButton()
        frow.addWidget(self.pick_file)
        frow.addSpacing(16)
        frow.addWidget(self.folder_label)
        frow.addWidget(self.folder, 1)
        frow.addWidget(self.pick_folder)
        lay.addLayout(frow)
        self.guess = QPushButton()
        lay.addWidget(self.guess, 0, Qt.AlignmentFlag.AlignLeft)
        self.answer = heading("", 1.1)
        self.answer.setTextFormat(Qt.TextFormat.PlainText)
        self.answer.setWordWrap(True)
        lay.addWidget(self.answer)
        self.caution = note("")
        lay.addWidget(self.caution)
        self.bars = RankedBars()
        lay.addWidget(self.bars)
        self.skipped = muted(note(""))
        self.skipped.setTextFormat(Qt.TextFormat.PlainText)
        lay.addWidget(self.skipped)
        lay.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.pick_file.clicked.connect(self._pick_file)
        self.pick_folder.clicked.connect(self._pick_folder)
        self.guess.clicked.connect(self.run_guess)
        self.resize(820, 620)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(tr("Whose writing is this?"))
        self.title.setText(tr("Whose writing is this?"))
        self.intro.setText(tr("Paste a paragraph or pick a file, and choose a folder of adapters. Each adapter "
                              "reads the text; the one that finds it most predictable is NormFit's guess. "
                              "Adapters in a shared folder are used only when their signed entry checks out."))
        named(self.paste, tr("Text to guess"), tr("Paste a paragraph here"))
        self.paste.setPlaceholderText(tr("Paste a paragraph here (a few sentences at least)."))
        texts(self.pick_file, tr("Pick a &file..."), tr("Pick a file to guess"))
        self.folder_label.setText(tr("Adapters in:"))
        named(self.folder, tr("Folder of adapters"))
        texts(self.pick_folder, tr("Choose..."), tr("Choose the folder of adapters"))
        texts(self.guess, tr("&Guess"), tr("Guess whose writing it is"))

    def _pick_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Pick a file"), "", tr("All files (*)"))
        if not path:
            return

        def work(emit, stop):
            from ..engine import api
            return api.read_file(path).text

        self.window._start_job("read-for-guess", work, self.paste.setPlainText,
                               on_failed=lambda f: self.caution.setText(f.message), uses_base=False, owner=self)

    def _pick_folder(self) -> None:
        d = QFileDialog.getExistingDirectory(self, tr("Folder of adapters"), self.folder.text())
        if d:
            self.folder.setText(d)

    def run_guess(self) -> None:
        text = self.paste.toPlainText().strip()
        folder = Path(self.folder.text().strip())
        base = self.window.base
        if not text:
            self.caution.setText(tr("Paste a paragraph or pick a file first."))
            return
        if not folder.is_dir():
            self.caution.setText(tr("The folder {folder} does not exist.").format(folder=folder))
            return
        if base is None:
            self.caution.setText(tr("The base model is still loading; try again in a moment."))
            return
        # Your own saved adapters need no signed entry: you made them. Anything else must verify.
        own = folder.resolve() == adapters_dir().resolve()
        self.guess.setEnabled(False)
        self.answer.setText(tr("Reading it with each adapter..."))
        self.caution.setText("")

        in_class = self.class_out is not None and folder.resolve() == self.class_out.resolve()

        def work(emit, stop):
            from ..engine import api
            if in_class:      # the teacher's own class, chosen in the class dialog: among its students
                from ..engine.classroom import route_class
                return route_class(base, [text], folder, should_stop=stop)
            return api.route_folder(base, [text], folder, include_unsigned=own, should_stop=stop)

        def failed(f):
            self.guess.setEnabled(True)
            self.answer.setText("")
            self.caution.setText(f.message)

        self.window._start_job("guess", work, lambda r: self._show(r, text), on_failed=failed, owner=self)

    def _show(self, routed, text: str) -> None:
        from ..engine.api import ROUTED_BASE as BASE_NAME
        from ..engine.api import odds_message, teacher_message, verdict_message
        self.guess.setEnabled(True)
        base_ppl = routed.base_score().ppl
        self.bars.set_rows([(s.name, s.prob, 100 * (1 - s.ppl / base_ppl), s.name == BASE_NAME)
                            for s in routed.pool])
        self.skipped.setText("\n".join(tr("Not used: {file}: {why}").format(file=s.path.name, why=say(s.reason))
                                       for s in routed.skipped[:8]))
        v = routed.verdict
        if v is None:
            self.answer.setText(tr("No adapter in this folder could be used."))
            self.caution.setText("")
            return
        names = [tr("the base model") if s.name == BASE_NAME else s.name for s in routed.pool]
        if routed.best.name == BASE_NAME and v.word != "too-short":
            self.answer.setText(tr("None of these adapters fits this text better than the base model."))
        else:
            self.answer.setText(say(verdict_message(v, names, routed.words)))
        odds = odds_message(v, names)
        lines = [say(odds)] if odds is not None and routed.best.name != BASE_NAME else []
        lines.append(say(teacher_message(routed.words, routed.writers)))
        self.caution.setText("\n".join(lines))


def open_dialog(window, class_out: Path | None = None) -> WhoseDialog:
    dlg = getattr(window, "whose_dialog", None)
    if dlg is None:
        dlg = window.whose_dialog = WhoseDialog(window)
    if class_out is not None:
        dlg.class_out = Path(class_out)
        dlg.folder.setText(str(class_out))
    dlg.setModal(False)
    dlg.show()
    dlg.raise_()
    return dlg
