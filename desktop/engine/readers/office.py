"""Word (.docx) through python-docx, OpenDocument text (.odt) through the
standard library's zipfile and ElementTree.

Both give body text in reading order: headings, paragraphs, lists and tables
(one line per table row, cells separated by tabs). Page headers, footers,
comments and footnotes are separate parts of these files and are left out, so
nothing repeats on every page. Deleted tracked changes are left out too.
"""
from __future__ import annotations

import io
from pathlib import Path
from xml.etree import ElementTree as ET

from ..reading import PASSWORD, DocumentError, damaged, join_paragraphs, register
from ..messages import QT_TRANSLATE_NOOP, phrase
from .containers import Package, local, parse_xml

# ------------------------------------------------------------------ Word
WORD = phrase(QT_TRANSLATE_NOOP("engine", "Word document"))


@register("Word document", ".docx", noun=WORD)
def read_docx(path: Path) -> str:
    import docx
    from docx.table import Table

    pkg = Package(path, WORD)
    if not pkg.has("[Content_Types].xml") or not pkg.has("word/document.xml"):
        raise DocumentError(damaged(WORD))
    pkg.zip.close()
    document = docx.Document(io.BytesIO(pkg.data))
    out: list[str] = []

    def table_rows(table: Table) -> None:
        for row in table.rows:
            cells, last = [], None
            for cell in row.cells:
                if cell._tc is last:        # a merged cell is reported once per grid column
                    continue
                last = cell._tc
                text = " ".join(p.text.strip() for p in cell.paragraphs if p.text.strip())
                cells.append(text)
                for inner in cell.tables:
                    table_rows(inner)
            if any(cells):
                out.append("\t".join(cells))

    for block in document.iter_inner_content():
        if isinstance(block, Table):
            table_rows(block)
        else:
            out.append(block.text)
    return join_paragraphs(out)


# ------------------------------------------------------------------ OpenDocument
ODT = phrase(QT_TRANSLATE_NOOP("engine", "OpenDocument text file"))
_TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
# Generated or out-of-flow content: tables of contents and indexes repeat the
# headings, notes and comments are not the author's running text, and tracked
# changes hold deleted text.
_SKIP = {"tracked-changes", "table-of-content", "alphabetical-index", "illustration-index", "table-index",
         "object-index", "user-index", "bibliography", "note", "annotation", "annotation-end",
         "sequence-decls", "variable-decls", "user-field-decls", "dde-connection-decls"}


def _inline(el: ET.Element) -> str:
    parts = [el.text or ""]
    for child in el:
        name = local(child.tag)
        if name == "s":
            parts.append(" " * _count(child))
        elif name == "tab":
            parts.append("\t")
        elif name == "line-break":
            parts.append("\n")
        elif name not in _SKIP and name != "frame":   # frames' text boxes are read as blocks
            parts.append(_inline(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _count(el: ET.Element) -> int:
    try:
        return max(1, min(int(el.get(f"{{{_TEXT_NS}}}c", "1")), 1000))
    except ValueError:
        return 1


def _blocks(el: ET.Element, out: list[str]) -> None:
    for child in el:
        name = local(child.tag)
        if name in _SKIP:
            continue
        if name in ("h", "p") and child.tag.startswith(f"{{{_TEXT_NS}}}"):
            out.append(_inline(child))
            # Frames anchored in a paragraph (text boxes) hold their own paragraphs.
            for frame_text in child.iter():
                if local(frame_text.tag) == "text-box":
                    _blocks(frame_text, out)
        elif name == "table-row" and child.tag.startswith(f"{{{_TABLE_NS}}}"):
            cells = []
            for cell in child:
                if local(cell.tag) == "table-cell":
                    inner: list[str] = []
                    _blocks(cell, inner)
                    cells.append(" ".join(t.strip() for t in inner if t.strip()))
            if any(cells):
                out.append("\t".join(cells))
        else:
            _blocks(child, out)


@register("OpenDocument text", ".odt", noun=ODT)
def read_odt(path: Path) -> str:
    pkg = Package(path, ODT)
    if pkg.has("META-INF/manifest.xml") and b"encryption-data" in pkg.read("META-INF/manifest.xml"):
        raise DocumentError(PASSWORD)
    if not pkg.has("content.xml"):
        raise DocumentError(damaged(ODT))
    root = parse_xml(pkg.read("content.xml"), ODT)
    out: list[str] = []
    for body in root:
        if local(body.tag) == "body":
            _blocks(body, out)
    return join_paragraphs(out)
