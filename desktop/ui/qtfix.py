"""Work around a PySide6 reference-count bug that crashes the app on Python < 3.12.

PySide6-Essentials 6.12.0 on CPython 3.11 returns `None` from every C++ method
that returns void without taking a new reference to it, so each such call
(QPainter.setPen, QLabel.setText, QWidget.update, ...) lowers None's reference
count by one. A window repainting a chart calls thousands of them a second,
and within minutes CPython deallocates None and aborts ("Fatal Python error:
none_dealloc"). On 3.12+ None is immortal and the bug is harmless.

The fix: if the bug is present, raise None's reference count once by 2**60, far
more than any session can use up. Extra references to None leak nothing.
"""
from __future__ import annotations

import ctypes
import sys

_applied = False


def none_refcount_is_stolen() -> bool:
    from PySide6.QtCore import QObject
    o = QObject()
    before = sys.getrefcount(None)
    for _ in range(100):
        o.setObjectName("probe")
    return sys.getrefcount(None) - before <= -50


def apply() -> bool:
    """Returns True when the workaround was needed (and applied)."""
    global _applied
    if _applied or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return _applied
    if none_refcount_is_stolen():
        # ob_refcnt is the first field of every PyObject (a Py_ssize_t) on 3.11 and
        # older; this runs with the GIL held, like every refcount change.
        ctypes.c_ssize_t.from_address(id(None)).value += 2 ** 60
        _applied = True
    return _applied
