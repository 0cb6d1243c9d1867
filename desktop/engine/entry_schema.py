"""The written schema of a directory entry (docs/SHARING.md), enforced on read.

An entry comes from a folder anyone may write to. A signature says who wrote
it, not that it is well formed: a signed entry with ``version: true``, a label
of 60 KB or figures holding lists would still verify. So every entry is checked
field by field before anything else looks at it: the exact set of keys, each
one's type and length, one spelling per key and signature (canonical base64),
and text that is valid UTF-8 (no lone surrogates). Pure; no I/O.
"""
from __future__ import annotations

import re

from .methods import names
from .names import LABEL_LIMIT, clean_label
from .messages import QT_TRANSLATE_NOOP, as_message, msg, phrase  # noqa: F401 (not every module uses each)
from .untrusted import canonical_b64, visible

ENTRY_FORMAT = "normfit.entry"
ENTRY_VERSION = 1
MAX_ADAPTER_BYTES = 64 * 1024
FIGURES = ("train_tokens", "steps", "seconds", "lr", "heldout_ppl_before", "heldout_ppl_after",
           "general_ppl_before", "general_ppl_after", "heldout_bpb_before", "heldout_bpb_after",
           "general_bpb_before", "general_bpb_after", "general_set", "max_drift", "anchor_lambda",
           "general_drift")
REQUIRED = ("format", "version", "adapter_sha256", "adapter_bytes", "base_id", "base_sha256", "method",
            "created_utc", "signed_utc", "app_version", "figures", "public_key", "signature")
OPTIONAL = ("label", "withdraws")

_HEX64 = re.compile(r"[0-9a-f]{64}")
_UTC = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._+-]{0,63}")
_FIGURE = re.compile(r"[ -~]{1,64}")       # printable ASCII: numbers, and general_set's short names


class SchemaError(ValueError):
    """str(e) is one sentence for a person; ``reason`` a short code for programs."""

    def __init__(self, sentence: str, reason: str = "damaged_entry"):
        super().__init__(sentence)
        self.reason = reason


def _bad(field: str, what: str) -> SchemaError:
    return SchemaError(msg(QT_TRANSLATE_NOOP("engine", "This entry is damaged: its '{field}' {what}."),
                           field=visible(field, 24), what=what))


def _no_surrogates(x, where: str = "") -> None:
    """Every string, key or value, must be encodable as UTF-8 (a JSON \\ud800
    escape is not): its canonical bytes could not be made, nor a screen show it."""
    if isinstance(x, str):
        try:
            x.encode("utf-8")
        except UnicodeEncodeError:
            raise SchemaError(msg(QT_TRANSLATE_NOOP("engine", "This entry is damaged: it holds text that is not "
                                                              "valid Unicode (a lone surrogate escape)."))) from None
    elif isinstance(x, dict):
        for k, v in x.items():
            _no_surrogates(k)
            _no_surrogates(v)
    elif isinstance(x, list):
        for v in x:
            _no_surrogates(v)


def _is_int(v) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _check_strings(entry: dict) -> None:
    for k, pattern, what in (("adapter_sha256", _HEX64, phrase(QT_TRANSLATE_NOOP("engine", "is not 64 lowercase "
                                                                                           "hex digits"))),
                             ("base_sha256", _HEX64, phrase(QT_TRANSLATE_NOOP("engine", "is not 64 lowercase hex "
                                                                                        "digits"))),
                             ("created_utc", _UTC, phrase(QT_TRANSLATE_NOOP("engine", "is not a time like "
                                                                                      "2026-01-31T12:00:00Z"))),
                             ("signed_utc", _UTC, phrase(QT_TRANSLATE_NOOP("engine", "is not a time like "
                                                                                     "2026-01-31T12:00:00Z"))),
                             ("base_id", _NAME, phrase(QT_TRANSLATE_NOOP("engine", "is not a base model's name"))),
                             ("app_version", _NAME, phrase(QT_TRANSLATE_NOOP("engine", "is not a version number")))):
        v = entry[k]
        if not isinstance(v, str) or not pattern.fullmatch(v):
            raise _bad(k, what)
    if entry["method"] not in names():
        raise _bad("method", phrase(QT_TRANSLATE_NOOP("engine", "is not one NormFit knows")))
    if canonical_b64(entry["public_key"], 32) is None:
        raise SchemaError(msg(QT_TRANSLATE_NOOP("engine", "This entry's public key is damaged (it is not a "
                                                          "32-byte Ed25519 key in standard base64, spelled the "
                                                          "one way base64 spells it).")))
    if canonical_b64(entry["signature"], 64) is None:
        raise SchemaError(msg(QT_TRANSLATE_NOOP("engine", "This entry's signature is damaged (it is not a 64-byte "
                                                          "Ed25519 signature in standard base64, spelled the one "
                                                          "way base64 spells it).")), "bad_signature")


def _check_figures(figures) -> None:
    if not isinstance(figures, dict):
        raise _bad("figures", phrase(QT_TRANSLATE_NOOP("engine", "is not an object of strings")))
    for k, v in figures.items():
        if k not in FIGURES:
            raise _bad("figures", msg(QT_TRANSLATE_NOOP("engine", "holds a figure NormFit does not know "
                                                                  "('{figure}')"),
                                        figure=visible(k, 24)))
        if not isinstance(v, str) or not _FIGURE.fullmatch(v):
            raise _bad("figures", msg(QT_TRANSLATE_NOOP("engine", "value '{figure}' is not a short string of printable "
                                                                "characters"), figure=visible(k, 24)))


def check_label(label) -> None:
    if not isinstance(label, str) or not label:
        raise _bad("label", phrase(QT_TRANSLATE_NOOP("engine", "is not text")))
    if len(label) > LABEL_LIMIT:
        raise _bad("label", msg(QT_TRANSLATE_NOOP("engine", "is {length} characters long; a label is at most "
                                                            "{limit}"),
                                     length=len(label), limit=LABEL_LIMIT))
    if clean_label(label) != label:
        raise _bad("label", phrase(QT_TRANSLATE_NOOP("engine", "holds control characters, line breaks or "
                                                               "invisible characters")))


def check_entry(entry) -> dict:
    """``entry`` (parsed JSON) if it is a well-formed version-1 entry or
    withdrawal; SchemaError with one sentence otherwise."""
    if not isinstance(entry, dict) or entry.get("format") != ENTRY_FORMAT:
        raise SchemaError(msg(QT_TRANSLATE_NOOP("engine", "This is not a NormFit directory entry (wrong 'format').")))
    _no_surrogates(entry)
    v = entry.get("version")
    if not _is_int(v) or v != ENTRY_VERSION:
        raise SchemaError(msg(QT_TRANSLATE_NOOP("engine", "This entry uses version '{v}', which this NormFit does "
                                                          "not know; update NormFit."), v=visible(v, 12)))
    missing = [k for k in REQUIRED if k not in entry]
    if missing:
        raise SchemaError(msg(QT_TRANSLATE_NOOP("engine", "This entry is incomplete: it lacks {missing}."),
                              missing=', '.join(missing)))
    extra = sorted(k for k in entry if k not in REQUIRED and k not in OPTIONAL)
    if extra:
        raise _bad(visible(extra[0], 24), phrase(QT_TRANSLATE_NOOP("engine", "key is not part of a version-1 entry")))
    n = entry["adapter_bytes"]
    if not _is_int(n) or not 0 < n <= MAX_ADAPTER_BYTES:
        raise _bad("adapter_bytes", msg(QT_TRANSLATE_NOOP("engine", "is not a size between 1 and {limit} bytes"),
                                             limit=MAX_ADAPTER_BYTES))
    _check_strings(entry)
    _check_figures(entry["figures"])
    if "label" in entry:
        check_label(entry["label"])
    if "withdraws" in entry and entry["withdraws"] != entry["adapter_sha256"]:
        raise SchemaError(msg(QT_TRANSLATE_NOOP("engine", "This withdrawal names two different adapters.")))
    return entry
