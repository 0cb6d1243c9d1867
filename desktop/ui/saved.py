"""The adapters saved in the user's folder, grouped by the name each one
carries (its `label`), so students sharing a lab PC find their own.

Reads only each file's small JSON header (no PyTorch): the list is filled
when the window opens, before the engine has loaded.
"""
from __future__ import annotations

import json
import struct
from dataclasses import dataclass, field
from pathlib import Path

HEADER_LIMIT = 64 * 1024      # an adapter's whole file is at most this (contract 2)


@dataclass(frozen=True)
class Saved:
    path: Path
    size: int
    mtime: float
    label: str            # "" when the adapter has no name


@dataclass
class Group:
    label: str            # "" for adapters without a name
    items: list[Saved] = field(default_factory=list)


def read_label(path: Path) -> str | None:
    """The adapter's `label`, "" when it has none, None when the file is not a
    NormFit adapter (such files are not listed)."""
    try:
        with path.open("rb") as f:
            head = f.read(8)
            if len(head) < 8:
                return None
            (n,) = struct.unpack("<Q", head)
            if n > HEADER_LIMIT:
                return None
            meta = json.loads(f.read(n).decode("utf-8")).get("__metadata__") or {}
    except (OSError, ValueError, AttributeError):
        return None
    if not isinstance(meta, dict) or meta.get("format") != "normfit.adapter":
        return None
    label = meta.get("label", "")
    return " ".join(label.split()) if isinstance(label, str) else ""


def scan(folder: Path, sort_key=str.casefold) -> list[Group]:
    """Groups by name (sorted by `sort_key`, e.g. a locale's collation), newest
    file first in each; the group without a name last."""
    groups: dict[str, Group] = {}
    try:
        files = list(folder.glob("*.safetensors")) if folder.is_dir() else []
    except OSError:
        files = []
    for p in files:
        label = read_label(p)
        try:
            st = p.stat()
        except OSError:
            continue
        if label is None:
            continue
        groups.setdefault(label, Group(label)).items.append(Saved(p, st.st_size, st.st_mtime, label))
    for g in groups.values():
        g.items.sort(key=lambda s: s.mtime, reverse=True)
    named = sorted((g for g in groups.values() if g.label), key=lambda g: sort_key(g.label))
    return named + ([groups[""]] if "" in groups else [])
