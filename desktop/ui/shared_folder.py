"""File > Shared folder...: what a shared folder holds, and whom to trust.

A lab's shared folder or a USB stick is written by many hands. This dialog
lists what NormFit would use from it (entries signed by a trusted key), what it
would not use because the signer is not trusted yet, and every other file with
the one sentence saying why it was left out. The teacher trusts a signer here
after checking the fingerprint with its owner, and can stop trusting one; the
same list as `normfit trust` (desktop/engine/trust.py). Reading the folder is
engine/folder_scan.overview: no file in it can stop or hang the dialog.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QAbstractItemView, QDialog, QFileDialog, QHBoxLayout, QHeaderView, QListWidget,
                               QListWidgetItem, QMessageBox, QPushButton, QTableWidget, QTableWidgetItem)

from .retranslating import Retranslating
from .pages import QT_TR_NOOP, muted, named, note, set_heading, texts, titled
from .words import num, say, tr

COLUMNS = (QT_TR_NOOP("Adapter"), QT_TR_NOOP("Signed by key"), QT_TR_NOOP("Status"))


def _api():
    # The engine's facade, imported on first use: it pulls in PyTorch, which the window loads in the background.
    from .state import engine
    return engine()


class SharedFolderDialog(Retranslating, QDialog):
    def __init__(self, window, keys_folder=None):
        super().__init__(window)
        self.window = window
        self.keys_folder = keys_folder
        self.folder: Path | None = None
        self.rows = []
        self.resize(900, 600)
        lay = titled(self)
        row = QHBoxLayout()
        self.choose = QPushButton()
        self.folder_label = note("")
        row.addWidget(self.choose)
        row.addWidget(self.folder_label, 1)
        lay.addLayout(row)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        lay.addWidget(self.table, 3)
        self.summary = muted(note(""))
        lay.addWidget(self.summary)
        self.trusted_heading = note("")
        lay.addWidget(self.trusted_heading)
        self.trusted = QListWidget()
        lay.addWidget(self.trusted, 1)
        buttons = QHBoxLayout()
        self.trust_button, self.untrust_button, self.close_button = (QPushButton() for _ in range(3))
        buttons.addWidget(self.trust_button)
        buttons.addWidget(self.untrust_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        lay.addLayout(buttons)
        self.choose.clicked.connect(self.choose_folder)
        self.trust_button.clicked.connect(self.trust_selected)
        self.untrust_button.clicked.connect(self.untrust_selected)
        self.close_button.clicked.connect(self.close)
        self.table.itemSelectionChanged.connect(self._update)
        self.trusted.itemSelectionChanged.connect(self._update)
        self.retranslate()

    # ------------------------------------------------------------ words
    def retranslate(self) -> None:
        self.setWindowTitle(tr("Shared folder"))
        self.setAccessibleName(tr("Shared folder"))
        set_heading(self.title, tr("What a shared folder holds, and whom you trust"))
        self.intro.setText(tr(
            "Anyone can put files in a shared folder or on a USB stick. NormFit uses an adapter from it only "
            "when it is signed by a key you trust: your own, and the keys you add here. Before you trust a key, "
            "check its fingerprint with its owner (they see it when they share)."))
        texts(self.choose, tr("Choose &folder..."), tr("Choose the shared folder"))
        named(self.folder_label, tr("Shared folder"))
        named(self.table, tr("Files in the folder"), tr("Each adapter, who signed it, and whether it is used"))
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        self.trusted_heading.setText(tr("Trusted keys"))
        named(self.trusted, tr("Trusted keys"))
        texts(self.trust_button, tr("&Trust this signer..."), tr("Trust the key that signed the selected adapter"))
        texts(self.untrust_button, tr("&Stop trusting"), tr("Stop trusting the selected key"))
        texts(self.close_button, tr("Close"), tr("Close"))
        self.refresh()

    # ------------------------------------------------------------ reading
    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Choose the shared folder"),
                                                  self.window.settings.share_folder or str(Path.home()))
        if folder:
            self.show_folder(Path(folder))

    def show_folder(self, folder: Path) -> None:
        self.folder = folder
        self.refresh()

    def _status(self, r) -> str:
        if r.status == "used":
            return tr("Used")
        if r.status == "untrusted":
            return tr("Not used: signed by a key you do not trust yet.")
        return say(r.reason)     # the engine's one sentence, worded in the language in use

    def refresh(self) -> None:
        api = _api()
        visible = api.visible
        if self.folder is not None:
            known = dict(api.known_bases())
            base = getattr(self.window, "base", None)
            if base is not None:
                known[base.sha256] = base.base_id
            try:
                self.rows = api.shared_folder_overview(self.folder, known, self.keys_folder)
            except api.TrustError as e:      # the person's own trust files are damaged: say so, list nothing
                self.rows = []
                self.window.show_error(tr("Shared folder"), say(e))
            self.folder_label.setText(visible(self.folder))
        else:
            self.folder_label.setText(tr("Choose a shared folder to see what is in it."))
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            shown = r.path.stem if r.public_key else r.path.name    # a skipped file by its whole name
            name = visible(shown) + (f" ({visible(r.label)})" if r.label else "")
            for c, text in enumerate((name, r.fingerprint, self._status(r))):
                self.table.setItem(i, c, QTableWidgetItem(text))
        self.table.resizeRowsToContents()
        used = sum(r.status == "used" for r in self.rows)
        self.summary.setText(tr("{used} adapters are used; {other} files are not.").format(
            used=num(used), other=num(len(self.rows) - used)) if self.folder is not None else "")
        self.trusted.clear()
        try:
            keys = api.trusted_keys(self.keys_folder)
        except api.TrustError as e:
            keys = []
            self.summary.setText(say(e))
        for k in keys:
            item = QListWidgetItem(f"{k.fingerprint}   " + (tr("your own key") if k.own else visible(k.name)))
            item.setData(256, None if k.own else k.public_key)
            self.trusted.addItem(item)
        self._update()

    def _update(self) -> None:
        r = self._selected_row()
        self.trust_button.setEnabled(r is not None and r.status == "untrusted")
        item = self.trusted.currentItem()
        self.untrust_button.setEnabled(item is not None and item.isSelected() and item.data(256) is not None)

    def _selected_row(self):
        rows = {i.row() for i in self.table.selectedItems()}
        return self.rows[rows.pop()] if len(rows) == 1 else None

    # ------------------------------------------------------------ trusting
    def trust_selected(self) -> None:
        api = _api()
        r = self._selected_row()
        if r is None or r.public_key is None:
            return
        ok = QMessageBox.question(self, tr("Trust this signer?"), tr(
            "Trust key {fp}? Its adapters in any shared folder will be used. Check with the owner that their "
            "key has this fingerprint.").format(fp=r.fingerprint))
        if ok != QMessageBox.StandardButton.Yes:
            return
        try:
            api.add_trusted(r.public_key, r.label, self.keys_folder)
        except (api.TrustError, OSError) as e:
            self.window.show_error(tr("The key was not trusted"), say(e))
        self.refresh()

    def untrust_selected(self) -> None:
        api = _api()
        item = self.trusted.currentItem()
        key = item.data(256) if item is not None else None
        if key is None:
            return
        try:
            api.remove_trusted(key, self.keys_folder)
        except (api.TrustError, OSError) as e:
            self.window.show_error(tr("The key is still trusted"), say(e))
        self.refresh()
