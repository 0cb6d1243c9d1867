"""EPUB 2 and 3 e-books: zipfile + the package document's reading order (the
spine), each chapter's XHTML through the web-page reader.

No EPUB library is used: the maintained one (EbookLib) is AGPL-licensed, and
what NormFit needs (container.xml -> OPF spine -> XHTML) is short. The table
of contents page is skipped (it repeats the chapter titles); a title page may
come first, as in the book. Books locked with DRM are refused.
"""
from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote

from ..reading import DocumentError, damaged, join_paragraphs, register
from ..messages import QT_TRANSLATE_NOOP, msg, phrase
from .containers import Package, local, parse_xml
from .web import html_text

EPUB = phrase(QT_TRANSLATE_NOOP("engine", "e-book"))
DRM = msg(QT_TRANSLATE_NOOP("engine", "This e-book is locked against copying (DRM), so NormFit cannot read it; "
                                      "use a copy without DRM, for example one you wrote or bought DRM-free."))
# Embedded fonts are "encrypted" (obfuscated) in many ordinary EPUBs; that is not DRM.
_FONT_OBFUSCATION = {"http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC"}
_HTML_TYPES = {"application/xhtml+xml", "text/html", "application/x-dtbook+xml"}


def _check_drm(pkg: Package) -> None:
    if pkg.has("META-INF/rights.xml"):
        raise DocumentError(DRM)
    if not pkg.has("META-INF/encryption.xml"):
        return
    root = parse_xml(pkg.read("META-INF/encryption.xml"), EPUB)
    for enc in root.iter():
        if local(enc.tag) != "EncryptedData":
            continue
        method = next((m.get("Algorithm", "") for m in enc.iter() if local(m.tag) == "EncryptionMethod"), "")
        if method not in _FONT_OBFUSCATION:
            raise DocumentError(DRM)


@register("E-book", ".epub", noun=EPUB)
def read_epub(path: Path) -> str:
    pkg = Package(path, EPUB)
    if not pkg.has("META-INF/container.xml"):
        raise DocumentError(damaged(EPUB))
    _check_drm(pkg)
    container = parse_xml(pkg.read("META-INF/container.xml"), EPUB)
    opf_path = next((r.get("full-path") for r in container.iter() if local(r.tag) == "rootfile"), None)
    if not opf_path or not pkg.has(opf_path):
        raise DocumentError(damaged(EPUB))
    opf = parse_xml(pkg.read(opf_path), EPUB)
    base = posixpath.dirname(opf_path)
    items = {}
    for it in opf.iter():
        if local(it.tag) == "item" and it.get("id") and it.get("href"):
            items[it.get("id")] = it
    chapters: list[str] = []
    for ref in opf.iter():
        if local(ref.tag) != "itemref":
            continue
        it = items.get(ref.get("idref", ""))
        if it is None or it.get("media-type", "") not in _HTML_TYPES:
            continue
        if "nav" in (it.get("properties") or "").split():
            continue
        name = posixpath.normpath(posixpath.join(base, unquote(it.get("href").split("#")[0])))
        if not pkg.has(name):
            continue     # a missing chapter loses that chapter, not the book
        chapters.append(html_text(pkg.read(name), with_title=False))
    return join_paragraphs(chapters)
