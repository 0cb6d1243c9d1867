"""One home for "re-word yourself when the language changes": a widget that
mixes this in (before its Qt class) only writes retranslate()."""
from __future__ import annotations

from PySide6.QtCore import QEvent


class Retranslating:
    def changeEvent(self, ev) -> None:  # noqa: N802 (Qt's name)
        if ev.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(ev)
