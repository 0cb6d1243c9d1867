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

from .adapter_header import (FORMAT, FORMAT_VERSION, MAX_LOAD_BYTES, REQUIRED_META,  # noqa: F401 (re-exported)
                             AdapterFileError, Header, _show, peek_header, read_header)

import math
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch

from . import methods

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


def _tmp_prefix(path: Path) -> str:
    return f".{path.name}."


def _sweep_stale_temps(path: Path) -> None:
    """Remove temporary files that a killed NormFit left next to `path` (their
    names carry the writer's process id; a live writer's file is kept)."""
    if os.name != "posix":
        return
    try:
        names = os.listdir(path.parent)
    except OSError:
        return
    prefix = _tmp_prefix(path)
    for name in names:
        if not (name.startswith(prefix) and name.endswith(".tmp")):
            continue
        pid = name[len(prefix):].split(".", 1)[0]
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            os.kill(int(pid), 0)
            continue                       # that writer is still running
        except ProcessLookupError:
            pass
        except OSError:
            continue
        try:
            os.unlink(path.parent / name)
        except OSError:
            pass


def atomic_write(path: str | Path, data: bytes, overwrite: bool = True, mode: int | None = None) -> None:
    """Write to a temporary file in the same folder, fsync, then rename over the
    target: a reader sees the old file or the new one, never half of either, and
    a process killed at any point leaves the target as it was.

    With overwrite=False an existing target is never replaced, even if it
    appears while we write (FileExistsError). ``mode`` (POSIX) is set on the
    temporary file before the first byte: 0o600 for a private key (failing if
    it cannot be set), 0o644 for a file meant to be shared (FAT sticks refuse
    chmod, and their files are readable by all anyway)."""
    path = Path(path)
    _sweep_stale_temps(path)
    fd, tmp = tempfile.mkstemp(prefix=f"{_tmp_prefix(path)}{os.getpid()}.", suffix=".tmp", dir=path.parent)
    try:
        if mode is not None and os.name == "posix":
            try:
                os.fchmod(fd, mode)
            except OSError:
                if not mode & 0o077:      # a private file that cannot be made private: stop
                    raise
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if overwrite:
            os.replace(tmp, path)
        else:
            _place_new(tmp, path)
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


def _place_new(tmp: str, path: Path) -> None:
    """Move tmp to path only if path does not exist, atomically where the file
    system has hard links (a link fails if the name is taken)."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise FileExistsError(f"{path} already exists.") from None
    except OSError:      # no hard links here (e.g. FAT USB sticks): check, then rename
        if path.exists():
            raise FileExistsError(f"{path} already exists.") from None
        os.replace(tmp, path)
        return
    os.unlink(tmp)


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
        return read_regular(path, limit, "NormFit adapter")
    except UnreadableFile as e:
        raise AdapterFileError(str(e)) from None


def check_fit(af: AdapterFile, base_sha256: str | None = None,
              expected_by_method: dict[str, dict[str, tuple[int, ...]]] | None = None) -> AdapterFile:
    """Given the base's checksum and shapes, check that the adapter fits it."""
    if base_sha256 is not None and af.base_sha256 != base_sha256:
        raise AdapterFileError(f"This adapter was made for a different base model "
                               f"('{_show(af.base_id)}', checksum {_show(af.base_sha256[:12], 12)}...); it cannot be used with "
                               "the one NormFit has loaded.")
    if expected_by_method is not None:
        check_shapes(af, expected_by_method[af.method])
    return af


def load_adapter(path: str | Path, base_sha256: str | None = None,
                 expected_by_method: dict[str, dict[str, tuple[int, ...]]] | None = None,
                 limit: int = MAX_LOAD_BYTES) -> AdapterFile:
    """Read and validate; given the base's checksum and shapes, also check fit."""
    return check_fit(parse(read_limited(path, limit)), base_sha256, expected_by_method)
