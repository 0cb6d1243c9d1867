"""PDF with a text layer, through pypdf.

pypdf gives the text pieces of each page with their positions. From those we
rebuild lines, then paragraphs (a wider gap between lines, an indented first
line, or a change of font size starts a new paragraph), and drop page headers,
footers and page numbers that repeat at the top or bottom of the pages.
Scans (pages that are only pictures) have no text layer: NormFit does no OCR.
"""
from __future__ import annotations

import io
import re
import statistics
from dataclasses import dataclass
from pathlib import Path

from ..reading import PASSWORD, DocumentError, join_paragraphs, read_bytes, register
from ..messages import QT_TRANSLATE_NOOP, msg

SCAN = msg(QT_TRANSLATE_NOOP("engine", "This PDF has no text in it, only pictures of pages (it is probably a "
                                       "scan), and NormFit cannot read text from pictures; use the original "
                                       "document or a PDF whose text you can select."))


@dataclass
class Line:
    text: str
    x: float
    y: float
    size: float


def _mult(a, b):
    """Product of two PDF affine matrices [a b c d e f]."""
    return [a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
            a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
            a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5]]


def page_lines(page) -> list[Line]:
    """The page's text lines in pypdf's (content-stream) order, with positions."""
    lines: list[Line] = []
    cur: list[str] = []
    pos: list[float | None] = [None, None, 0.0]

    def end_line():
        text = "".join(cur).strip()
        if text:
            lines.append(Line(re.sub(r"[ \t]+", " ", text), pos[0] or 0.0, pos[1] or 0.0, pos[2] or 0.0))
        cur.clear()
        pos[0] = pos[1] = None

    def visit(text, cm, tm, font_dict, font_size):
        if not text:
            return
        parts = text.split("\n")
        for i, part in enumerate(parts):
            if i:
                end_line()
            if part.strip() and pos[1] is None:
                m = _mult(tm, cm)
                pos[0], pos[1] = m[4], m[5]
                pos[2] = abs(font_size * (m[2] ** 2 + m[3] ** 2) ** 0.5) or font_size
            cur.append(part)

    page.extract_text(visitor_text=visit)
    end_line()
    return lines


_PAGE_NUMBER = re.compile(r"^\W*(page|p\.|seite|página|pagina)?\s*[0-9ivxlc]+(\s*(of|/|von|de)\s*\d+)?\W*$",
                          re.IGNORECASE)


def _edge_key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", text.strip().lower()))


def drop_running_heads(pages: list[list[Line]]) -> list[list[Line]]:
    """Remove page numbers, and the top or bottom line of a page when it
    repeats (digits aside) on most pages: running headers and footers."""
    def edges(lines: list[Line]) -> set[int]:
        if not lines:
            return set()
        order = sorted(range(len(lines)), key=lambda i: -lines[i].y)
        return {order[0], order[-1]}

    counts: dict[str, int] = {}
    for lines in pages:
        for key in {_edge_key(lines[i].text) for i in edges(lines)}:
            counts[key] = counts.get(key, 0) + 1
    need = max(3, (len(pages) + 1) // 2)
    repeated = {k for k, n in counts.items() if n >= need}
    out = []
    for lines in pages:
        e = edges(lines)
        out.append([ln for i, ln in enumerate(lines)
                    if not (i in e and (_edge_key(ln.text) in repeated or
                                        (len(lines) > 1 and _PAGE_NUMBER.match(ln.text))))])
    return out


def paragraphs(lines: list[Line]) -> list[str]:
    """Join a page's lines into paragraphs."""
    if not lines:
        return []
    gaps = [a.y - b.y for a, b in zip(lines, lines[1:]) if 0.5 * max(a.size, 1) < a.y - b.y < 3 * max(a.size, 1)]
    # The usual distance between lines of one paragraph: the smallest common gap
    # (paragraph gaps are larger; with one-line paragraphs all gaps may be).
    line_gap = statistics.median([g for g in gaps if g <= 1.15 * min(gaps)]) if gaps else None
    left = min(ln.x for ln in lines)
    lengths = sorted(len(ln.text) for ln in lines)
    full = lengths[int(0.9 * (len(lengths) - 1))]
    paras: list[list[str]] = [[lines[0].text]]
    for prev, ln in zip(lines, lines[1:]):
        gap = prev.y - ln.y
        size = max(ln.size, 1.0)
        new = (
            gap < -0.5 * size                                    # went up: a new column or box
            or gap > 3 * size                                    # far below: a new block
            or (line_gap is not None and gap > 1.3 * line_gap)   # extra space between paragraphs
            or abs(ln.size - prev.size) > 0.15 * size            # heading <-> body text
            or (ln.x > left + 0.8 * size and prev.x <= left + 0.8 * size
                and abs(gap) > 0.3 * size)                       # indented first line
            or (len(prev.text) < 0.75 * full and prev.text[-1] in ".!?:”\"'’"
                and len(lines) > 3)                              # a short last line ends a paragraph
        )
        if new:
            paras.append([ln.text])
        else:
            paras[-1].append(ln.text)
    return [_join_lines(p) for p in paras]


def _join_lines(lines: list[str]) -> str:
    out = lines[0]
    for ln in lines[1:]:
        # A word broken across lines keeps its hyphen but loses the space.
        out += ln if re.search(r"\w-$", out) else " " + ln
    return out


def _continues(prev: str, nxt: str) -> bool:
    """A paragraph cut by a page break: no closing punctuation, lower-case start."""
    return bool(prev) and bool(nxt) and prev[-1] not in ".!?:;\"'”’)]" and nxt[0].islower()


@register("PDF", ".pdf", noun="PDF")
def read_pdf(path: Path) -> str:
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError
    # pypdf logs its repairs ("EOF marker not found") to stderr; the person gets
    # our one sentence instead, so its own warnings stay out of the output.
    logging.getLogger("pypdf").setLevel(logging.ERROR)

    data = read_bytes(path)
    if b"%PDF" not in data[:1024]:
        raise DocumentError(msg(QT_TRANSLATE_NOOP("engine", "This file is not really a PDF even though its name "
                                                            "ends in .pdf, so NormFit cannot read it.")))
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        encrypted = reader.is_encrypted
    except PdfReadError as e:
        if "password" in str(e).lower() or "encrypt" in str(e).lower():
            raise DocumentError(PASSWORD) from None
        raise
    if encrypted:
        # Many PDFs are "encrypted" with an empty password only to restrict
        # printing or editing; those open. A real password we do not ask for.
        try:
            ok = reader.decrypt("")
        except Exception:
            ok = 0
        if not ok:
            raise DocumentError(PASSWORD)
    pages = [page_lines(p) for p in reader.pages]
    pages = drop_running_heads(pages)
    out: list[str] = []
    for lines in pages:
        paras = paragraphs(lines)
        if paras and out and _continues(out[-1], paras[0]):
            out[-1] += " " + paras.pop(0)
        out.extend(paras)
    text = join_paragraphs(out)
    if not text.strip():
        raise DocumentError(SCAN)
    return text
