"""Settings the window remembers between runs, as JSON in the platformdirs
config folder (moved by NORMFIT_HOME, e.g. in tests)."""
from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from ..engine.atomic import atomic_write_text
from ..paths import config_dir, ensure

log = logging.getLogger("normfit.ui")
BUDGETS = (1, 2, 5, 10)       # minutes offered in the window
DRIFT_LIMITS = (1, 3, 10, 0)  # general-text limits offered, in percent (0 = no limit)


@dataclass
class Settings:
    last_folder: str = ""          # where "Add files" / "Add folder" last looked
    save_folder: str = ""          # where the last adapter was saved
    share_folder: str = ""         # where the last adapter was shared (a USB stick, say)
    budget_minutes: int = 5
    compare: bool = False
    max_drift_pct: int = 3         # general text may get at most this much worse (0 = no limit)
    geometry: str = ""             # QWidget.saveGeometry(), base64
    language: str = ""             # "en", "ml", or "" to follow the system

    @staticmethod
    def path() -> Path:
        return config_dir() / "settings.json"

    @classmethod
    def load(cls) -> "Settings":
        p = cls.path()
        try:
            raw = json.loads(p.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError) as e:
            log.warning("settings file %s unreadable (%s); using defaults", p, e)
            return cls()
        s = cls()
        names = {f.name: f.type for f in fields(cls)}
        for k, v in raw.items() if isinstance(raw, dict) else ():
            if k in names and isinstance(v, type(getattr(s, k))):
                setattr(s, k, v)
        if s.budget_minutes not in BUDGETS:
            s.budget_minutes = 5
        if s.max_drift_pct not in DRIFT_LIMITS:
            s.max_drift_pct = 3
        if s.language not in ("", "en", "ml"):
            s.language = ""
        return s

    def save(self) -> None:
        try:
            atomic_write_text(ensure(config_dir()) / "settings.json", json.dumps(asdict(self), indent=2))
        except OSError as e:    # a read-only profile must not stop the app
            log.warning("could not save settings: %s", e)
