"""Opening an adapter file against a base release, and a model with it applied:
what the facade (api.py) offers and routing needs, here so that routing does
not import the facade that imports it.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import torch

from . import adapters
from .adapter_file import MAX_LOAD_BYTES, AdapterFile, AdapterFileError, load_adapter
from .base import Base, BaseModelError, load_base, release_for
from .messages import as_message

if TYPE_CHECKING:
    from .train import TrainResult

_shapes_by_base: dict[tuple[str, int], dict[str, dict[str, tuple[int, ...]]]] = {}


def expected_shapes(base: Base) -> dict[str, dict[str, tuple[int, ...]]]:
    # Kept per base: building a model to read its shapes costs ~0.1 s, once per
    # adapter in a shared folder of many.
    key = (base.sha256, id(base.config))
    if key not in _shapes_by_base:
        m = base.fresh_model()
        shapes = {"norm": adapters.expected_shapes(m, "norm"), "full": adapters.expected_shapes(m, "full")}
        adapters.prepare(m, "lora")
        shapes["lora"] = adapters.expected_shapes(m, "lora")
        _shapes_by_base[key] = shapes
    return {k: dict(v) for k, v in _shapes_by_base[key].items()}


def _limit_for(path: str | Path, base: Base) -> int:
    limit = MAX_LOAD_BYTES
    head = Path(path)
    if head.is_file() and head.stat().st_size > limit:
        # Only LoRA/full comparison files may be larger; they still must fit this base.
        limit = 8 + MAX_LOAD_BYTES + 2 * sum(p.numel() for p in base.model.parameters())
        if head.stat().st_size > limit or not _declares_non_norm(head):
            limit = MAX_LOAD_BYTES
    return limit


def open_adapter(path: str | Path, base: Base, check_base: bool = True) -> AdapterFile:
    """Load and validate; refuses files made for another base when check_base."""
    return load_adapter(path, base.sha256 if check_base else None, expected_shapes(base),
                        limit=_limit_for(path, base))


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
    fits or None, the sentence saying why not). Malformed files still raise."""
    af = load_adapter(path, None, None, limit=_limit_for(path, current))
    try:
        return open_adapter_with_its_base(path, current) + (None,)
    except AdapterFileError as e:
        return af, None, as_message(e)


def open_adapter_with_its_base(path: str | Path, current: Base) -> tuple[AdapterFile, Base]:
    """Open an adapter with the base it names, so adapters made for an older
    release keep working after a newer one ships."""
    af = load_adapter(path, None, None, limit=_limit_for(path, current))
    base = base_named_by(af, current)
    return open_adapter(path, base), base


def _declares_non_norm(path: Path) -> bool:
    from .untrusted import read_head
    try:
        import struct
        head = read_head(path, 8 + MAX_LOAD_BYTES)    # never blocks on a pipe, never reads a device
        (n,) = struct.unpack("<Q", head[:8])
        if n > MAX_LOAD_BYTES:
            return False
        meta = json.loads(head[8:8 + n]).get("__metadata__", {})
        return meta.get("method") in ("lora", "full")
    except Exception:
        return False


def model_with(base: Base, adapter: AdapterFile | TrainResult | None, device="cpu") -> torch.nn.Module:
    model = base.fresh_model(device)
    if adapter is not None:
        adapters.apply(model, adapter.method, adapter.tensors)
    model.eval()
    return model
