"""An adapter file's header, read once, by one reader (torch-free, so the
window can list saved adapters before the engine loads; adapter_file.parse
decodes the tensors after it).

The header is JSON after an 8-byte length (safetensors). It is never trusted:
every check here is on plain JSON and numbers, and nothing in it can run code.
"""
from __future__ import annotations

import json
import re
import struct
from dataclasses import dataclass
from pathlib import Path

from .errors import UserError
from .messages import QT_TRANSLATE_NOOP, msg
from .methods import names
from .untrusted import UnreadableFile, read_head

FORMAT = "normfit.adapter"
FORMAT_VERSION = "1"
MAX_LOAD_BYTES = 64 * 1024        # refuse anything bigger without reading it
REQUIRED_META = ("format", "format_version", "method", "base_id", "base_sha256", "created_utc",
                 "app_version", "train_tokens", "steps", "seconds", "lr", "heldout_ppl_before",
                 "heldout_ppl_after", "general_ppl_before", "general_ppl_after")


class AdapterFileError(UserError):
    """str(e) is one sentence for a person."""


_UNPRINTABLE = re.compile(r"[^\w .,:;+\-/()\[\]@#=]", re.UNICODE)


def _show(x: object, limit: int = 40) -> str:
    """A name or value from an untrusted file, safe to put in a sentence."""
    s = _UNPRINTABLE.sub("?", str(x))
    return s if len(s) <= limit else s[:limit - 3] + "..."


@dataclass(frozen=True)
class Header:
    """An adapter file's header, parsed and checked once: what it says it is
    (metadata) and where each tensor lies (unchecked specs, checked by parse)."""
    length: int                       # bytes of JSON after the 8-byte length
    metadata: dict[str, str]
    specs: dict[str, object]

    @property
    def method(self) -> str:
        return self.metadata["method"]


def _split(data: bytes) -> tuple[int, dict[str, str], dict]:
    """Any safetensors header's length, string metadata and tensor specs (the
    tensors' bytes need not follow: the first 8 + MAX_LOAD_BYTES bytes of a
    file are enough). Nothing here can run code from the file: it is JSON."""
    not_st = msg(QT_TRANSLATE_NOOP("engine", "This is not a NormFit adapter file (its header is not safetensors)."))
    if len(data) < 8:
        raise AdapterFileError(msg(QT_TRANSLATE_NOOP("engine", "This is not a NormFit adapter file (it is too "
                                                               "short to be safetensors).")))
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
        raise AdapterFileError(msg(QT_TRANSLATE_NOOP("engine", "This safetensors file is not a NormFit adapter "
                                                               "(it has no NormFit metadata).")))
    try:
        for k, v in meta.items():
            k.encode("utf-8"), v.encode("utf-8")
    except UnicodeEncodeError:     # lone surrogates from \ud800 escapes: no file or screen can show them
        raise AdapterFileError(msg(QT_TRANSLATE_NOOP("engine", "This adapter is damaged (its description holds "
                                                               "invalid characters)."))) from None
    return n, meta, header


def read_header(data: bytes) -> Header:
    """The header of NormFit adapter bytes, every check on it done (the tensors
    themselves are checked by adapter_file.parse)."""
    n, meta, header = _split(data)
    if meta.get("format") != FORMAT:
        raise AdapterFileError(msg(QT_TRANSLATE_NOOP("engine", "This safetensors file is not a NormFit adapter "
                                                               "(wrong 'format').")))
    if meta.get("format_version") != FORMAT_VERSION:
        raise AdapterFileError(msg(QT_TRANSLATE_NOOP("engine", "This adapter uses format version '{version}', which "
                                                               "this version of NormFit does not know; update "
                                                               "NormFit."),
                                   version=_show(meta.get('format_version'))))
    method = meta.get("method")
    if method not in names():
        raise AdapterFileError(msg(QT_TRANSLATE_NOOP("engine", "This adapter's method '{method}' is not one "
                                                               "NormFit knows."), method=_show(method)))
    missing_meta = [k for k in REQUIRED_META if k not in meta]
    if missing_meta:
        raise AdapterFileError(msg(QT_TRANSLATE_NOOP("engine", "This adapter is incomplete: its metadata lacks "
                                                               "{missing_meta}."),
                                   missing_meta=', '.join(missing_meta)))
    return Header(n, dict(meta), header)


def peek_header(path: str | Path) -> Header | None:
    """The header of a file of any size, from its first bytes only (None when
    it has no adapter header): which method a big file says it holds."""
    try:
        return read_header(read_head(path, 8 + MAX_LOAD_BYTES))    # never blocks on a pipe, never reads a device
    except (AdapterFileError, UnreadableFile):
        return None


def peek_metadata(path: str | Path) -> dict[str, str] | None:
    """Any safetensors file's string metadata from its first bytes, unchecked
    beyond its structure (None when it has none): the window lists saved files
    by it, and an incomplete one is told why when opened."""
    try:
        return _split(read_head(path, 8 + MAX_LOAD_BYTES))[1]
    except (AdapterFileError, UnreadableFile):
        return None
