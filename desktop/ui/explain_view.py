""""Your words, lit up": the held-out text with each word tinted by how much
more (or less) predictable the personalised model found it, and the words it
now expects. On the Results page after a run, and in a dialog for an opened
adapter on any text the person picks.

The engine computes (api.explain) on a Job; this module only shows. The tint
and its legend come from engine/explain_page.py, so the page `normfit
explain` writes and the window agree; their words are translated in the
"explain" context.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QGroupBox, QHBoxLayout, QLabel, QListWidget,
                               QTextBrowser, QVBoxLayout, QWidget)

from .retranslating import Retranslating
from .pages import muted, named, note
from .words import tr


def tx(text: str) -> str:
    return QCoreApplication.translate("explain", text)


class WordsBox(Retranslating, QGroupBox):
    """The tinted text beside the two word lists."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.ex = None
        lay = QVBoxLayout(self)
        self.legend = muted(note())
        lay.addWidget(self.legend)
        self.summary = note("")
        # Room for the summary's usual two or three lines from the start, so the page
        # under the box stays put when "Looking at your words..." becomes the summary.
        self.summary.setMinimumHeight(3 * self.summary.fontMetrics().lineSpacing())
        lay.addWidget(self.summary)
        row = QHBoxLayout()
        self.view = QTextBrowser()
        self.view.setOpenLinks(False)
        self.view.setMinimumHeight(220)
        row.addWidget(self.view, 3)
        lists = QVBoxLayout()
        self.gained_title = QLabel()
        self.gained = QListWidget()
        self.lost_title = QLabel()
        self.lost = QListWidget()
        self.lost.setMaximumHeight(110)
        for w in (self.gained_title, self.gained, self.lost_title, self.lost):
            lists.addWidget(w)
        side = QWidget()
        side.setLayout(lists)
        side.setMinimumWidth(220)
        row.addWidget(side, 1)
        lay.addLayout(row)
        self.retranslate()

    def wait_for_words(self) -> None:
        """Empty, at its full size, saying it is looking: the place the words will fill."""
        self.ex = None
        self.view.clear()
        self.gained.clear()
        self.lost.clear()
        self.summary.setText(tr("Looking at your words..."))

    def show_explanation(self, ex) -> None:
        from ..engine.explain_page import tinted_html
        self.ex = ex
        # A sans font that has Malayalam, as the rest of the window; line height for the underlines.
        self.view.setHtml(f'<div style="line-height:150%">{tinted_html(ex.pieces)}</div>')
        self._fill()

    def _fill(self) -> None:
        from ..engine.explain_page import NEVER_TRAINED, NONE, summary, word_rows
        if self.ex is None:
            return
        gained, lost = word_rows(self.ex, tx)
        for widget, rows in ((self.gained, gained), (self.lost, lost)):
            widget.clear()
            widget.addItems(rows or [tx(NONE)])
        self.summary.setText(summary(self.ex, tx) + " " + tx(NEVER_TRAINED))

    def retranslate(self) -> None:
        from ..engine.explain_page import GAINED, LEGEND, LOST
        self.setTitle(tr("Your words, lit up"))
        self.setAccessibleName(tr("Your words, lit up"))
        self.legend.setText(tx(LEGEND))
        self.gained_title.setText(tx(GAINED))
        self.lost_title.setText(tx(LOST))
        named(self.view, tr("Your text, each word tinted by how much more predictable it became"))
        named(self.gained, tx(GAINED))
        named(self.lost, tx(LOST))
        self._fill()


class ExplainDialog(Retranslating, QDialog):
    """An opened adapter explained on a text the person picked."""

    def __init__(self, name: str, parent=None):
        super().__init__(parent)
        self.name = name
        lay = QVBoxLayout(self)
        self.status = note("")
        lay.addWidget(self.status)
        self.box = WordsBox()
        lay.addWidget(self.box, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(900, 600)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(tr("What {name} learned").format(name=self.name))


# ------------------------------------------------------------ the window's side
def attach(window) -> WordsBox:
    """Put the box on the Results page, under the outcome sentences (hidden until a result)."""
    page = window.results_page
    lay = page.widget().layout()
    box = WordsBox()
    box.setVisible(False)
    lay.insertWidget(lay.indexOf(page.stopped) + 1, box)
    return box


def explain_outcome(window, outcome) -> None:
    """After a run: light up the held-out excerpt with the result shown (norm-only when compared)."""
    box = window.words_box
    text = getattr(outcome.data, "heldout_excerpt", "") if outcome.data is not None else ""
    result = outcome.by_method().get("norm") or outcome.results[0]
    if not text.strip() or not result.learned or window.base is None:
        box.setVisible(False)
        return
    base = window.base
    # Shown now, with the result, not when the words arrive seconds later: a box
    # appearing then pushed Try it down under a click aimed at it (issue 30).
    box.wait_for_words()
    box.setVisible(True)

    def work(emit, stop):
        from ..engine import api
        return api.explain(base, result, text, should_stop=stop)

    def done(ex):
        if window.results.outcome is outcome:      # still the one shown
            box.show_explanation(ex)

    def failed(f):
        # Say why in the place kept for the words rather than hide it (hiding moves the page up).
        if window.results.outcome is outcome:
            box.summary.setText(f.message)

    window._start_job("explain", work, done, on_failed=failed)


def explain_file(window, af, abase, name: str) -> None:
    """An opened adapter on a text the person picks (any format NormFit reads)."""
    from PySide6.QtWidgets import QFileDialog
    path, _ = QFileDialog.getOpenFileName(window, tr("Which text should it look at?"), "",
                                          tr("Documents (*.txt *.md *.py *.pdf *.docx *.odt *.rtf *.html *.epub);;"
                                             "All files (*)"))
    if not path:
        return
    dlg = ExplainDialog(name, window)
    dlg.status.setText(tr("Looking at your words..."))
    dlg.setModal(False)
    dlg.show()
    window.explain_dialog = dlg

    def work(emit, stop):
        from ..engine import api
        doc = api.read_file(path)
        return api.explain(abase, af, doc.text, should_stop=stop)

    def done(ex):
        dlg.status.setText("")
        dlg.box.show_explanation(ex)

    def failed(f):
        dlg.status.setText(f.message)

    window._start_job("explain-file", work, done, on_failed=failed, owner=dlg)
