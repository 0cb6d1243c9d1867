"""Try it (issue 20, parts 4 and 5): write a continuation with the base and
with the personalised model, side by side; the person's own sentence openings
as prompts; the next three words each model expects while typing; and how
much typing those suggestions would save on the text kept aside, shown as a
number only when it is clearly more than chance.

`TryItBox` holds the widgets (on the Results page); `TryIt` does the work,
always in a Job so the window never waits on the model.
"""
from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import (QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
                               QPushButton, QVBoxLayout, QWidget)

from .retranslating import Retranslating
from .state import engine
from .words import dec, num, pct, tr

log = logging.getLogger("normfit.ui")
SUGGEST_DELAY_MS = 250        # typing pauses this long before the models are asked
SAVINGS_WORDS = 150           # held-out words measured in the window...
SAVINGS_SECONDS = 12.0        # ...or as many as this time allows (the 15 s for the extra views)


def _note(text: str = "") -> QLabel:
    lab = QLabel(text)
    lab.setWordWrap(True)
    return lab


class TryItBox(Retranslating, QGroupBox):
    """The widgets; words are set in retranslate() (again on a language switch)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        tl = QVBoxLayout(self)
        self.try_intro = _note()
        self.loose = _note()
        tl.addWidget(self.try_intro)
        tl.addWidget(self.loose)
        orow = QHBoxLayout()
        self.openings_label = QLabel()
        orow.addWidget(self.openings_label)
        self.openings = [QPushButton() for _ in range(4)]
        for b in self.openings:
            b.setFlat(True)
            b.setVisible(False)
            orow.addWidget(b)
        orow.addStretch(1)
        self.openings_row = QWidget()
        self.openings_row.setLayout(orow)
        self.openings_row.setVisible(False)
        tl.addWidget(self.openings_row)
        prow = QHBoxLayout()
        self.prompt = QLineEdit()
        self.write = QPushButton()
        prow.addWidget(self.prompt, 1)
        prow.addWidget(self.write)
        tl.addLayout(prow)
        grid = QGridLayout()
        self.base_next_label, self.mine_next_label = QLabel(), QLabel()
        self.base_next = [QPushButton() for _ in range(3)]
        self.mine_next = [QPushButton() for _ in range(3)]
        for r, (lab, buttons) in enumerate(((self.base_next_label, self.base_next),
                                            (self.mine_next_label, self.mine_next))):
            grid.addWidget(lab, r, 0)
            for c, b in enumerate(buttons):
                b.setVisible(False)
                grid.addWidget(b, r, c + 1)
        grid.setColumnStretch(4, 1)
        tl.addLayout(grid)
        out = QGridLayout()
        self.base_label = QLabel()
        self.mine_label = QLabel()
        self.base_out = QPlainTextEdit()
        self.mine_out = QPlainTextEdit()
        for w in (self.base_out, self.mine_out):
            w.setReadOnly(True)
            w.setMinimumHeight(90)
        out.addWidget(self.base_label, 0, 0)
        out.addWidget(self.mine_label, 0, 1)
        out.addWidget(self.base_out, 1, 0)
        out.addWidget(self.mine_out, 1, 1)
        tl.addLayout(out)
        self.savings = _note()
        self.savings.setVisible(False)
        tl.addWidget(self.savings)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(tr("Try it"))
        self.setAccessibleName(tr("Try it"))
        self.try_intro.setText(tr("Type the beginning of a sentence; both models continue it, "
                                  "and show the next words they expect as you type."))
        self.loose.setText(tr("A model this small writes loosely: look for your kind of words, not for sense."))
        self.loose.setAccessibleName(tr("About the model's writing"))
        self.openings_label.setText(tr("Start like you do:"))
        self.prompt.setAccessibleName(tr("Prompt"))
        self.prompt.setToolTip(tr("The beginning of a sentence for the models to continue"))
        self.prompt.setAccessibleDescription(self.prompt.toolTip())
        self.prompt.setPlaceholderText(tr("For example: The morning after the storm"))
        self.write.setText(tr("&Write"))
        self.write.setAccessibleName(tr("Write continuations"))
        self.base_label.setText(tr("Base model"))
        self.base_next_label.setText(tr("Next words, base model:"))
        self.mine_next_label.setText(tr("Next words, personalised:"))
        for b in self.base_next + self.mine_next:
            b.setToolTip(tr("Add this word to the prompt"))
            # Named before they are first filled (hidden buttons are still controls).
            b.setAccessibleName(tr("Suggested word: {word}").format(word=b.text()) if b.text()
                                else tr("Suggested word"))
        for b in self.openings:
            b.setAccessibleName(tr("Start with: {words}").format(words=b.text()) if b.text()
                                else tr("One of your own sentence openings"))
        self.base_out.setAccessibleName(tr("Base model continuation"))
        self.mine_out.setAccessibleName(tr("Personalised model continuation"))
        self.savings.setAccessibleName(tr("Typing saved by suggestions"))


def savings_sentence(s) -> str:
    """The measured keystroke savings in words: a number only when the whole
    95% range of the gain is above zero (engine Savings.clearly_better)."""
    if s is None:
        return ""
    if s.clearly_better:
        return tr("On {n} words of your writing that NormFit kept aside, your model's three suggestions would "
                  "have saved {a} of the letters typed, the base model's {b} (a gain of {d} points, "
                  "give or take {m}).").format(n=num(s.words), a=pct(s.adapted_pct, 1), b=pct(s.base_pct, 1),
                                               d=dec(s.change_pts, 1), m=dec(s.margin_pts, 1))
    return tr("On {n} words of your writing that NormFit kept aside, your model's suggestions do not yet save "
              "clearly more typing than the base model's: the difference is within what chance could give."
              ).format(n=num(s.words))


class TryIt(QObject):
    """The Try it box's behaviour, made by the Results step (results_step.py):
    `sides()` says what to compare, `docs` (the DocumentsController) gives the
    documents its openings and typing savings come from, and `win` the jobs."""

    def __init__(self, win, box: TryItBox, sides, docs):
        super().__init__(win)
        self.win, self.box, self.sides, self.docs = win, box, sides, docs
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SUGGEST_DELAY_MS)
        self.timer.timeout.connect(self.suggest)
        self.suggest_job = self.savings_job = None
        self.asked = None             # the text the running suggestion job was asked about
        self.last_savings = None
        box.write.clicked.connect(self.write)
        box.prompt.returnPressed.connect(self.write)
        box.prompt.textEdited.connect(lambda _t: self.timer.start())
        for b in box.base_next + box.mine_next:
            b.clicked.connect(lambda _=False, b=b: self.take_word(b.text()))
        for b in box.openings:
            b.clicked.connect(lambda _=False, b=b: self.use_opening(b.text()))

    # -------------------------------------------------------- openings and savings
    def reset(self) -> None:
        """A new result or an opened adapter: new openings and a new savings measurement."""
        for b in self.box.base_next + self.box.mine_next:
            b.setVisible(False)
        if self.savings_job is not None:
            self.savings_job.cancel()
        self.last_savings = None
        self.box.savings.setVisible(False)
        base, adapter = self.sides()
        docs = list(self.docs.documents)
        if base is None or adapter is None or not docs or not self.docs.enough_text():
            self.box.openings_row.setVisible(False)
            return
        self.win._live_text("try_savings", lambda: self.box.savings.setText(
            tr("Measuring how much typing its next-word suggestions would save...")))
        self.box.savings.setVisible(True)

        def work(emit, stop):
            api = engine()
            texts = api.heldout_texts(docs)
            prompts = api.opening_prompts([d.text for d in docs])
            emit(prompts)
            return api.keystroke_savings(base, texts, adapter, max_words=SAVINGS_WORDS, should_stop=stop,
                                         seconds=SAVINGS_SECONDS)

        self.savings_job = self.win._start_job("keystroke-savings", work, self._savings_done,
                                               on_event=self._show_openings, on_failed=self._savings_failed)

    def _show_openings(self, prompts) -> None:
        for b, p in zip(self.box.openings, list(prompts) + [None] * 4):
            b.setVisible(p is not None)
            if p is not None:
                b.setText(p)
                b.setAccessibleName(tr("Start with: {words}").format(words=p))
        self.box.openings_row.setVisible(bool(prompts))

    def _savings_done(self, s) -> None:
        self.savings_job = None
        self.last_savings = s
        # Worded again after a language switch (the window's live texts).
        self.win._live_text("try_savings", lambda: self.box.savings.setText(savings_sentence(s)))
        self.box.savings.setVisible(s is not None)

    def _savings_failed(self, f) -> None:
        self.savings_job = None
        log.warning("keystroke savings failed: %s", f.message)
        self.box.savings.setVisible(False)

    # -------------------------------------------------------- suggestions
    def use_opening(self, text: str) -> None:
        self.box.prompt.setText(text)
        self.write()

    def take_word(self, word: str) -> None:
        """Put a suggested word in place of the word begun (or after the text)."""
        text = self.box.prompt.text()
        i = len(text)
        while i and (text[i - 1].isalnum() or text[i - 1] == "_"):
            i -= 1
        self.box.prompt.setText(text[:i] + word + " ")
        self.box.prompt.setFocus()
        self.suggest()

    def suggest(self) -> None:
        text = self.box.prompt.text()
        base, adapter = self.sides()
        if base is None or not text.strip():
            return
        if self.suggest_job is not None:      # asked again when the running one ends
            return
        self.asked = text

        def work(emit, stop):
            api = engine()
            return (api.next_words(base, text, should_stop=stop),
                    api.next_words(base, text, adapter, should_stop=stop) if adapter is not None else [])

        self.suggest_job = self.win._start_job("suggest", work, self._suggested, on_failed=self._suggest_failed)

    def _suggested(self, res) -> None:
        self.suggest_job = None
        if self.box.prompt.text() != self.asked:
            self.suggest()        # the person kept typing: these are stale
            return
        for buttons, words in zip((self.box.base_next, self.box.mine_next), res):
            for b, w in zip(buttons, list(words) + [None] * 3):
                b.setVisible(w is not None)
                if w is not None:
                    b.setText(w)
                    b.setAccessibleName(tr("Suggested word: {word}").format(word=w))

    def _suggest_failed(self, f) -> None:
        self.suggest_job = None
        log.warning("suggestions failed: %s", f.message)

    # -------------------------------------------------------- continuations
    def write(self) -> None:
        box, win = self.box, self.win
        prompt = box.prompt.text().strip()
        base, adapter = self.sides()
        if not prompt or base is None:
            box.prompt.setFocus()
            return
        if adapter is None:
            win.statusBar().showMessage(tr("Personalise first, or open an adapter, to compare."), 5000)
        box.write.setEnabled(False)
        box.base_out.setPlainText(tr("Writing..."))
        box.mine_out.setPlainText(tr("Writing...") if adapter is not None else "")

        def work(emit, stop):
            api = engine()
            a = api.generate(base, prompt, None, seed=0, should_stop=stop)
            return a, api.generate(base, prompt, adapter, seed=0, should_stop=stop) if adapter is not None else ""

        def done(res):
            box.base_out.setPlainText(prompt + res[0])
            box.mine_out.setPlainText(prompt + res[1] if adapter is not None else "")
            box.write.setEnabled(True)

        def failed(f):
            box.write.setEnabled(True)
            box.base_out.setPlainText("")
            box.mine_out.setPlainText("")
            win.show_error(tr("Could not write a continuation"), f)

        win._start_job("generate", work, done, on_failed=failed)
