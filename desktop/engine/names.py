"""A person's name or nickname as an adapter's label and as a file name.

On a shared lab PC students type their names (often in Malayalam) before
training; the name becomes the adapter's `label` and its default file name.
A name is never used raw as a path: `/`, `..`, control characters, names
Windows reserves, invisible direction overrides and very long names would
escape the folder, fail to save, or spoof an extension. Pure functions, no I/O.
"""
from __future__ import annotations

import re
import unicodedata

LABEL_LIMIT = 60          # characters; the label travels in every copy of the adapter's header
STEM_LIMIT_BYTES = 120    # of UTF-8: a Malayalam letter takes 3, and file systems allow 255 in all
FALLBACK = "adapter"

# Zero-width joiner / non-joiner shape Malayalam letters (chillu forms) and must stay.
_KEEP_FORMAT = {"\u200c", "\u200d"}
# Not allowed in file names on Windows, macOS or Linux, or unsafe in a shell.
_FORBIDDEN = set('/\\:*?"<>|') | {"\x00"}
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$", re.IGNORECASE)


def _visible(text: str) -> str:
    """NFC, with control characters and invisible format characters (e.g. the
    right-to-left override that makes 'gpj.exe' look like 'exe.jpg') removed."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Cs", "Co", "Cn") or (cat == "Cf" and ch not in _KEEP_FORMAT):
            if cat == "Cc" and ch in "\t\n\r\v\f":
                out.append(" ")
            continue
        out.append(ch)
    return "".join(out)


def clean_label(name: str | None) -> str | None:
    """What is stored as the adapter's `label`: the name as typed, trimmed, on
    one line, at most LABEL_LIMIT characters; None when nothing is left."""
    if not name:
        return None
    text = " ".join(_visible(name).split())
    text = _cut(text, lambda t: len(t) <= LABEL_LIMIT).strip()
    return text or None


def label_too_long(name: str | None) -> str | None:
    """One sentence if ``name`` is longer than a label may be (after the
    cleaning above), else None. Typed labels are refused rather than cut, so a
    person sees the name others will see; the window's field cannot hold more."""
    if not name:
        return None
    n = len(" ".join(_visible(name).split()))
    if n <= LABEL_LIMIT:
        return None
    from .messages import QT_TRANSLATE_NOOP, msg
    return msg(QT_TRANSLATE_NOOP("engine", "The label is {length} characters long; a label is at most {limit} "
                                           "characters (a name or nickname)."), length=n, limit=LABEL_LIMIT)


def _boundary(text: str, i: int) -> bool:
    """Whether a cut before text[i] keeps every letter whole: not before a vowel
    sign or joiner, not after a virama (which joins the next consonant) or joiner."""
    if i >= len(text) or i == 0:
        return True
    nxt, prev = text[i], text[i - 1]
    if unicodedata.category(nxt) in ("Mn", "Mc", "Me") or nxt in _KEEP_FORMAT:
        return False
    return unicodedata.combining(prev) != 9 and prev not in _KEEP_FORMAT


def _cut(text: str, fits) -> str:
    """The longest start of `text` that fits and ends between whole letters."""
    if fits(text):
        return text
    i = len(text) - 1
    while i > 0 and not (fits(text[:i]) and _boundary(text, i)):
        i -= 1
    return text[:i]


def safe_file_stem(name: str | None, fallback: str = FALLBACK) -> str:
    """A readable file name (without extension) made from any name: letters of
    any script kept, spaces turned into '-', path characters and leading dots
    removed, at most STEM_LIMIT_BYTES of UTF-8 cut at a letter boundary, never
    empty, never '.' or '..', never a name Windows reserves."""
    text = _visible(name or "")
    text = "".join("-" if ch in _FORBIDDEN or ch.isspace() else ch for ch in text)
    text = re.sub(r"-{2,}", "-", text)
    # Leading dots hide a file (and '..' climbs a folder); trailing dots and
    # spaces are dropped by Windows, which would change the name under us.
    text = text.strip("-. ")
    text = _cut(text, lambda t: len(t.encode("utf-8")) <= STEM_LIMIT_BYTES).rstrip("-. ")
    if not text or set(text) <= {"."}:
        return fallback
    if _RESERVED.match(text):
        text = f"{text}-"
    return text


def unique_name(stem: str, suffix: str, taken) -> str:
    """stem + suffix, or stem-2 + suffix, ... : the first that `taken(name)` says is free."""
    name, k = f"{stem}{suffix}", 2
    while taken(name):
        name, k = f"{stem}-{k}{suffix}", k + 1
    return name
