"""The three steps of the window (Documents, Personalise, Results) and the
"Open adapter" dialog. These are views: they hold widgets and emit nothing the
engine sees; `window.MainWindow` wires them to the engine through jobs."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (QAbstractItemView, QButtonGroup, QCheckBox, QComboBox, QDialog,
                               QDialogButtonBox, QFormLayout, QFrame, QGridLayout, QGroupBox,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QListWidget, QPlainTextEdit,
                               QProgressBar, QPushButton, QRadioButton, QScrollArea,
                               QTableWidget, QVBoxLayout, QWidget)

from .charts import BarChart, LossChart
from .settings import BUDGETS, DRIFT_LIMITS
from .words import method_name, tr


def named(widget, name: str, description: str | None = None):
    """Every control gets an accessible name (screen readers, UI tests)."""
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)
        widget.setToolTip(description)
    return widget


def heading(text: str, scale: float = 1.35) -> QLabel:
    lab = QLabel(text)
    f = QFont(lab.font())
    f.setPointSizeF(f.pointSizeF() * scale)
    f.setBold(True)
    lab.setFont(f)
    lab.setWordWrap(True)
    lab.setAccessibleName(text)
    return lab


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


def tone(widget: QWidget, level: str) -> str:
    """A colour for ok / note / warning text that reads on the current theme."""
    dark = widget.palette().color(QPalette.ColorRole.Window).lightness() < 128
    colours = {"ok": ("#1e7d45", "#6fdc98"), "note": ("#9a5b00", "#f5c26b"), "warning": ("#b3261e", "#ff8a80")}
    c = colours.get(level, colours["note"])[1 if dark else 0]
    return f"color: {c};" + (" font-weight: bold;" if level == "warning" else "")


class DocumentsPage(QWidget):
    COLUMNS = ("Name", "Type", "Words", "Status")

    def __init__(self, parent=None):
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.addWidget(heading(tr("Your documents")))
        lay.addWidget(muted(note(tr(
            "Add some of your own writing: stories, essays, notes, code. NormFit reads plain text, Markdown, "
            "PDF, Word, OpenDocument, EPUB, web pages and source code. You can also drop files or folders "
            "onto this window. Nothing leaves this computer."))))
        row = QHBoxLayout()
        self.add_files = named(QPushButton(tr("Add &files...")), tr("Add files"),
                               tr("Choose one or more documents to add"))
        self.add_folder = named(QPushButton(tr("Add f&older...")), tr("Add folder"),
                                tr("Add every readable document inside a folder"))
        self.samples = named(QPushButton(tr("Try with &sample documents")), tr("Try with sample documents"),
                             tr("Load the sample documents that come with NormFit"))
        self.remove = named(QPushButton(tr("&Remove")), tr("Remove selected documents"))
        self.clear = named(QPushButton(tr("Remove &all")), tr("Remove all documents"))
        for b in (self.add_files, self.add_folder, self.samples):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.remove)
        row.addWidget(self.clear)
        lay.addLayout(row)

        self.table = named(QTableWidget(0, len(self.COLUMNS)), tr("Documents"),
                           tr("The documents NormFit will learn from, with their status"))
        self.table.setHorizontalHeaderLabels([tr(c) for c in self.COLUMNS])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 280)
        lay.addWidget(self.table, 1)

        brow = QHBoxLayout()
        self.busy = named(muted(note("")), tr("Reading status"))
        self.stop_reading = named(QPushButton(tr("Stop reading")), tr("Stop reading documents"))
        self.stop_reading.setVisible(False)
        brow.addWidget(self.busy, 1)
        brow.addWidget(self.stop_reading)
        lay.addLayout(brow)
        self.totals = named(note(""), tr("Totals"))
        f = self.totals.font()
        f.setBold(True)
        self.totals.setFont(f)
        lay.addWidget(self.totals)
        self.warning = named(note(""), tr("Warning"))
        lay.addWidget(self.warning)


class PersonalisePage(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.addWidget(heading(tr("Personalise")))
        lay.addWidget(muted(note(tr(
            "NormFit adjusts a tiny part of its language model (about 2,300 numbers) so that it "
            "predicts your writing better. A part of your text is kept aside to measure the result "
            "honestly."))))

        top = QHBoxLayout()
        budget_box = QGroupBox(tr("How long may it train?"))
        budget_box.setAccessibleName(tr("Time budget"))
        bl = QHBoxLayout(budget_box)
        self.budget_group = QButtonGroup(self)
        self.budget_buttons: dict[int, QRadioButton] = {}
        for m in BUDGETS:
            text = {1: tr("1 minute"), 5: tr("5 minutes (recommended)")}.get(
                m, tr("{n} minutes").format(n=m))
            b = named(QRadioButton(text), tr("Train for {n} minutes").format(n=m))
            self.budget_group.addButton(b, m)
            self.budget_buttons[m] = b
            bl.addWidget(b)
        top.addWidget(budget_box, 1)
        lay.addLayout(top)

        guard_box = QGroupBox(tr("How much may it change ordinary text?"))
        guard_box.setAccessibleName(tr("General-text limit"))
        gl = QHBoxLayout(guard_box)
        self.guard_group = QButtonGroup(self)
        self.guard_buttons: dict[int, QRadioButton] = {}
        for pct in DRIFT_LIMITS:
            text, tip = {
                1: (tr("Careful (1%)"), tr("General text may get at most 1% worse; learns a little less")),
                3: (tr("Balanced (3%, recommended)"), tr("General text may get at most 3% worse")),
                10: (tr("Strong (10%)"), tr("Learns your writing more; general text may get up to 10% worse")),
                0: (tr("No limit"), tr("Nothing holds the model close to what it knew; general text "
                                       "can get much worse")),
            }[pct]
            b = named(QRadioButton(text), text, tip)
            self.guard_group.addButton(b, pct if pct else 100)
            self.guard_buttons[pct] = b
            gl.addWidget(b)
        lay.addWidget(guard_box)

        self.device = named(note(tr("Looking at this computer...")), tr("Device"))
        lay.addWidget(self.device)
        self.compare = named(QCheckBox(tr("Also compare with LoRA and full fine-tuning")),
                             tr("Also compare with LoRA and full fine-tuning"),
                             tr("Trains two other kinds of adapter with the same time budget each, "
                                "so it takes three times as long"))
        lay.addWidget(self.compare)
        self.compare_note = muted(note(""))
        lay.addWidget(self.compare_note)

        row = QHBoxLayout()
        self.start = named(QPushButton(tr("&Start personalising")), tr("Start personalising"))
        self.start.setDefault(True)
        self.start.setMinimumHeight(36)
        f = self.start.font()
        f.setBold(True)
        self.start.setFont(f)
        self.cancel = named(QPushButton(tr("&Cancel")), tr("Cancel training"),
                            tr("Stop training within a second or two; you can keep the best result so far"))
        self.cancel.setEnabled(False)
        row.addWidget(self.start)
        row.addWidget(self.cancel)
        row.addStretch(1)
        lay.addLayout(row)

        self.phase = named(note(tr("Ready when you are.")), tr("What is happening"))
        lay.addWidget(self.phase)
        self.progress = named(QProgressBar(), tr("Progress"))
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setTextVisible(False)
        lay.addWidget(self.progress)
        trow = QHBoxLayout()
        self.times = named(note(""), tr("Elapsed and remaining time"))
        self.stats = muted(named(note(""), tr("Training details")))
        self.stats.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        trow.addWidget(self.times, 1)
        trow.addWidget(self.stats, 1)
        lay.addLayout(trow)
        self.chart = LossChart()
        lay.addWidget(self.chart, 1)


class ResultsPage(QScrollArea):
    TABLE_COLUMNS = ("Method", "Your writing (perplexity)", "General text (perplexity)",
                     "Trainable numbers", "File size", "Time")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget()
        self.setWidget(inner)
        lay = QVBoxLayout(inner)
        self.headline = named(heading(tr("No results yet"), 1.6), tr("Result"))
        lay.addWidget(self.headline)
        self.detail = muted(named(note(tr("Personalise the model first, or open an adapter file.")),
                                  tr("Result details")))
        lay.addWidget(self.detail)
        self.general = named(note(""), tr("General text check"))
        lay.addWidget(self.general)
        self.stopped = named(note(""), tr("Stopped early"))
        lay.addWidget(self.stopped)

        self.compare_box = QGroupBox(tr("Comparison at the same time budget"))
        self.compare_box.setAccessibleName(tr("Comparison"))
        cl = QVBoxLayout(self.compare_box)
        self.verdict = named(note(""), tr("Verdict"))
        f = self.verdict.font()
        f.setBold(True)
        self.verdict.setFont(f)
        cl.addWidget(self.verdict)
        self.table = named(QTableWidget(0, len(self.TABLE_COLUMNS)), tr("Comparison table"))
        self.table.setHorizontalHeaderLabels([tr(c) for c in self.TABLE_COLUMNS])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setSizeAdjustPolicy(QTableWidget.SizeAdjustPolicy.AdjustToContents)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        cl.addWidget(self.table)
        charts = QHBoxLayout()
        self.bars_heldout = BarChart(tr("Your writing (perplexity after training)"))
        self.bars_general = BarChart(tr("General text (perplexity after training)"))
        for c in (self.bars_heldout, self.bars_general):
            c.setMinimumHeight(200)
            charts.addWidget(c)
        cl.addLayout(charts)
        self.compare_box.setVisible(False)
        lay.addWidget(self.compare_box)

        actions = QHBoxLayout()
        self.which = named(QComboBox(), tr("Which result to save"))
        self.which.setVisible(False)
        self.save = named(QPushButton(tr("Sa&ve adapter...")), tr("Save adapter"),
                          tr("Save the personalised part as a small file you can keep or share"))
        self.save.setEnabled(False)
        self.open = named(QPushButton(tr("&Open adapter...")), tr("Open adapter"),
                          tr("Look inside an adapter file and check it on your documents"))
        actions.addWidget(self.which)
        actions.addWidget(self.save)
        actions.addWidget(self.open)
        actions.addStretch(1)
        lay.addLayout(actions)
        self.saved_note = muted(named(note(""), tr("Save status")))
        lay.addWidget(self.saved_note)

        self.try_box = QGroupBox(tr("Try it"))
        self.try_box.setAccessibleName(tr("Try it"))
        tl = QVBoxLayout(self.try_box)
        tl.addWidget(muted(note(tr("Type the beginning of a sentence; both models continue it."))))
        prow = QHBoxLayout()
        self.prompt = named(QLineEdit(), tr("Prompt"), tr("The beginning of a sentence for the models to continue"))
        self.prompt.setPlaceholderText(tr("For example: The morning after the storm"))
        self.write = named(QPushButton(tr("&Write")), tr("Write continuations"))
        prow.addWidget(self.prompt, 1)
        prow.addWidget(self.write)
        tl.addLayout(prow)
        grid = QGridLayout()
        self.base_label = QLabel(tr("Base model"))
        self.mine_label = QLabel(tr("Personalised model"))
        self.base_out = named(QPlainTextEdit(), tr("Base model continuation"))
        self.mine_out = named(QPlainTextEdit(), tr("Personalised model continuation"))
        for w in (self.base_out, self.mine_out):
            w.setReadOnly(True)
            w.setMinimumHeight(110)
        grid.addWidget(self.base_label, 0, 0)
        grid.addWidget(self.mine_label, 0, 1)
        grid.addWidget(self.base_out, 1, 0)
        grid.addWidget(self.mine_out, 1, 1)
        tl.addLayout(grid)
        lay.addWidget(self.try_box)

        self.saved_box = QGroupBox(tr("Your saved adapters"))
        self.saved_box.setAccessibleName(tr("Your saved adapters"))
        sl = QHBoxLayout(self.saved_box)
        self.saved_list = named(QListWidget(), tr("Saved adapters"),
                                tr("Adapters saved in NormFit's folder; double-click one to open it"))
        self.saved_list.setMaximumHeight(110)
        sl.addWidget(self.saved_list, 1)
        sb = QVBoxLayout()
        self.open_saved = named(QPushButton(tr("Open selected")), tr("Open selected adapter"))
        self.show_folder = named(QPushButton(tr("Show folder")), tr("Show the adapters folder"))
        sb.addWidget(self.open_saved)
        sb.addWidget(self.show_folder)
        sb.addStretch(1)
        sl.addLayout(sb)
        lay.addWidget(self.saved_box)
        lay.addStretch(1)


class AdapterDialog(QDialog):
    """What is inside an adapter file, whether it fits, and how it does on the
    current documents."""

    LABELS = {
        "method": "Method", "base_id": "Made for base model", "created_utc": "Created (UTC)",
        "app_version": "NormFit version", "steps": "Training steps", "seconds": "Training time (seconds)",
        "train_tokens": "Training tokens", "lr": "Learning rate", "label": "Label",
        "heldout_ppl_before": "Its author's text, perplexity before", "heldout_ppl_after":
            "Its author's text, perplexity after", "general_ppl_before": "General text, perplexity before",
        "general_ppl_after": "General text, perplexity after",
    }

    def __init__(self, name: str, metadata: dict[str, str], fits: bool, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Adapter: {name}").format(name=name))
        self.setAccessibleName(tr("Adapter details"))
        lay = QVBoxLayout(self)
        lay.addWidget(heading(name, 1.2))
        self.fit = named(note(tr("Fits the base model NormFit has loaded.") if fits else
                              tr("Does not fit the base model NormFit has loaded.")), tr("Fits this base"))
        lay.addWidget(self.fit)
        form = QFormLayout()
        for k, lab in self.LABELS.items():
            if k in metadata:
                v = QLabel(method_name(metadata[k]) if k == "method" else metadata[k])
                v.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                v.setAccessibleName(tr(lab))
                form.addRow(tr(lab) + ":", v)
        lay.addLayout(form)
        self.result = named(note(""), tr("Result on your documents"))
        lay.addWidget(self.result)
        buttons = QDialogButtonBox()
        self.evaluate = named(buttons.addButton(tr("&Check on my documents"),
                                                QDialogButtonBox.ButtonRole.ActionRole),
                              tr("Check this adapter on my documents"))
        self.use = named(buttons.addButton(tr("&Use in Try it"), QDialogButtonBox.ButtonRole.ActionRole),
                         tr("Use this adapter in Try it"))
        close = named(buttons.addButton(QDialogButtonBox.StandardButton.Close), tr("Close"))
        close.clicked.connect(self.reject)
        lay.addWidget(buttons)
        self.evaluate.setEnabled(fits)
        self.use.setEnabled(fits)
