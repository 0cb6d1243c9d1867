"""Where NormFit keeps things (platformdirs): settings, logs, saved adapters;
and where its own read-only files are (assets_dir: the one place that knows
about the PyInstaller bundle).

The app never writes inside its own folder, which a school lab may make read-only.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

APP = "NormFit"


def assets_dir() -> Path:
    """assets/ beside the package, or inside the packaged app's bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    return (Path(bundle) if bundle else Path(__file__).resolve().parents[1]) / "assets"


def guide_file(lang: str) -> Path:
    """The one-page guide for teachers in `lang` (docs/TEACHERS[-lang].md; the
    packaged app carries them as docs/), English when there is none in it."""
    bundle = getattr(sys, "_MEIPASS", None)
    docs = (Path(bundle) if bundle else Path(__file__).resolve().parents[1]) / "docs"
    own = docs / f"TEACHERS-{lang}.md"
    return own if lang != "en" and own.is_file() else docs / "TEACHERS.md"


def _platform_dir(kind: str) -> str:
    """platformdirs' user_<kind>_dir, imported when a user folder is first needed,
    so the engine (and a GPU machine without platformdirs) can use assets_dir."""
    import platformdirs
    return getattr(platformdirs, f"user_{kind}_dir")(APP, appauthor=False)


def _dir(env: str, default) -> Path:
    # NORMFIT_HOME moves everything (tests, portable installs); the platform's
    # folder is only looked up (platformdirs) when it is the one used.
    home = os.environ.get("NORMFIT_HOME")
    return Path(home) / env if home else Path(default())


def config_dir() -> Path:
    return _dir("config", lambda: _platform_dir("config"))


def log_dir() -> Path:
    return _dir("logs", lambda: _platform_dir("log"))


def adapters_dir() -> Path:
    return _dir("adapters", lambda: os.path.join(_platform_dir("data"), "adapters"))


def keys_dir() -> Path:
    # The federation signing key lives with the user's data, never with a shared folder.
    return _dir("keys", lambda: os.path.join(_platform_dir("data"), "keys"))


def shared_dir() -> Path:
    """Default folder for `normfit share` / `withdraw` when no --out is given."""
    return _dir("shared", lambda: os.path.join(_platform_dir("data"), "shared"))


def scores_cache_dir() -> Path:
    """The base model's scores of texts already measured (numbers only, one per
    window of text; safe to delete: they are measured again)."""
    return _dir("cache", lambda: _platform_dir("cache")) / "scores"


def ensure(p: Path) -> Path:
    p.mkdir(parents=True, exist_ok=True)
    return p
