"""Where NormFit keeps things (platformdirs): settings, logs, saved adapters.

The app never writes inside its own folder, which a school lab may make read-only.
"""
from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_config_dir, user_data_dir, user_log_dir

APP = "NormFit"


def _dir(env: str, default: str) -> Path:
    # NORMFIT_HOME moves everything (tests, portable installs).
    home = os.environ.get("NORMFIT_HOME")
    p = Path(home) / env if home else Path(default)
    return p


def config_dir() -> Path:
    return _dir("config", user_config_dir(APP, appauthor=False))


def log_dir() -> Path:
    return _dir("logs", user_log_dir(APP, appauthor=False))


def adapters_dir() -> Path:
    return _dir("adapters", os.path.join(user_data_dir(APP, appauthor=False), "adapters"))


def keys_dir() -> Path:
    # The federation signing key lives with the user's data, never with a shared folder.
    return _dir("keys", os.path.join(user_data_dir(APP, appauthor=False), "keys"))


def shared_dir() -> Path:
    """Default folder for `normfit share` / `withdraw` when no --out is given."""
    return _dir("shared", os.path.join(user_data_dir(APP, appauthor=False), "shared"))


def ensure(p: Path) -> Path:
    p.mkdir(parents=True, exist_ok=True)
    return p
