"""Rich Text Format (.rtf) through striprtf.

striprtf follows the RTF specification's rules for what is text: it skips
font and colour tables, pictures, page headers and footers, footnotes and
comments, and decodes \\uN and \\'xx characters with the document's code page.
"""
from __future__ import annotations

from pathlib import Path

from ..reading import DocumentError, join_paragraphs, read_bytes, register
from ..messages import QT_TRANSLATE_NOOP, msg, phrase

RTF = phrase(QT_TRANSLATE_NOOP("engine", "RTF document"))


@register("Rich Text", ".rtf", noun=RTF)
def read_rtf(path: Path) -> str:
    from striprtf.striprtf import rtf_to_text

    data = read_bytes(path)
    if not data.lstrip()[:5] == b"{\\rtf":
        raise DocumentError(msg(QT_TRANSLATE_NOOP("engine", "This file is not really an RTF document even though "
                                                            "its name ends in .rtf, so NormFit cannot read it.")))
    # RTF is 7-bit text with escapes; stray 8-bit bytes are usually UTF-8 or Windows-1252.
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError:
        raw = data.decode("cp1252", errors="replace")
    text = rtf_to_text(raw, encoding="cp1252", errors="replace")
    # Each \par is a paragraph; table cells come out separated by '|'.
    return join_paragraphs(text.replace("\r\n", "\n").split("\n"))
