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

import json
import os
import struct
import tempfile
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
                                      "general_bpb_before", "general_bpb_after", "general_set"}
_DTYPES = {"F16": (np.float16, 2), "F32": (np.float32, 4), "BF16": (None, 2)}


class AdapterFileError(Exception):
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


def atomic_write(path: str | Path, data: bytes) -> None:
    """Write to a temporary file in the same folder, fsync, then rename over the
    target: a reader sees the old file or the new one, never half of either."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    try:  # make the rename itself durable
        dfd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
    except OSError:
        pass


def save_adapter(path: str | Path, tensors: dict[str, torch.Tensor], metadata: dict[str, object],
                 overwrite: bool = False) -> int:
    """Write atomically; returns the file size. Raises FileExistsError unless overwrite."""
    path = Path(path)
    if path.exists() and not overwrite:
        raise FileExistsError(f"{path} already exists.")
    data = to_bytes(tensors, metadata)
    if metadata.get("method") == "norm" and len(data) > MAX_NORM_FILE_BYTES:
        raise ValueError(f"adapter would be {len(data)} bytes, over the {MAX_NORM_FILE_BYTES}-byte limit")
    atomic_write(path, data)
    return len(data)


def parse(data: bytes, expected: dict[str, tuple[int, ...]] | None = None) -> AdapterFile:
    """Validate and decode adapter bytes. `expected` maps tensor names to shapes
    (from the loaded base); without it only the structure is checked."""
    if len(data) < 8:
        raise AdapterFileError("This is not a NormFit adapter file (it is too short to be safetensors).")
    (n,) = struct.unpack("<Q", data[:8])
    if n < 2 or n > len(data) - 8 or n > MAX_LOAD_BYTES:
        raise AdapterFileError("This is not a NormFit adapter file (its header is not safetensors).")
    try:
        header = json.loads(data[8:8 + n].decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise AdapterFileError("This is not a NormFit adapter file (its header is not safetensors).") from None
    if not isinstance(header, dict):
        raise AdapterFileError("This is not a NormFit adapter file (its header is not safetensors).")
    meta = header.pop("__metadata__", None)
    if not isinstance(meta, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in meta.items()):
        raise AdapterFileError("This safetensors file is not a NormFit adapter (it has no NormFit metadata).")
    if meta.get("format") != FORMAT:
        raise AdapterFileError("This safetensors file is not a NormFit adapter (wrong 'format').")
    if meta.get("format_version") != FORMAT_VERSION:
        raise AdapterFileError(f"This adapter uses format version {meta.get('format_version')!r}, which this "
                               f"version of NormFit does not know; update NormFit.")
    method = meta.get("method")
    if method not in ("norm", "lora", "full"):
        raise AdapterFileError(f"This adapter's method {method!r} is not one NormFit knows.")
    missing_meta = [k for k in REQUIRED_META if k not in meta]
    if missing_meta:
        raise AdapterFileError(f"This adapter is incomplete: its metadata lacks {', '.join(missing_meta)}.")
    body = memoryview(data)[8 + n:]
    tensors: dict[str, torch.Tensor] = {}
    spans = []
    for name, spec in header.items():
        if not isinstance(spec, dict) or not isinstance(spec.get("shape"), list) \
                or not isinstance(spec.get("data_offsets"), list) or len(spec["data_offsets"]) != 2:
            raise AdapterFileError(f"This adapter is damaged (tensor '{name}' is described wrongly).")
        dtype = spec.get("dtype")
        if dtype not in ("F16", "F32"):
            raise AdapterFileError(f"This adapter is damaged (tensor '{name}' has type {dtype!r}, not fp16).")
        shape = spec["shape"]
        start, end = spec["data_offsets"]
        if not all(isinstance(v, int) and v >= 0 for v in [*shape, start, end]) or len(shape) > 4:
            raise AdapterFileError(f"This adapter is damaged (tensor '{name}' is described wrongly).")
        np_dtype, size = _DTYPES[dtype]
        count = int(np.prod(shape)) if shape else 1
        if end < start or end > len(body) or end - start != count * size:
            raise AdapterFileError(f"This adapter is damaged or cut short (tensor '{name}' does not fit the file).")
        spans.append((start, end))
        arr = np.frombuffer(body[start:end], dtype=np_dtype).reshape(shape).astype(np.float32)
        if not np.isfinite(arr).all():
            raise AdapterFileError(f"This adapter is damaged (tensor '{name}' holds values that are not numbers).")
        tensors[name] = torch.from_numpy(arr.copy())
    spans.sort()
    for (a0, a1), (b0, _) in zip(spans, spans[1:]):
        if b0 < a1:
            raise AdapterFileError("This adapter is damaged (its tensors overlap).")
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
        raise AdapterFileError(f"This adapter does not fit the base model: it has an unknown tensor {extra[0]}.")
    for k, shp in expected.items():
        if tuple(tensors[k].shape) != tuple(shp):
            raise AdapterFileError(f"This adapter does not fit the base model: {k} has shape "
                                   f"{list(tensors[k].shape)}, expected {list(shp)}.")


def read_limited(path: str | Path, limit: int = MAX_LOAD_BYTES) -> bytes:
    p = Path(path)
    if not p.exists():
        raise AdapterFileError(f"There is no file at {p}.")
    if p.is_dir():
        raise AdapterFileError(f"{p} is a folder, not an adapter file.")
    size = p.stat().st_size
    if size > limit:
        raise AdapterFileError(f"This file is {size:,} bytes; a NormFit adapter is at most {limit:,} bytes, "
                               "so it is not one.")
    try:
        return p.read_bytes()
    except OSError as e:
        raise AdapterFileError(f"The file cannot be read ({e.strerror or e}).") from None


def load_adapter(path: str | Path, base_sha256: str | None = None,
                 expected_by_method: dict[str, dict[str, tuple[int, ...]]] | None = None,
                 limit: int = MAX_LOAD_BYTES) -> AdapterFile:
    """Read and validate; given the base's checksum and shapes, also check fit."""
    af = parse(read_limited(path, limit))
    if base_sha256 is not None and af.base_sha256 != base_sha256:
        raise AdapterFileError(f"This adapter was made for a different base model "
                               f"('{af.base_id}', checksum {af.base_sha256[:12]}...); it cannot be used with "
                               "the one NormFit has loaded.")
    if expected_by_method is not None:
        check_shapes(af, expected_by_method[af.method])
    return af
