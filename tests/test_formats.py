"""Each document format, on files the tests write themselves (so this runs on a
fresh clone): the text a person wrote comes out in reading order, paragraphs
kept, page furniture left out; and each kind of unreadable file gets one
clear sentence."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from desktop.engine.documents import (EMPTY, NO_TEXT, PASSWORD, DocumentError, collect, read_file)

from . import docmakers as mk

P1 = "It was a bright cold day in the orchard, and the kettle sang on the stove."
P2 = "Nobody in the village remembered who had painted the bridge that shade of green."
P3 = "By the time the letters arrived, the swallows had already left the harbour."


def paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n\n") if p.strip()]


def is_one_sentence(msg: str) -> bool:
    """One line, ends with a full stop, no second sentence, no programmer words."""
    return ("\n" not in msg and msg.endswith(".") and not re.search(r"[.!?] [A-Z]", msg)
            and not re.search(r"Error|Exception|Traceback|errno|0x", msg) and len(msg) < 260)


def refused(path: Path) -> str:
    with pytest.raises(DocumentError) as e:
        read_file(path)
    msg = str(e.value)
    assert is_one_sentence(msg), msg
    return msg


# ------------------------------------------------------------------ PDF
def _wrap(text: str, width: int = 60) -> list[str]:
    out, cur = [], ""
    for w in text.split():
        if cur and len(cur) + 1 + len(w) > width:
            out.append(cur)
            cur = w
        else:
            cur = f"{cur} {w}".strip()
    return out + [cur]


LONG = [P1 + " " + P2 + " " + P3, P3 + " " + P1, P2 + " " + P2 + " " + P1]


def test_pdf_paragraphs_come_back_and_running_heads_and_page_numbers_do_not(tmp_path):
    pages = [mk.text_page([_wrap(p) for p in LONG], header="THE ORCHARD BOOK - draft three",
                          footer=f"Page {i} of 3") for i in (1, 2, 3)]
    f = tmp_path / "book.pdf"
    f.write_bytes(mk.make_pdf(pages))
    doc = read_file(f)
    assert doc.kind == "PDF"
    assert "ORCHARD BOOK" not in doc.text and "Page " not in doc.text
    assert paragraphs(doc.text) == LONG * 3


def test_pdf_heading_is_its_own_paragraph_and_a_broken_word_is_joined(tmp_path):
    lines = [(72, 720, 18, "Chapter Two"), (72, 690, 11, "The long after-"), (72, 676, 11, "noon faded slowly."),
             (72, 652, 11, "Then came the evening.")]
    f = tmp_path / "c.pdf"
    f.write_bytes(mk.make_pdf([lines]))
    assert paragraphs(read_file(f).text) == ["Chapter Two", "The long after-noon faded slowly.",
                                             "Then came the evening."]


def test_pdf_paragraph_running_over_a_page_break_stays_one_paragraph(tmp_path):
    first = mk.text_page([["The swallows gathered on the wires above the", "harbour while the"]])
    second = mk.text_page([["bells rang for the last time that year."]])
    f = tmp_path / "two.pdf"
    f.write_bytes(mk.make_pdf([first, second]))
    assert paragraphs(read_file(f).text) == [
        "The swallows gathered on the wires above the harbour while the bells rang for the last time that year."]


def test_scanned_pdf_is_refused_because_there_is_no_ocr(tmp_path):
    f = tmp_path / "scan.pdf"
    f.write_bytes(mk.make_pdf([], image_pages=2))
    msg = refused(f)
    assert "scan" in msg and "pictures" in msg


def test_password_pdf_is_refused_but_a_permissions_only_pdf_reads(tmp_path):
    plain = mk.make_pdf([mk.text_page([_wrap(P1)])])
    locked = tmp_path / "locked.pdf"
    locked.write_bytes(mk.encrypt_pdf(plain, user_password="secret"))
    assert refused(locked) == PASSWORD
    restricted = tmp_path / "restricted.pdf"       # opens without a password; only printing/editing limited
    restricted.write_bytes(mk.encrypt_pdf(plain, user_password=""))
    assert paragraphs(read_file(restricted).text) == [P1]


def test_damaged_and_fake_pdfs_are_refused(tmp_path):
    good = mk.make_pdf([mk.text_page([_wrap(P1)])])
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(good[: len(good) // 3])
    # A third of the file has no page tree and no end marker: refused in one sentence.
    assert "damaged or incomplete" in refused(cut)
    fake = tmp_path / "fake.pdf"
    fake.write_text("just some words, not a PDF at all", encoding="utf-8")
    assert "not really a PDF" in refused(fake)


# ------------------------------------------------------------------ Word
def test_docx_body_in_order_with_table_rows_and_without_header_or_footer(tmp_path):
    f = mk.make_docx(tmp_path / "a.docx", "Chapter One", [P1, P2],
                     table=[["Name", "Town"], ["Ada", "Leeds"]], header="RUNNING HEADER", footer="FOOTER 7",
                     after_table=P3)
    doc = read_file(f)
    assert doc.kind == "Word document"
    assert paragraphs(doc.text) == ["Chapter One", P1, P2, "Name\tTown", "Ada\tLeeds", P3]


def test_password_protected_docx_is_refused(tmp_path):
    assert refused(mk.fake_encrypted_office(tmp_path / "secret.docx")) == PASSWORD


def test_old_doc_renamed_to_docx_says_what_to_do(tmp_path):
    f = tmp_path / "old.docx"
    f.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000))
    assert "save it again" in refused(f)


def test_truncated_and_non_zip_docx_are_damaged(tmp_path):
    good = mk.make_docx(tmp_path / "g.docx", "T", [P1]).read_bytes()
    (tmp_path / "cut.docx").write_bytes(good[:4000])
    (tmp_path / "text.docx").write_text("hello", encoding="utf-8")
    for name in ("cut.docx", "text.docx"):
        assert "damaged" in refused(tmp_path / name)


def test_zip_bomb_docx_is_refused_without_unpacking(tmp_path, monkeypatch):
    import zipfile
    read = []
    real_read = zipfile.ZipExtFile.read

    def counting_read(self, n=-1):
        data = real_read(self, n)
        read.append(len(data))
        return data
    monkeypatch.setattr(zipfile.ZipExtFile, "read", counting_read)
    msg = refused(mk.zip_bomb(tmp_path / "bomb.docx", megabytes=300))
    assert "unpacks to more than" in msg
    assert sum(read) < 2**20        # refused from the zip's directory: (almost) nothing was inflated


# ------------------------------------------------------------------ OpenDocument
def test_odt_headings_paragraphs_lists_tables_without_notes_or_deleted_text(tmp_path):
    body = (
        '<text:h text:outline-level="1">Chapter <text:span>One</text:span></text:h>'
        f"<text:p>{P1}<text:note><text:note-body><text:p>A FOOTNOTE</text:p></text:note-body></text:note></text:p>"
        '<text:tracked-changes><text:changed-region><text:deletion><text:p>DELETED TEXT</text:p>'
        "</text:deletion></text:changed-region></text:tracked-changes>"
        "<text:p>two<text:s text:c=\"3\"/>spaces<text:tab/>tab<text:line-break/>next line</text:p>"
        "<text:list><text:list-item><text:p>first item</text:p></text:list-item>"
        "<text:list-item><text:p>second item</text:p></text:list-item></text:list>"
        "<table:table><table:table-row><table:table-cell><text:p>Ada</text:p></table:table-cell>"
        "<table:table-cell><text:p>Leeds</text:p></table:table-cell></table:table-row></table:table>"
        f"<text:p>{P2}</text:p>"
    )
    doc = read_file(mk.make_odt(tmp_path / "a.odt", body))
    assert doc.kind == "OpenDocument text"
    assert paragraphs(doc.text) == ["Chapter One", P1, "two   spaces\ttab\nnext line", "first item",
                                    "second item", "Ada\tLeeds", P2]


def test_password_protected_odt_is_refused(tmp_path):
    assert refused(mk.make_odt(tmp_path / "s.odt", "<text:p>x</text:p>", encrypted=True)) == PASSWORD


def test_odt_with_entity_expansion_is_refused(tmp_path):
    f = mk.make_odt(tmp_path / "lol.odt", "<text:p>&lol;</text:p>")
    import zipfile
    bomb = ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
            '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>')
    with zipfile.ZipFile(f, "w") as z:
        z.writestr("content.xml", bomb)
    assert "damaged" in refused(f)


# ------------------------------------------------------------------ EPUB
def test_epub_follows_the_spine_and_skips_the_table_of_contents(tmp_path):
    f = mk.make_epub(tmp_path / "b.epub", [("one.xhtml", f"<h1>One</h1><p>{P1}</p>"),
                                           ("two.xhtml", f"<h1>Two</h1><p>{P2}</p><p>{P3}</p>")],
                     spine_order=[1, 0])
    doc = read_file(f)
    assert doc.kind == "E-book"
    assert "TOC ENTRY" not in doc.text
    assert paragraphs(doc.text) == ["Two", P2, P3, "One", P1]


def test_epub_with_drm_is_refused_but_font_obfuscation_is_not_drm(tmp_path):
    chapters = [("one.xhtml", f"<p>{P1}</p>")]
    drm = mk.make_epub(tmp_path / "drm.epub", chapters,
                       encryption_xml=mk.encryption_xml("http://www.w3.org/2001/04/xmlenc#aes128-cbc",
                                                        "OEBPS/text/one.xhtml"))
    assert "DRM" in refused(drm)
    fonts = mk.make_epub(tmp_path / "fonts.epub", chapters,
                         encryption_xml=mk.encryption_xml("http://www.idpf.org/2008/embedding", "OEBPS/font.otf"))
    assert paragraphs(read_file(fonts).text) == [P1]


def test_epub_without_container_is_damaged(tmp_path):
    import zipfile
    f = tmp_path / "bad.epub"
    with zipfile.ZipFile(f, "w") as z:
        z.writestr("mimetype", "application/epub+zip")
    assert "damaged" in refused(f)


# ------------------------------------------------------------------ HTML
def test_html_gives_the_body_text_not_menus_scripts_or_footers(tmp_path):
    page = f"""<!doctype html><html><head><title>My Essay</title><style>p {{color: red}}</style>
    <script>var secret = "SCRIPT TEXT";</script></head><body>
    <header><a href="/">SITE NAME</a></header>
    <nav><ul><li>Home</li><li>MENU ITEM</li></ul></nav>
    <article><header><h1>My Essay</h1></header>
      <p>{P1.replace("bright", "<b>bright</b>")}</p>
      <p>{P2}<br>{P3}</p>
      <div hidden>HIDDEN TEXT</div>
      <pre>def f(x):
    return x</pre>
    </article>
    <aside>SIDEBAR</aside><footer>COPYRIGHT FOOTER</footer>
    <!-- A COMMENT --></body></html>"""
    f = tmp_path / "p.html"
    f.write_text(page, encoding="utf-8")
    doc = read_file(f)
    for junk in ("SCRIPT TEXT", "SITE NAME", "MENU ITEM", "HIDDEN", "SIDEBAR", "FOOTER", "COMMENT", "color"):
        assert junk not in doc.text
    assert paragraphs(doc.text) == ["My Essay", P1, f"{P2}\n{P3}", "def f(x):\n    return x"]


def test_html_in_a_legacy_encoding_declared_in_meta(tmp_path):
    f = tmp_path / "old.htm"
    f.write_bytes('<html><head><meta charset="windows-1251"></head><body><p>Привет, мир</p></body></html>'
                  .encode("cp1251"))
    assert read_file(f).text == "Привет, мир"


# ------------------------------------------------------------------ RTF
def test_rtf_text_with_escapes_and_without_headers_or_pictures(tmp_path):
    rtf = (r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Times;}}{\header RUNNING HEADER\par}"
           r"{\pard Caf\'e9 na\u239?ve \u8220?quoted\u8221?\par}"
           r"{\pard second {\b bold} paragraph\par}"
           r"{\*\shppict{\pict\pngblip 89504e470d0a}}"
           r"{\pard third\line same paragraph\par}}")
    f = tmp_path / "a.rtf"
    f.write_text(rtf, encoding="ascii")
    doc = read_file(f)
    assert "RUNNING HEADER" not in doc.text and "89504e" not in doc.text
    assert paragraphs(doc.text)[:2] == ["Café naïve “quoted”", "second bold paragraph"]
    assert "third" in doc.text and "same paragraph" in doc.text


def test_rtf_astral_characters_survive(tmp_path):
    f = tmp_path / "e.rtf"
    f.write_text(r"{\rtf1\ansi smile \u-10179?\u-8704? done\par}", encoding="ascii")
    assert read_file(f).text == "smile 😀 done"


def test_fake_rtf_is_refused(tmp_path):
    f = tmp_path / "x.rtf"
    f.write_text("plain words", encoding="utf-8")
    assert "not really an RTF" in refused(f)


# ------------------------------------------------------------------ plain text and code
TEXTS = {
    "utf-8": "Café — “quotes” — മലയാളം — 😀",
    "utf-8-sig": "Café with a BOM",
    "utf-16": "UTF-16 with a BOM: naïve",
    "utf-16-be": "UTF-16 big-endian without a BOM, written on an old Mac: naïve façade",
    "utf-16-le": "UTF-16 little-endian without a BOM, as some Windows tools write it: café",
    "utf-32": "UTF-32 with a BOM 😀",
    "cp1252": "Windows text: café, naïve, £5, ½, “curly” — dash, and the euro sign €.",
    "cp1251": "Привет! Это пример текста на русском языке, сохранённый в кодировке Windows-1251.",
    "shift_jis": "これは日本語のテキストです。文字コードはシフトJISで保存されています。",
    "gb18030": "这是一个中文文本的例子，用于测试编码检测，保存为国标编码。",
}


@pytest.mark.parametrize("encoding", sorted(TEXTS))
def test_text_in_common_encodings(tmp_path, encoding):
    f = tmp_path / f"{encoding}.txt"
    f.write_bytes(TEXTS[encoding].encode(encoding))
    assert read_file(f).text == TEXTS[encoding]


def test_line_endings_are_unified(tmp_path):
    f = tmp_path / "dos.txt"
    f.write_bytes(b"one\r\ntwo\rthree\n")
    assert read_file(f).text == "one\ntwo\nthree\n"


def test_source_code_is_read_verbatim(tmp_path):
    code = "def add(a, b):\n    \"\"\"Sum.\"\"\"\n\treturn a + b  # tab-indented on purpose\n"
    for name in ("m.py", "m.rs", "m.go", "m.ts", "Main.java"):
        (tmp_path / name).write_text(code, encoding="utf-8")
        doc = read_file(tmp_path / name)
        assert doc.text == code and doc.kind == "Source code"


def test_markdown_keeps_its_markup(tmp_path):
    f = tmp_path / "n.md"
    f.write_text("# Title\n\nSome *emphasis* here.\n", encoding="utf-8")
    assert read_file(f).text == "# Title\n\nSome *emphasis* here.\n"


def test_a_file_without_an_ending_is_read_if_it_is_text(tmp_path):
    (tmp_path / "README").write_text("Read me first.", encoding="utf-8")
    assert read_file(tmp_path / "README").text == "Read me first."
    (tmp_path / "blob").write_bytes(bytes(range(256)) * 4)
    assert "no ending" in refused(tmp_path / "blob")


# ------------------------------------------------------------------ refusals
def test_binary_file_with_a_text_ending(tmp_path):
    f = tmp_path / "photo.txt"
    f.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 16)
    assert refused(f) == ("This file is not text (it holds binary data, such as a picture or a program) even "
                          "though its name ends in .txt, so NormFit cannot read it.")


def test_empty_and_blank_files(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_text("  \n\n\t\n", encoding="utf-8")
    assert refused(tmp_path / "empty.txt") == EMPTY
    assert refused(tmp_path / "blank.md") == NO_TEXT
    (tmp_path / "blank.html").write_text("<html><body><script>x()</script></body></html>", encoding="utf-8")
    assert refused(tmp_path / "blank.html") == NO_TEXT


@pytest.mark.parametrize("name, words", [("sheet.xyz", ".xyz files"), ("old.doc", "old Word files"),
                                         ("book.mobi", "Kindle")])
def test_unsupported_types_say_what_to_do_instead(tmp_path, name, words):
    f = tmp_path / name
    f.write_bytes(b"something")
    msg = refused(f)
    assert words in msg and "instead" in msg


def test_missing_file_folder_and_pipe(tmp_path):
    assert "does not exist" in refused(tmp_path / "gone.txt")
    assert "folder" in refused(tmp_path)
    import os
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe.txt")
        assert "not an ordinary file" in refused(tmp_path / "pipe.txt")


def test_one_bad_file_does_not_stop_the_others(tmp_path):
    (tmp_path / "good.txt").write_text(P1, encoding="utf-8")
    (tmp_path / "bad.docx").write_bytes(b"PK\x03\x04broken")
    (tmp_path / "empty.txt").write_bytes(b"")
    mk.make_docx(tmp_path / "fine.docx", "Heading", [P2])
    col = collect([tmp_path])
    assert sorted(Path(d.path).name for d in col.documents) == ["fine.docx", "good.txt"]
    assert sorted(r.name for r in col.refused) == ["bad.docx", "empty.txt"]
    assert all(is_one_sentence(r.reason) for r in col.refused)
