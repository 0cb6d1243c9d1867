"""Web pages (.html, .htm, .xhtml) through Beautiful Soup with Python's own
html.parser: the body text, paragraph by paragraph, without menus, scripts,
styles, forms, page headers and footers.

`html_text()` is shared with the EPUB reader (e-book chapters are XHTML).
"""
from __future__ import annotations

import re
from pathlib import Path

from ..reading import join_paragraphs, read_bytes, register
from ..messages import QT_TRANSLATE_NOOP, phrase

# Never text a person wrote for reading: code, styling, navigation, page furniture.
DROP = {"script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "button",
        "select", "option", "textarea", "input", "svg", "math", "iframe", "object", "embed", "canvas",
        "audio", "video", "map", "menu", "dialog", "head", "link", "meta"}
DROP_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "toolbar"}
BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote",
         "pre", "section", "article", "main", "body", "table", "tr", "caption", "figure", "figcaption",
         "address", "hr", "details", "summary", "fieldset", "legend", "center", "title", "tbody", "thead",
         "tfoot"}
CELL = {"td", "th"}
_SPACES = re.compile(r"[ \t\n\r\f\v]+")
BREAK = object()
PRE = object()       # the paragraph that follows keeps its spaces


def _hidden(tag) -> bool:
    attrs = tag.attrs or {}
    if tag.name in ("header", "footer"):
        # A page's banner and footer go; an article's own header (its title, byline) stays.
        return tag.find_parent(["article", "section", "main"]) is None
    if tag.name in DROP or "hidden" in attrs or str(attrs.get("aria-hidden", "")).lower() == "true":
        return True
    if str(attrs.get("role", "")).lower() in DROP_ROLES:
        return True
    style = str(attrs.get("style", "")).replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


def html_text(data: bytes | str, with_title: bool = True) -> str:
    from bs4 import BeautifulSoup, NavigableString
    from bs4.element import (CData, Comment, Declaration, Doctype, ProcessingInstruction,
                             Tag)

    soup = BeautifulSoup(data, "html.parser")
    root = soup.find("main") or soup.find(attrs={"role": "main"}) or soup.body or soup
    chunks: list[object] = []
    # Walk without recursion (deeply nested pages must not overflow the stack).
    stack: list[tuple[object, bool]] = [(root, False)]
    pre_depth = 0
    while stack:
        node, leaving = stack.pop()
        if leaving:
            if node.name == "pre":
                pre_depth -= 1
            if node.name in BLOCK:
                chunks.append(BREAK)
            elif node.name in CELL:
                chunks.append("\t")
            continue
        if isinstance(node, NavigableString):
            if isinstance(node, (Comment, CData, Declaration, Doctype, ProcessingInstruction)):
                continue
            s = str(node)
            chunks.append(s if pre_depth else _SPACES.sub(" ", s))
            continue
        if not isinstance(node, Tag) or (node is not root and _hidden(node)):
            continue
        if node.name == "br":
            chunks.append("\n")
            continue
        if node.name in BLOCK:
            chunks.append(BREAK)
        if node.name == "pre":
            pre_depth += 1
            chunks.append(PRE)
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node.contents))

    paragraphs, cur, pre = [], [], False

    def flush():
        text = "".join(cur)
        if not pre:
            text = "\n".join(line.strip(" ") for line in text.split("\n"))
        if text.strip():
            paragraphs.append(text)

    for c in chunks:
        if c is BREAK:
            flush()
            cur, pre = [], False
        elif c is PRE:
            pre = True
        else:
            cur.append(c)
    flush()
    if with_title and soup.title is not None:
        title = _SPACES.sub(" ", soup.title.get_text()).strip()
        if title and not (paragraphs and paragraphs[0].strip() == title):
            paragraphs.insert(0, title)
    return join_paragraphs(paragraphs)


@register("Web page", ".html", ".htm", ".xhtml",
          noun=phrase(QT_TRANSLATE_NOOP("engine", "web page")))
def read_html(path: Path) -> str:
    return html_text(read_bytes(path))
