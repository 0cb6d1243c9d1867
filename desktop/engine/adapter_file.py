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

from .errors import UserError
from .messages import QT_TRANSLATE_NOOP, as_message, msg, phrase  # noqa: F401 (not every module uses each)
from .atomic import atomic_write  # noqa: F401 (re-exported: callers wrote adapter_file.atomic_write)

import json
import math
import re
import struct
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch

FORMAT = "normfit.adapter"
FORMAT_VERSION = "1"
MAX_NORM_FILE_BYTES = 9216        # what a norm-only file must fit in
MAX_LOAD_BYTES = 64 * 1024        # refuse anything bigger without reading it
REQUIRED_META = ("format", "format_version", "method", "base_id", "base_sha256", "created_utc",
                 "app_version", "train_tokens", "steps", "seconds", "lr", "heldout_ppl_before",
                 "heldout_ppl_after", "general_ppl_before", "general_ppl_after")
ALLOWED_META = set(REQUIRED_META) | {"label", "heldout_bpb_before", "heldout_bpb_after",
                                      "general_bpb_before", "general_bpb_after", "general_set",
                                      # the general-text guard (optional; format version stays 1)
                                      "max_drift", "anchor_lambda", "general_drift"}
_DTYPES = {"F16": (np.float16, 2), "F32": (np.float32, 4), "BF16": (None, 2)}


class AdapterFileError(UserError):
    """str(e) is one sentence for a person."""


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
    if metadata.get("method") == "norm" and len(data) > MAX_NORM_FILE_BYTES:
        raise ValueError(f"adapter would be {len(data)} bytes, over the {MAX_NORM_FILE_BYTES}-byte limit")
    atomic_write(path, data, overwrite=overwrite)
    return len(data)


_UNPRINTABLE = re.compile(r"[^\w .,:;+\-/()\[\]@#=]", re.UNICODE)


def _show(x: object, limit: int = 40) -> str:
    """A name or value from an untrusted file, safe to put in a sentence."""
    s = _UNPRINTABLE.sub("?", str(x))
    return s if len(s) <= limit else s[:limit - 3] + "..."


def _is_int(v: object) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def parse(data: bytes, expected: dict[str, tuple[int, ...]] | None = None) -> AdapterFile:
    """Validate and decode adapter bytes. `expected` maps tensor names to shapes
    (from the loaded base); without it only the structure is checked.

    Every check happens on the parsed header before any tensor is made, and
    nothing here can run code from the file: it is JSON and raw numbers."""
    not_st = "This is not a NormFit adapter file (its header is not safetensors)."
    if len(data) < 8:
        raise AdapterFileError("This is not a NormFit adapter file (it is too short to be safetensors).")
    (n,) = struct.unpack("<Q", data[:8])
    if n < 2 or n > len(data) - 8 or n > MAX_LOAD_BYTES:
        raise AdapterFileError(not_st)
    try:
        header = json.loads(bytes(data[8:8 + n]).decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):   # ValueError: bad JSON, or a 5,000-digit number
        raise AdapterFileError(not_st) from None
    if not isinstance(header, dict):
        raise AdapterFileError(not_st)
    meta = header.pop("__metadata__", None)
    if not isinstance(meta, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in meta.items()):
        raise AdapterFileError("This safetensors file is not a NormFit adapter (it has no NormFit metadata).")
    try:
        for k, v in meta.items():
            k.encode("utf-8"), v.encode("utf-8")
    except UnicodeEncodeError:     # lone surrogates from \ud800 escapes: no file or screen can show them
        raise AdapterFileError("This adapter is damaged (its description holds invalid characters).") from None
    if meta.get("format") != FORMAT:
        raise AdapterFileError("This safetensors file is not a NormFit adapter (wrong 'format').")
    if meta.get("format_version") != FORMAT_VERSION:
        raise AdapterFileError(f"This adapter uses format version '{_show(meta.get('format_version'))}', which "
                               "this version of NormFit does not know; update NormFit.")
    method = meta.get("method")
    if method not in ("norm", "lora", "full"):
        raise AdapterFileError(f"This adapter's method '{_show(method)}' is not one NormFit knows.")
    missing_meta = [k for k in REQUIRED_META if k not in meta]
    if missing_meta:
        raise AdapterFileError(f"This adapter is incomplete: its metadata lacks {', '.join(missing_meta)}.")
    body = memoryview(data)[8 + n:]
    tensors: dict[str, torch.Tensor] = {}
    spans = []
    for name, spec in header.items():
        shown = _show(name)
        if not isinstance(spec, dict) or not isinstance(spec.get("shape"), list) \
                or not isinstance(spec.get("data_offsets"), list) or len(spec["data_offsets"]) != 2:
            raise AdapterFileError(f"This adapter is damaged (tensor '{shown}' is described wrongly).")
        dtype = spec.get("dtype")
        if dtype not in ("F16", "F32"):
            raise AdapterFileError(f"This adapter is damaged (tensor '{shown}' has type '{_show(dtype, 12)}', "
                                   "not fp16).")
        shape = spec["shape"]
        start, end = spec["data_offsets"]
        if len(shape) > 4 or not all(_is_int(v) and 0 <= v < 2**31 for v in shape) \
                or not all(_is_int(v) and v >= 0 for v in (start, end)):
            raise AdapterFileError(f"This adapter is damaged (tensor '{shown}' is described wrongly).")
        np_dtype, size = _DTYPES[dtype]
        count = math.prod(shape)
        if end < start or end > len(body) or end - start != count * size:
            raise AdapterFileError(f"This adapter is damaged or cut short (tensor '{shown}' does not fit the file).")
        spans.append((start, end))
        arr = np.frombuffer(body[start:end], dtype=np_dtype).reshape(shape).astype(np.float32)
        if not np.isfinite(arr).all():
            raise AdapterFileError(f"This adapter is damaged (tensor '{shown}' holds values that are not numbers).")
        tensors[name] = torch.from_numpy(arr.copy())
    spans.sort()
    for (a0, a1), (b0, _) in zip(spans, spans[1:]):
        if b0 < a1:
            raise AdapterFileError("This adapter is damaged (its tensors overlap).")
    # Every byte after the header belongs to exactly one tensor, as safetensors
    # writes it: hidden bytes in a gap or at the end would travel unseen.
    ends = [0] + [e for _, e in spans]
    if any(s0 != prev for (s0, _), prev in zip(spans, ends)) or ends[-1] != len(body):
        raise AdapterFileError("This adapter is damaged (it holds bytes that belong to no tensor).")
    af = AdapterFile(method=method, tensors=tensors, metadata=dict(meta))
    if expected is not None:
        check_shapes(af, expected)
    return af


def check_shapes(af: AdapterFile, expected: dict[str, tuple[int, ...]]) -> None:
    tensors = af.tensors
    missing = sorted(set(expected) - set(tensors))
    extra = sorted(set(tensors) - set(expected))
    if missing:
        raise AdapterFileError(f"This adapter does not fit the base model: it lacks {missing[0]}"
                               + (f" and {len(missing) - 1} more" if len(missing) > 1 else "") + ".")
    if extra:
        raise AdapterFileError(f"This adapter does not fit the base model: it has an unknown tensor "
                               f"'{_show(extra[0])}'.")
    for k, shp in expected.items():
        if tuple(tensors[k].shape) != tuple(shp):
            raise AdapterFileError(f"This adapter does not fit the base model: {k} has shape "
                                   f"{list(tensors[k].shape)}, expected {list(shp)}.")


def read_limited(path: str | Path, limit: int = MAX_LOAD_BYTES) -> bytes:
    """The file's bytes, refusing (without reading) anything over `limit` and
    anything that is not an ordinary file (a pipe or device would never end),
    checked on the opened file itself (untrusted.read_regular)."""
    from .untrusted import UnreadableFile, read_regular
    try:
        return read_regular(path, limit, phrase(QT_TRANSLATE_NOOP("engine", "NormFit adapter")))
    except UnreadableFile as e:
        raise AdapterFileError(as_message(e)) from None


def load_adapter(path: str | Path, base_sha256: str | None = None,
                 expected_by_method: dict[str, dict[str, tuple[int, ...]]] | None = None,
                 limit: int = MAX_LOAD_BYTES) -> AdapterFile:
    """Read and validate; given the base's checksum and shapes, also check fit."""
    af = parse(read_limited(path, limit))
    if base_sha256 is not None and af.base_sha256 != base_sha256:
        raise AdapterFileError(f"This adapter was made for a different base model "
                               f"('{_show(af.base_id)}', checksum {_show(af.base_sha256[:12], 12)}...); it cannot be used with "
                               "the one NormFit has loaded.")
    if expected_by_method is not None:
        check_shapes(af, expected_by_method[af.method])
    return af
