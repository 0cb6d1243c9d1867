"""The adapters saved in the user's folder, grouped by the name each one
carries (its `label`), so students sharing a lab PC find their own.

Reads only each file's small JSON header (no PyTorch): the list is filled
when the window opens, before the engine has loaded.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..engine.adapter_header import FORMAT, peek_metadata


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
    NormFit adapter (such files are not listed). The header is read by the
    engine's one reader (adapter_header, torch-free)."""
    meta = peek_metadata(path)
    if meta is None or meta.get("format") != FORMAT:
        return None
    label = meta.get("label", "")
    return " ".join(label.split())


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
