"""Dialogs of the window: what is inside an adapter file ("Open adapter").

Words are set in retranslate(), so an open dialog follows a language switch."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

from .retranslating import Retranslating
from .pages import QT_TR_NOOP, heading, named, note, texts
from .words import method_name, tr


class AdapterDialog(Retranslating, QDialog):
    """What is inside an adapter file, whether it fits, and how it does on the
    current documents."""

    LABELS = {
        "label": QT_TR_NOOP("Name"),
        "method": QT_TR_NOOP("Method"), "base_id": QT_TR_NOOP("Made for base model"),
        "created_utc": QT_TR_NOOP("Created (UTC)"), "app_version": QT_TR_NOOP("NormFit version"),
        "steps": QT_TR_NOOP("Step kept"), "seconds": QT_TR_NOOP("Training time (seconds)"),
        "train_tokens": QT_TR_NOOP("Training tokens"), "lr": QT_TR_NOOP("Learning rate"),
        "heldout_ppl_before": QT_TR_NOOP("Its author's text, perplexity before"),
        "heldout_ppl_after": QT_TR_NOOP("Its author's text, perplexity after"),
        "general_ppl_before": QT_TR_NOOP("General text, perplexity before"),
        "general_ppl_after": QT_TR_NOOP("General text, perplexity after"),
    }

    def __init__(self, name: str, metadata: dict[str, str], parent=None):
        """Only adapters that opened with a base NormFit ships get here (an
        adapter for an unknown base is refused with one sentence before)."""
        super().__init__(parent)
        self.name, self.metadata = name, metadata
        lay = QVBoxLayout(self)
        lay.addWidget(heading(name, 1.2))
        self.fit = note()
        lay.addWidget(self.fit)
        self.form = QFormLayout()
        self.rows: list[tuple[str, QLabel]] = []
        for k in self.LABELS:
            if k in metadata:
                v = QLabel(metadata[k])
                v.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                self.form.addRow(QLabel(), v)
                self.rows.append((k, v))
        lay.addLayout(self.form)
        self.result = note("")
        lay.addWidget(self.result)
        buttons = QDialogButtonBox()
        self.evaluate = buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.use = buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.explain = buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.clicked.connect(self.reject)
        lay.addWidget(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(tr("Adapter: {name}").format(name=self.name))
        self.setAccessibleName(tr("Adapter details"))
        texts(self.fit, tr("Fits the base model NormFit has loaded."), tr("Fits this base"))
        for i, (k, v) in enumerate(self.rows):
            label = self.form.itemAt(i, QFormLayout.ItemRole.LabelRole).widget()
            label.setText(tr(self.LABELS[k]) + ":")
            v.setAccessibleName(tr(self.LABELS[k]))
            if k == "method":
                v.setText(method_name(self.metadata[k]))
        named(self.result, tr("Result on your documents"))
        texts(self.evaluate, tr("&Check on my documents"), tr("Check this adapter on my documents"))
        texts(self.use, tr("&Use in Try it"), tr("Use this adapter in Try it"))
        texts(self.explain, tr("&What did it learn?"), tr("Show the words this adapter learned, on a text you pick"))
        texts(self.close_button, tr("Close"), tr("Close"))


def show_guide(parent) -> QDialog:
    """Help > Guide for teachers: docs/TEACHERS[-ml].md in the window's language."""
    from PySide6.QtWidgets import QTextBrowser

    from ..paths import guide_file
    from . import language
    dlg = QDialog(parent)
    dlg.setWindowTitle(tr("Guide for teachers"))
    lay = QVBoxLayout(dlg)
    view = QTextBrowser()
    view.setOpenExternalLinks(False)
    view.setMarkdown(guide_file(language.current()).read_text(encoding="utf-8"))
    named(view, tr("Guide for teachers"))
    lay.addWidget(view)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dlg.reject)
    lay.addWidget(buttons)
    dlg.resize(860, 640)
    dlg.setModal(False)
    dlg.show()
    parent.guide_dialog = dlg
    return dlg
