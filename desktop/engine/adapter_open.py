"""Opening an adapter file against a base release, and a model with it applied:
what the facade (api.py) offers and routing needs, here so that routing does
not import the facade that imports it. Each file is read and parsed once; the
shapes it must have come from each registered method and the base's config,
without building a model.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import torch

from . import adapters
from .adapter_file import MAX_LOAD_BYTES, AdapterFile, AdapterFileError, check_fit, load_adapter, peek_header
from .base import Base, BaseModelError, load_base, release_for
from .messages import as_message

if TYPE_CHECKING:
    from .train import TrainResult


def expected_shapes(base: Base) -> dict[str, dict[str, tuple[int, ...]]]:
    """Each method's tensor names and shapes for this base, from its config (no model is built)."""
    return {name: m.shapes(base.config) for name, m in adapters.REGISTRY.items()}


def _read(path: str | Path, base: Base) -> AdapterFile:
    """An adapter file read and parsed once (its fit to a base not yet checked).
    Up to 64 KB is read; a bigger file only when its header says it holds a
    method whose files may be that big for this base (LoRA, full), and no bigger."""
    limit = MAX_LOAD_BYTES
    p = Path(path)
    if p.is_file() and p.stat().st_size > limit:
        head = peek_header(p)
        if head is not None and head.method in adapters.REGISTRY:
            big = adapters.REGISTRY[head.method].max_file_bytes(base.config)
            limit = big if p.stat().st_size <= big else limit
    return load_adapter(p, limit=limit)


def _fit(af: AdapterFile, base: Base, check_base: bool = True) -> AdapterFile:
    return check_fit(af, base.sha256 if check_base else None, expected_shapes(base))


def open_adapter(path: str | Path, base: Base, check_base: bool = True) -> AdapterFile:
    """Load and validate; refuses files made for another base when check_base."""
    return _fit(_read(path, base), base, check_base)


_bases_by_sha: dict[str, Base] = {}


def base_named_by(af: AdapterFile, current: Base) -> Base:
    """The shipped base release an adapter was made for (the current one when it
    matches); AdapterFileError naming the base when this copy does not ship it."""
    if af.base_sha256 == current.sha256:
        return current
    if af.base_sha256 not in _bases_by_sha:
        try:
            # Releases ship side by side: look among the current one's siblings.
            rel = release_for(af.base_sha256, af.base_id, root=current.folder.parent)
        except BaseModelError as e:
            raise AdapterFileError(as_message(e)) from None
        _bases_by_sha[af.base_sha256] = load_base(rel.folder)
    return _bases_by_sha[af.base_sha256]


def inspect_adapter(path: str | Path, current: Base) -> tuple[AdapterFile, Base | None, str | None]:
    """Read any well-formed adapter file, usable or not: (file, the shipped base it
    fits or None, the sentence saying why not). Malformed files still raise.
    The file is read once."""
    af = _read(path, current)
    try:
        base = base_named_by(af, current)
        return _fit(af, base), base, None
    except AdapterFileError as e:
        return af, None, as_message(e)


def open_adapter_with_its_base(path: str | Path, current: Base) -> tuple[AdapterFile, Base]:
    """Open an adapter with the base it names, so adapters made for an older
    release keep working after a newer one ships."""
    af = _read(path, current)
    base = base_named_by(af, current)
    return _fit(af, base), base


def model_with(base: Base, adapter: AdapterFile | TrainResult | None, device="cpu") -> torch.nn.Module:
    model = base.fresh_model(device)
    if adapter is not None:
        adapters.apply(model, adapter.method, adapter.tensors)
    model.eval()
    return model
