"""What NormFit refuses to read, and the one sentence that says why.

The limits, the DocumentError every reader raises, and the refusals a person
meets most often, worded once so every reader says the same thing. Each
sentence is a Message (engine/messages.py): English here (the command line
prints it), worded in the person's language by the window.
"""
from __future__ import annotations

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


def too_big(size: int, limit: int = MAX_FILE_BYTES) -> str:
    return msg(QT_TRANSLATE_NOOP("engine", "This file is {size} MB and NormFit reads files of at most {limit} MB; "
                                           "split it into smaller files."),
               size=round(max(size / 2**20, limit / 2**20 + 1)), limit=limit // 2**20)
