"""The three ways of personalising, named once (torch-free, so the window and
the command line can list them before the engine loads). What each one trains
is in adapters.py; per-method learning rates in train.py (DEFAULT_LR)."""
from __future__ import annotations

METHODS = ("norm", "lora", "full")   # norm: the RMSNorm gains, the small shareable adapter
SHAREABLE = "norm"                   # the method whose adapter goes to the federation
