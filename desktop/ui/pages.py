"""The three steps of the window (Documents, Personalise, Results) and the
"Open adapter" dialog. These are views: they hold widgets and emit nothing the
engine sees; `window.MainWindow` wires them to the engine through jobs.

Each view sets its words in `retranslate()`, not in the constructor, so that
switching the language at run time (Language menu) re-words the open window
without rebuilding it and losing what is in it."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (QAbstractItemView, QButtonGroup, QCheckBox, QComboBox, QFrame,
                               QGroupBox,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QProgressBar, QPushButton, QRadioButton, QScrollArea,
                               QTableWidget, QTreeWidget, QVBoxLayout, QWidget)

from .charts import BarChart, LossChart
from .retranslating import Retranslating
from .settings import BUDGETS, DRIFT_LIMITS
from ..engine import methods
from .words import QT_TR_NOOP, num, tr  # noqa: F401 (QT_TR_NOOP re-exported for the other views)


def named(widget, name: str, description: str | None = None):
    """Every control gets an accessible name (screen readers, UI tests)."""
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)
        widget.setToolTip(description)
    return widget


def texts(widget, text: str | None = None, name: str | None = None, description: str | None = None):
    """(Re)set a control's visible text, accessible name and tool tip."""
    if text is not None:
        widget.setText(text)
    if name is not None:
        widget.setAccessibleName(name)
    if description is not None:
        widget.setAccessibleDescription(description)
        widget.setToolTip(description)
    return widget


def heading(text: str = "", scale: float = 1.35) -> QLabel:
    lab = QLabel(text)
    f = QFont(lab.font())
    f.setPointSizeF(f.pointSizeF() * scale)
    f.setBold(True)
    lab.setFont(f)
    lab.setWordWrap(True)
    lab.setAccessibleName(text)
    return lab


def set_heading(lab: QLabel, text: str) -> None:
    lab.setText(text)
    lab.setAccessibleName(text)


def note(text: str = "") -> QLabel:
    lab = QLabel(text)
    lab.setWordWrap(True)
    lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return lab


def muted(label: QLabel) -> QLabel:
    """Secondary text: smaller, but at full contrast in light and dark themes."""
    f = label.font()
    f.setPointSizeF(f.pointSizeF() * 0.95)
    label.setFont(f)
    return label


def titled(owner: QWidget) -> QVBoxLayout:
    """A step's layout opened with its heading and intro (owner.title, owner.intro)."""
    lay = QVBoxLayout(owner)
    owner.title = heading()
    lay.addWidget(owner.title)
    owner.intro = muted(note())
    lay.addWidget(owner.intro)
    return lay


def tone(widget: QWidget, level: str) -> str:
    """A colour for ok / note / warning text that reads on the current theme."""
    dark = widget.palette().color(QPalette.ColorRole.Window).lightness() < 128
    colours = {"ok": ("#1e7d45", "#6fdc98"), "note": ("#9a5b00", "#f5c26b"), "warning": ("#b3261e", "#ff8a80")}
    c = colours.get(level, colours["note"])[1 if dark else 0]
    return f"color: {c};" + (" font-weight: bold;" if level == "warning" else "")


class Page(Retranslating, QWidget):
    """A step of the window that re-words itself when the language changes."""

    def retranslate(self) -> None:
        raise NotImplementedError


def fit_wrapped_rows(t, column: int) -> None:
    """Rows tall enough for their wrapped text. resizeRowsToContents measures with the
    view's (Latin) font, but Malayalam is drawn in a taller fallback font, so a long
    reason came out cut off with "..."; a QTextDocument lays it out as it is drawn."""
    from PySide6.QtGui import QTextDocument
    t.resizeRowsToContents()
    width = t.columnWidth(column) - t.iconSize().width() - 16
    doc = QTextDocument()
    doc.setDefaultFont(t.font())
    doc.setTextWidth(max(50, width))
    for r in range(t.rowCount()):
        item = t.item(r, column)
        if item is not None and item.text():
            doc.setPlainText(item.text())
            t.setRowHeight(r, max(t.rowHeight(r), int(doc.size().height()) + 6))


class DocumentsPage(Page):
    COLUMNS = (QT_TR_NOOP("Name"), QT_TR_NOOP("Type"), QT_TR_NOOP("Words"), QT_TR_NOOP("Status"))

    def __init__(self, parent=None):
        super().__init__(parent)
        lay = titled(self)
        row = QHBoxLayout()
        self.add_files, self.add_folder, self.samples, self.remove, self.clear = (QPushButton() for _ in range(5))
        for b in (self.add_files, self.add_folder, self.samples):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.remove)
        row.addWidget(self.clear)
        lay.addLayout(row)

        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # A skipped file's reason wraps onto more lines rather than being cut off (long in Malayalam).
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.setAlternatingRowColors(True)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 280)
        hh.sectionResized.connect(lambda *_: self.refit_rows())    # re-wrap on a wider or narrower window
        lay.addWidget(self.table, 1)

        brow = QHBoxLayout()
        self.busy = muted(note(""))
        self.stop_reading = QPushButton()
        self.stop_reading.setVisible(False)
        brow.addWidget(self.busy, 1)
        brow.addWidget(self.stop_reading)
        lay.addLayout(brow)
        self.totals = note("")
        f = self.totals.font()
        f.setBold(True)
        self.totals.setFont(f)
        lay.addWidget(self.totals)
        self.warning = note("")
        lay.addWidget(self.warning)
        self.retranslate()

    def refit_rows(self) -> None:
        fit_wrapped_rows(self.table, 3)

    def retranslate(self) -> None:
        set_heading(self.title, tr("Your documents"))
        self.intro.setText(tr(
            "Add some of your own writing: stories, essays, notes, code. NormFit reads plain text, Markdown, "
            "PDF, Word, OpenDocument, EPUB, web pages and source code. You can also drop files or folders "
            "onto this window. Nothing leaves this computer."))
        texts(self.add_files, tr("Add &files..."), tr("Add files"), tr("Choose one or more documents to add"))
        texts(self.add_folder, tr("Add f&older..."), tr("Add folder"),
              tr("Add every readable document inside a folder"))
        texts(self.samples, tr("Try with &sample documents"), tr("Try with sample documents"),
              tr("Load the sample documents that come with NormFit"))
        texts(self.remove, tr("&Remove"), tr("Remove selected documents"))
        texts(self.clear, tr("Remove &all"), tr("Remove all documents"))
        named(self.table, tr("Documents"), tr("The documents NormFit will learn from, with their status"))
        self.table.setHorizontalHeaderLabels([tr(c) for c in self.COLUMNS])
        named(self.busy, tr("Reading status"))
        texts(self.stop_reading, tr("Stop reading"), tr("Stop reading documents"))
        named(self.totals, tr("Totals"))
        named(self.warning, tr("Warning"))


class PersonalisePage(Page):
    NAME_LIMIT = 60      # characters of a name or nickname (it travels in the adapter's header)

    def __init__(self, parent=None):
        super().__init__(parent)
        lay = titled(self)
        self._build_who(lay)
        self._build_choices(lay)
        self._build_run(lay)
        self.device.setText(tr("Looking at this computer..."))
        self.phase.setText(tr("Ready when you are."))
        self.retranslate()

    def _build_who(self, lay: QVBoxLayout) -> None:
        # Who is this for: on a shared lab PC this names the adapter and its file.
        who = QHBoxLayout()
        self.who_label = QLabel()
        self.who = QLineEdit()
        self.who.setMaxLength(self.NAME_LIMIT)
        self.who.setMinimumWidth(260)
        self.who_label.setBuddy(self.who)
        self.who_note = muted(note())
        who.addWidget(self.who_label)
        who.addWidget(self.who)
        who.addWidget(self.who_note, 1)
        lay.addLayout(who)

    def _build_choices(self, lay: QVBoxLayout) -> None:
        """Time budget, general-text limit, device, compare."""
        top = QHBoxLayout()
        self.budget_box = QGroupBox()
        bl = QHBoxLayout(self.budget_box)
        self.budget_group = QButtonGroup(self)
        self.budget_buttons: dict[int, QRadioButton] = {}
        for m in BUDGETS:
            b = QRadioButton()
            self.budget_group.addButton(b, m)
            self.budget_buttons[m] = b
            bl.addWidget(b)
        top.addWidget(self.budget_box, 1)
        lay.addLayout(top)

        self.guard_box = QGroupBox()
        gl = QHBoxLayout(self.guard_box)
        self.guard_group = QButtonGroup(self)
        self.guard_buttons: dict[int, QRadioButton] = {}
        for pct in DRIFT_LIMITS:
            b = QRadioButton()
            self.guard_group.addButton(b, pct if pct else 100)
            self.guard_buttons[pct] = b
            gl.addWidget(b)
        lay.addWidget(self.guard_box)

        self.device = note()
        lay.addWidget(self.device)
        self.compare = QCheckBox()
        lay.addWidget(self.compare)
        self.compare_note = muted(note(""))
        lay.addWidget(self.compare_note)

    def _build_run(self, lay: QVBoxLayout) -> None:
        """Start/Cancel, what is happening, progress, times, the loss chart."""
        row = QHBoxLayout()
        self.start = QPushButton()
        self.start.setDefault(True)
        self.start.setMinimumHeight(36)
        f = self.start.font()
        f.setBold(True)
        self.start.setFont(f)
        self.cancel = QPushButton()
        self.cancel.setEnabled(False)
        row.addWidget(self.start)
        row.addWidget(self.cancel)
        row.addStretch(1)
        lay.addLayout(row)

        self.phase = note()
        lay.addWidget(self.phase)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setTextVisible(False)
        lay.addWidget(self.progress)
        trow = QHBoxLayout()
        self.times = note("")
        self.stats = muted(note(""))
        self.stats.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        trow.addWidget(self.times, 1)
        trow.addWidget(self.stats, 1)
        lay.addLayout(trow)
        # One plain line when the machine is slow or busy, rather than silently learning less.
        self.busy = note("")
        self.busy.setVisible(False)
        lay.addWidget(self.busy)
        self.chart = LossChart()
        lay.addWidget(self.chart, 1)

    def retranslate(self) -> None:
        """The fixed words; the window re-words what depends on its state
        (device, phase, times) in its own retranslate()."""
        set_heading(self.title, tr("Personalise"))
        self.intro.setText(tr(
            "NormFit adjusts a tiny part of its language model (about 2,300 numbers) so that it "
            "predicts your writing better. A part of your text is kept aside to measure the result "
            "honestly."))
        self.who_label.setText(tr("&Who is this for?"))
        texts(self.who, None, tr("Name or nickname"),
              tr("Optional. It becomes the adapter's name and file name, so you can find it again."))
        self.who.setPlaceholderText(tr("Name or nickname (optional)"))
        self.who_note.setText(tr("Nothing else about you is kept."))
        self.budget_box.setTitle(tr("How long may it train?"))
        self.budget_box.setAccessibleName(tr("Time budget"))
        for m, b in self.budget_buttons.items():
            text = {1: tr("1 minute"), 5: tr("5 minutes (recommended)")}.get(m, tr("{n} minutes").format(n=m))
            texts(b, text, tr("Train for {n} minutes").format(n=m))
        self.guard_box.setTitle(tr("How much may it change ordinary text?"))
        self.guard_box.setAccessibleName(tr("General-text limit"))
        for pct, b in self.guard_buttons.items():
            text, tip = {
                1: (tr("Careful (1%)"), tr("General text may get at most 1% worse; learns a little less")),
                3: (tr("Balanced (3%, recommended)"), tr("General text may get at most 3% worse")),
                10: (tr("Strong (10%)"), tr("Learns your writing more; general text may get up to 10% worse")),
                0: (tr("No limit"), tr("Nothing holds the model close to what it knew; general text "
                                       "can get much worse")),
            }[pct]
            texts(b, text, text, tip)
        named(self.device, tr("Device"))
        texts(self.compare, tr("Also compare with LoRA and full fine-tuning"),
              tr("Also compare with LoRA and full fine-tuning"),
              tr("Trains the other kinds of adapter with the same time budget each, "
                 "so it takes {n} times as long").format(n=num(len(methods.names()))))
        texts(self.start, tr("&Start personalising"), tr("Start personalising"))
        texts(self.cancel, tr("&Cancel"), tr("Cancel training"),
              tr("Stop training within a second or two; you can keep the best result so far"))
        named(self.phase, tr("What is happening"))
        named(self.progress, tr("Progress"))
        named(self.times, tr("Elapsed and remaining time"))
        named(self.stats, tr("Training details"))
        named(self.busy, tr("Computer speed"))


class ResultsPage(Retranslating, QScrollArea):
    """Scrolls, so it is not a Page; it re-words itself the same way."""
    TABLE_COLUMNS = (QT_TR_NOOP("Method"), QT_TR_NOOP("Your writing (perplexity)"),
                     QT_TR_NOOP("General text (perplexity)"), QT_TR_NOOP("Trainable numbers"),
                     QT_TR_NOOP("File size"), QT_TR_NOOP("Time"))

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget()
        self.setWidget(inner)
        lay = QVBoxLayout(inner)
        self.has_result = False     # set by the window once it shows an outcome
        self.headline = heading("", 1.6)
        lay.addWidget(self.headline)
        self.detail = muted(note())
        lay.addWidget(self.detail)
        self.general = note("")
        lay.addWidget(self.general)
        self.stopped = note("")
        lay.addWidget(self.stopped)
        self._build_comparison(lay)
        self._build_actions(lay)
        self._build_try(lay)
        self._build_saved(lay)
        lay.addStretch(1)
        self.retranslate()

    def _build_comparison(self, lay: QVBoxLayout) -> None:
        """The verdict, table and bar charts of a comparison (hidden for one method)."""
        self.compare_box = QGroupBox()
        cl = QVBoxLayout(self.compare_box)
        self.verdict = note("")
        f = self.verdict.font()
        f.setBold(True)
        self.verdict.setFont(f)
        cl.addWidget(self.verdict)
        self.table = QTableWidget(0, len(self.TABLE_COLUMNS))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setSizeAdjustPolicy(QTableWidget.SizeAdjustPolicy.AdjustToContents)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        cl.addWidget(self.table)
        charts = QHBoxLayout()
        self.bars_heldout = BarChart()
        self.bars_general = BarChart()
        for c in (self.bars_heldout, self.bars_general):
            c.setMinimumHeight(200)
            charts.addWidget(c)
        cl.addLayout(charts)
        self.compare_box.setVisible(False)
        lay.addWidget(self.compare_box)

    def _build_actions(self, lay: QVBoxLayout) -> None:
        actions = QHBoxLayout()
        self.which = QComboBox()
        self.which.setVisible(False)
        self.save = QPushButton()
        self.save.setEnabled(False)
        self.share = QPushButton()
        self.share.setEnabled(False)
        self.open = QPushButton()
        actions.addWidget(self.which)
        actions.addWidget(self.save)
        actions.addWidget(self.share)
        actions.addWidget(self.open)
        actions.addStretch(1)
        lay.addLayout(actions)
        self.saved_note = muted(note(""))
        lay.addWidget(self.saved_note)

    def _build_try(self, lay: QVBoxLayout) -> None:
        """Try it lives in try_it.py; its widgets stay reachable from the page by their old names."""
        from .try_it import TryItBox
        self.try_box = TryItBox()
        for name in ("try_intro", "prompt", "write", "base_label", "mine_label", "base_out", "mine_out"):
            setattr(self, name, getattr(self.try_box, name))
        lay.addWidget(self.try_box)

    def _build_saved(self, lay: QVBoxLayout) -> None:
        # Grouped by the name each adapter carries, so students sharing a PC find their own.
        self.saved_box = QGroupBox()
        sl = QHBoxLayout(self.saved_box)
        self.saved_list = QTreeWidget()
        self.saved_list.setHeaderHidden(True)
        self.saved_list.setRootIsDecorated(True)
        self.saved_list.setMinimumHeight(130)
        self.saved_list.setMaximumHeight(190)
        sl.addWidget(self.saved_list, 1)
        sb = QVBoxLayout()
        self.open_saved = QPushButton()
        self.share_saved = QPushButton()
        self.show_folder = QPushButton()
        sb.addWidget(self.open_saved)
        sb.addWidget(self.share_saved)
        sb.addWidget(self.show_folder)
        sb.addStretch(1)
        sl.addLayout(sb)
        lay.addWidget(self.saved_box)

    def retranslate(self) -> None:
        if not self.has_result:
            set_heading(self.headline, tr("No results yet"))
            self.detail.setText(tr("Personalise the model first, or open an adapter file."))
        named(self.detail, tr("Result details"))
        named(self.general, tr("General text check"))
        named(self.stopped, tr("Stopped early"))
        self.compare_box.setTitle(tr("Comparison at the same time budget"))
        self.compare_box.setAccessibleName(tr("Comparison"))
        named(self.verdict, tr("Verdict"))
        named(self.table, tr("Comparison table"))
        self.table.setHorizontalHeaderLabels([tr(c) for c in self.TABLE_COLUMNS])
        self.bars_heldout.set_title(tr("Your writing (perplexity after training)"))
        self.bars_general.set_title(tr("General text (perplexity after training)"))
        named(self.which, tr("Which result to save"))
        texts(self.save, tr("Sa&ve adapter..."), tr("Save adapter"),
              tr("Save the personalised part as a small file you can keep or share"))
        texts(self.share, tr("S&hare..."), tr("Share adapter"),
              tr("Write the adapter and a signed entry to a folder, such as a USB stick, to give to others"))
        texts(self.open, tr("&Open adapter..."), tr("Open adapter"),
              tr("Look inside an adapter file and check it on your documents"))
        named(self.saved_note, tr("Save status"))
        self.saved_box.setTitle(tr("Your saved adapters"))
        self.saved_box.setAccessibleName(tr("Your saved adapters"))
        named(self.saved_list, tr("Saved adapters"),
              tr("Adapters saved in NormFit's folder, by name; double-click one to open it"))
        texts(self.open_saved, tr("Open selected"), tr("Open selected adapter"))
        texts(self.share_saved, tr("Share..."), tr("Share selected adapter"))
        texts(self.show_folder, tr("Show folder"), tr("Show the adapters folder"))
