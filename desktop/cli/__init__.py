"""The NormFit command line. `normfit` with no arguments opens the window.

common.py (usage errors, progress, loading the base and documents), train.py
(train, compare: through engine/session.py like the window), adapters.py (eval,
inspect, generate), share.py (share, verify, withdraw, route, export-hf),
classroom.py (class), pretrain.py, main.py (the parser and exit codes).
"""
from .common import UsageError, say
from .main import build_parser, main

__all__ = ["UsageError", "build_parser", "main", "say"]
