"""The adapter file, format version 1 (DESIGN.md contract 2).

A safetensors file: one fp16 1-D tensor per RMSNorm gain, named as in the model
(`blocks.{i}.attn_norm`, `blocks.{i}.ffn_norm`, `final_norm`), and string
metadata saying what it is, which base it was made for and how well it did.
It holds no file names, paths, user names or document text: it is meant to be
shared.

Loading never unpickles and never trusts the header: it is parsed here, checked
against the loaded base, and only then are the bytes turned into tensors.
"""
from __future__ import annotations

import math
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch

from . import methods
from .adapter_header import (FORMAT, FORMAT_VERSION, MAX_LOAD_BYTES, REQUIRED_META,  # noqa: F401 (re-exported)
                             AdapterFileError, Header, _show, peek_header, read_header)  # noqa: F401
from .atomic import atomic_write  # noqa: F401 (re-exported: callers wrote adapter_file.atomic_write)
from .messages import QT_TRANSLATE_NOOP, as_message, msg, phrase

MAX_NORM_FILE_BYTES = 9216        # what a norm-only file must fit in
ALLOWED_META = set(REQUIRED_META) | {"label", "heldout_bpb_before", "heldout_bpb_after",
                                      "general_bpb_before", "general_bpb_after", "general_set",
                                      # the general-text guard (optional; format version stays 1)
                                      "max_drift", "anchor_lambda", "general_drift"}
_DTYPES = {"F16": (np.float16, 2), "F32": (np.float32, 4), "BF16": (None, 2)}


@dataclass
class AdapterFile:
    method: str
    tensors: dict[str, torch.Tensor]     # float32
    metadata: dict[str, str]

    @property
    def base_id(self) -> str:
        return self.metadata.get("base_id", "")

    @property
    def base_sha256(self) -> str:
        return self.metadata.get("base_sha256", "")


def utc_now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def _fmt(x) -> str:
    if isinstance(x, float):
        return f"{x:.6g}"
    return str(x)


def to_bytes(tensors: dict[str, torch.Tensor], metadata: dict[str, object]) -> bytes:
    from safetensors.torch import save

    meta = {k: _fmt(v) for k, v in metadata.items() if v is not None}
    unknown = set(meta) - ALLOWED_META
    if unknown:
        raise ValueError(f"metadata keys not in format 1: {sorted(unknown)}")
    meta.setdefault("format", FORMAT)
    meta.setdefault("format_version", FORMAT_VERSION)
    t16 = {k: v.detach().to("cpu", torch.float16).contiguous() for k, v in tensors.items()}
    return save(t16, metadata=meta)


def save_adapter(path: str | Path, tensors: dict[str, torch.Tensor], metadata: dict[str, object],
                 overwrite: bool = False) -> int:
    """Write atomically; returns the file size. Raises FileExistsError unless overwrite."""
    path = Path(path)
    if path.exists() and not overwrite:
        raise FileExistsError(f"{path} already exists.")
    data = to_bytes(tensors, metadata)
    spec = methods.spec(str(metadata.get("method")))
    if spec is not None and spec.shareable and len(data) > MAX_NORM_FILE_BYTES:     # the shared kind stays small
        raise ValueError(f"adapter would be {len(data)} bytes, over the {MAX_NORM_FILE_BYTES}-byte limit")
    atomic_write(path, data, overwrite=overwrite)
    return len(data)


def _is_int(v: object) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def parse(data: bytes, expected: dict[str, tuple[int, ...]] | None = None) -> AdapterFile:
    """Validate and decode adapter bytes. `expected` maps tensor names to shapes
    (from the loaded base); without it only the structure is checked.

    Every check happens on the parsed header before any tensor is made."""
    h = read_header(data)
    n, meta, header, method = h.length, h.metadata, h.specs, h.method
    body = memoryview(data)[8 + n:]
    tensors: dict[str, torch.Tensor] = {}
    spans = []
    for name, spec in header.items():
        shown = _show(name)
        if not isinstance(spec, dict) or not isinstance(spec.get("shape"), list) \
                or not isinstance(spec.get("data_offsets"), list) or len(spec["data_offsets"]) != 2:
            raise AdapterFileError(msg(QT_TRANSLATE_NOOP("engine", "This adapter is damaged (tensor '{shown}' is "
                                                                   "described wrongly)."), shown=shown))
        dtype = spec.get("dtype")
        if dtype not in ("F16", "F32"):
            raise AdapterFileError(msg(QT_TRANSLATE_NOOP("engine", "This adapter is damaged (tensor '{shown}' has "
                                                                   "type '{dtype}', not fp16)."),
                                       shown=shown, dtype=_show(dtype, 12)))
        shape = spec["shape"]
        start, end = spec["data_offsets"]
        if len(shape) > 4 or not all(_is_int(v) and 0 <= v < 2**31 for v in shape) \
                or not all(_is_int(v) and v >= 0 for v in (start, end)):
            raise AdapterFileError(msg(QT_TRANSLATE_NOOP("engine", "This adapter is damaged (tensor '{shown}' is "
                                                                   "described wrongly)."), shown=shown))
        np_dtype, size = _DTYPES[dtype]
        count = math.prod(shape)
        if end < start or end > len(body) or end - start != count * size:
            raise AdapterFileError(msg(QT_TRANSLATE_NOOP("engine", "This adapter is damaged or cut short (tensor "
                                                                   "'{shown}' does not fit the file)."),
                                       shown=shown))
        spans.append((start, end))
        arr = np.frombuffer(body[start:end], dtype=np_dtype).reshape(shape).astype(np.float32)
        if not np.isfinite(arr).all():
            raise AdapterFileError(msg(QT_TRANSLATE_NOOP("engine", "This adapter is damaged (tensor '{shown}' "
                                                                   "holds values that are not numbers)."),
                                       shown=shown))
        tensors[name] = torch.from_numpy(arr.copy())
    spans.sort()
    for (a0, a1), (b0, _) in zip(spans, spans[1:]):
        if b0 < a1:
            raise AdapterFileError(msg(QT_TRANSLATE_NOOP("engine", "This adapter is damaged (its tensors overlap).")))
    # Every byte after the header belongs to exactly one tensor, as safetensors
    # writes it: hidden bytes in a gap or at the end would travel unseen.
    ends = [0] + [e for _, e in spans]
    if any(s0 != prev for (s0, _), prev in zip(spans, ends)) or ends[-1] != len(body):
        raise AdapterFileError(msg(QT_TRANSLATE_NOOP("engine", "This adapter is damaged (it holds bytes that "
                                                               "belong to no tensor).")))
    af = AdapterFile(method=method, tensors=tensors, metadata=dict(meta))
    if expected is not None:
        check_shapes(af, expected)
    return af


def check_shapes(af: AdapterFile, expected: dict[str, tuple[int, ...]]) -> None:
    tensors = af.tensors
    missing = sorted(set(expected) - set(tensors))
    extra = sorted(set(tensors) - set(expected))
    if missing:
        if len(missing) > 1:
            raise AdapterFileError(msg(QT_TRANSLATE_NOOP("engine", "This adapter does not fit the base model: it "
                                                                   "lacks {tensor} and {more} more."),
                                       tensor=missing[0], more=len(missing) - 1))
        raise AdapterFileError(msg(QT_TRANSLATE_NOOP("engine", "This adapter does not fit the base model: it lacks "
                                                               "{tensor}."), tensor=missing[0]))
    if extra:
        raise AdapterFileError(msg(QT_TRANSLATE_NOOP("engine", "This adapter does not fit the base model: it has "
                                                               "an unknown tensor '{tensor}'."),
                                   tensor=_show(extra[0])))
    for k, shp in expected.items():
        if tuple(tensors[k].shape) != tuple(shp):
            raise AdapterFileError(msg(QT_TRANSLATE_NOOP("engine", "This adapter does not fit the base model: "
                                                                   "{tensor} has shape {shape}, expected {expected}."),
                                       tensor=k, shape=list(tensors[k].shape), expected=list(shp)))


def read_limited(path: str | Path, limit: int = MAX_LOAD_BYTES) -> bytes:
    """The file's bytes, refusing (without reading) anything over `limit` and
    anything that is not an ordinary file (a pipe or device would never end),
    checked on the opened file itself (untrusted.read_regular)."""
    from .untrusted import UnreadableFile, read_regular
    try:
        return read_regular(path, limit, phrase(QT_TRANSLATE_NOOP("engine", "NormFit adapter")))
    except UnreadableFile as e:
        raise AdapterFileError(as_message(e)) from None


def check_fit(af: AdapterFile, base_sha256: str | None = None,
              expected_by_method: dict[str, dict[str, tuple[int, ...]]] | None = None) -> AdapterFile:
    """Given the base's checksum and shapes, check that the adapter fits it."""
    if base_sha256 is not None and af.base_sha256 != base_sha256:
        raise AdapterFileError(msg(QT_TRANSLATE_NOOP("engine", "This adapter was made for a different base model "
                                                               "('{base_id}', checksum {checksum}...); it cannot "
                                                               "be used with the one NormFit has loaded."),
                                   base_id=_show(af.base_id), checksum=_show(af.base_sha256[:12], 12)))
    if expected_by_method is not None:
        check_shapes(af, expected_by_method[af.method])
    return af


def load_adapter(path: str | Path, base_sha256: str | None = None,
                 expected_by_method: dict[str, dict[str, tuple[int, ...]]] | None = None,
                 limit: int = MAX_LOAD_BYTES) -> AdapterFile:
    """Read and validate; given the base's checksum and shapes, also check fit."""
    return check_fit(parse(read_limited(path, limit)), base_sha256, expected_by_method)
