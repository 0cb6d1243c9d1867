"""The NormFit window (PySide6). Talks to the engine only via desktop.engine.api."""
from . import qtfix as _qtfix

_qtfix.apply()
