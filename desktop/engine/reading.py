"""What every reader shares: the refusal error and the sentences several
readers use, the suffix registry readers add themselves to, size limits,
bounded reading of a file's bytes and joining paragraphs.

documents.py (which collects files) and the format readers in readers/ both
build on this; it imports neither, so the two never import each other.
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Callable, Iterable

from .errors import UserError
from .messages import QT_TRANSLATE_NOOP, msg, phrase

MAX_FILE_BYTES = 50 * 1024 * 1024        # one file
MAX_TOTAL_CHARS = 200 * 1024 * 1024      # a whole selection
MAX_UNPACKED_BYTES = 256 * 1024 * 1024   # what a zipped document (docx, odt, epub) may unpack to


class DocumentError(UserError):
    """A file could not be used; str(e) is one sentence for the person."""


EMPTY = msg(QT_TRANSLATE_NOOP("engine", "This file is empty, so there is nothing to learn from."))
NO_TEXT = msg(QT_TRANSLATE_NOOP("engine", "This document has no text in it, so there is nothing to learn from."))
PASSWORD = msg(QT_TRANSLATE_NOOP("engine", "This file is protected by a password, so NormFit cannot open it; "
                                           "save a copy without the password and add that instead."))
NOT_TEXT = QT_TRANSLATE_NOOP("engine", "This file is not text (it holds binary data, such as a picture or a program) "
                                       "even though its name ends in {suffix}, so NormFit cannot read it.")
A_TEXT_ENDING = phrase(QT_TRANSLATE_NOOP("engine", "a text ending"))


def damaged(noun: str) -> str:
    return msg(QT_TRANSLATE_NOOP("engine", "This {noun} is damaged or incomplete, so NormFit cannot read it; "
                                           "open it in the program that made it and save it again."), noun=noun)


# Types people often try that NormFit does not read, with what to do instead.
_KINDLE = QT_TRANSLATE_NOOP("engine", "NormFit cannot read Kindle e-books ({suffix}); convert it to EPUB and add that "
                                      "instead.")
UNSUPPORTED_HINTS = {
    ".doc": QT_TRANSLATE_NOOP("engine", "NormFit cannot read old Word files (.doc); open it in Word or "
                                        "LibreOffice, save it as .docx and add that instead."),
    ".wpd": QT_TRANSLATE_NOOP("engine", "NormFit cannot read WordPerfect files; save it as .docx or .odt and "
                                        "add that instead."),
    ".pages": QT_TRANSLATE_NOOP("engine", "NormFit cannot read Pages files; export it as a Word document or PDF "
                                          "and add that instead."),
    ".mobi": _KINDLE, ".azw": _KINDLE, ".azw3": _KINDLE,
}


def unsupported(suffix: str) -> str:
    if suffix in UNSUPPORTED_HINTS:
        return msg(UNSUPPORTED_HINTS[suffix], suffix=suffix)     # format ignores an unused value
    return msg(QT_TRANSLATE_NOOP("engine", "NormFit cannot read {suffix} files; save it as a PDF, Word, OpenDocument or "
                                           "plain text file and add that instead."), suffix=suffix)


Reader = Callable[[Path], str]
READERS: dict[str, tuple[str, Reader]] = {}
NOUNS: dict[str, str] = {}          # kind -> how a sentence names one such file


def register(kind: str, *suffixes: str, noun: str | None = None):
    """Decorator: make `fn` the reader for these suffixes (lower case, with dot).
    `noun` names one such file in a sentence ("Word document"); default "<kind> file"."""
    def deco(fn: Reader) -> Reader:
        for s in suffixes:
            READERS[s.lower()] = (kind, fn)
        NOUNS[kind] = noun or phrase(f"{kind} file")
        return fn
    return deco


def read_bytes(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The file's bytes, never more than `limit` (a file may grow after stat)."""
    with open(path, "rb") as f:
        # Ask for the size we saw (+1 to notice growth): read(limit) would
        # allocate the whole limit up front for every small file.
        size = os.fstat(f.fileno()).st_size
        data = f.read(min(size, limit) + 1)
        if len(data) == min(size, limit) + 1 and len(data) <= limit:   # it grew while we looked
            data += f.read(limit + 1 - len(data))
    if len(data) > limit:
        raise DocumentError(too_big(len(data), limit))
    return data


def too_big(size: int, limit: int = MAX_FILE_BYTES) -> str:
    return msg(QT_TRANSLATE_NOOP("engine", "This file is {size} MB and NormFit reads files of at most {limit} MB; "
                                           "split it into smaller files."),
               size=round(max(size / 2**20, limit / 2**20 + 1)), limit=limit // 2**20)


_BLANKS = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")


def join_paragraphs(paragraphs: Iterable[str]) -> str:
    """Paragraphs separated by one blank line, trailing spaces removed."""
    out = []
    for p in paragraphs:
        p = "\n".join(line.rstrip() for line in p.strip("\n").split("\n"))
        if p.strip():
            out.append(p)
    return _BLANKS.sub("\n\n", "\n\n".join(out))
