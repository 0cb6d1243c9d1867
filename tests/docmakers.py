"""Small generators for real document files, so the readers are tested on a
fresh clone without any shared fixtures: PDF (a minimal writer, plus pypdf for
encryption), DOCX (python-docx), ODT and EPUB (zipfile + XML), HTML and RTF
(text). Every file here is written from text in the tests themselves.
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

# ------------------------------------------------------------------ PDF
Line = tuple[float, float, float, str]      # x, y (from the bottom), font size, text


def _pdf_str(text: str) -> bytes:
    raw = text.encode("cp1252")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def make_pdf(pages: list[list[Line]], image_pages: int = 0) -> bytes:
    """A PDF with one Helvetica text line per entry, then `image_pages` pages
    that hold only a picture (like a scan)."""
    objs: list[bytes] = []

    def add(body: bytes) -> int:
        objs.append(body)
        return len(objs)

    catalog = add(b"")                        # filled in below
    pages_id = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    kids = []
    for lines in pages:
        stream = b"".join(b"BT /F1 %.1f Tf %.1f %.1f Td %s Tj ET\n" % (size, x, y, _pdf_str(t))
                          for x, y, size, t in lines)
        content = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
                        b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (pages_id, content, font)))
    for _ in range(image_pages):
        pixels = bytes([30, 30, 30, 250, 250, 250] * 8 * 4)    # 8x8 grey and white
        image = add(b"<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceRGB "
                    b"/BitsPerComponent 8 /Length %d >>\nstream\n%s\nendstream" % (len(pixels), pixels))
        stream = b"q 612 0 0 792 0 0 cm /Im1 Do Q"
        content = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
                        b"/Resources << /XObject << /Im1 %d 0 R >> >> >>" % (pages_id, content, image)))
    objs[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id
    objs[pages_id - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (i, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, catalog, xref))
    return out.getvalue()


def text_page(paragraphs: list[list[str]], header: str | None = None, footer: str | None = None,
              top: float = 720, size: float = 11, leading: float = 14, para_gap: float = 10) -> list[Line]:
    """A page of paragraphs (each a list of already wrapped lines)."""
    lines: list[Line] = []
    if header:
        lines.append((72, 760, 9, header))
    y = top
    for para in paragraphs:
        for ln in para:
            lines.append((72, y, size, ln))
            y -= leading
        y -= para_gap
    if footer:
        lines.append((290, 40, 9, footer))
    return lines


def encrypt_pdf(data: bytes, user_password: str, owner_password: str = "owner") -> bytes:
    from pypdf import PdfWriter
    w = PdfWriter(clone_from=io.BytesIO(data))
    w.encrypt(user_password=user_password, owner_password=owner_password, algorithm="AES-256")
    out = io.BytesIO()
    w.write(out)
    return out.getvalue()


# ------------------------------------------------------------------ DOCX
def make_docx(path: Path, heading: str, paragraphs: list[str], table: list[list[str]] | None = None,
              header: str | None = None, footer: str | None = None, after_table: str | None = None) -> Path:
    import docx
    d = docx.Document()
    if header:
        d.sections[0].header.paragraphs[0].text = header
    if footer:
        d.sections[0].footer.paragraphs[0].text = footer
    d.add_heading(heading, level=1)
    for p in paragraphs:
        d.add_paragraph(p)
    if table:
        t = d.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, val in enumerate(row):
                t.cell(r, c).text = val
    if after_table:
        d.add_paragraph(after_table)
    d.save(str(path))
    return path


def fake_encrypted_office(path: Path) -> Path:
    """What Word writes for a password-protected .docx: an OLE compound file
    (not a zip) holding EncryptionInfo and EncryptedPackage streams."""
    sector = bytearray(512)
    sector[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    names = "EncryptionInfo".encode("utf-16-le") + b"\0" * 20 + "EncryptedPackage".encode("utf-16-le")
    path.write_bytes(bytes(sector) + names + bytes(4096))
    return path


# ------------------------------------------------------------------ ODT
_ODT_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
           'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
           'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"')


def make_odt(path: Path, body_xml: str, encrypted: bool = False) -> Path:
    content = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {_ODT_NS} office:version="1.2">'
               f"<office:body><office:text>{body_xml}</office:text></office:body></office:document-content>")
    enc = ('<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x">'
           '<manifest:algorithm manifest:algorithm-name="Blowfish CFB"/></manifest:encryption-data>'
           if encrypted else "")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
                '<manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
                f'<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">{enc}'
                '</manifest:file-entry></manifest:manifest>')
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        z.writestr("META-INF/manifest.xml", manifest)
        z.writestr("content.xml", content if not encrypted else bytes(range(256)) * 4)
    return path


# ------------------------------------------------------------------ EPUB
def xhtml(title: str, body: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n'
            f'<html xmlns="http://www.w3.org/1999/xhtml"><head><title>{escape(title)}</title></head>'
            f"<body>{body}</body></html>")


def make_epub(path: Path, chapters: list[tuple[str, str]], spine_order: list[int] | None = None,
              encryption_xml: str | None = None, title: str = "A Book") -> Path:
    """chapters: (file name, body XHTML). A nav page (the table of contents) is
    added and listed first in the spine, as many tools do."""
    order = spine_order or list(range(len(chapters)))
    items = "".join(f'<item id="c{i}" href="text/{name}" media-type="application/xhtml+xml"/>'
                    for i, (name, _) in enumerate(chapters))
    spine = "".join(f'<itemref idref="c{i}"/>' for i in order)
    opf = ('<?xml version="1.0" encoding="UTF-8"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" '
           'unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
           f'<dc:identifier id="id">urn:uuid:test</dc:identifier><dc:title>{escape(title)}</dc:title>'
           '<dc:language>en</dc:language></metadata>'
           f'<manifest><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>'
           f"{items}</manifest>"
           f'<spine><itemref idref="nav"/>{spine}</spine></package>')
    nav = xhtml("Contents", '<nav epub:type="toc" xmlns:epub="http://www.idpf.org/2007/ops"><ol>'
                + "".join(f"<li>TOC ENTRY {i}</li>" for i in range(len(chapters))) + "</ol></nav>")
    container = ('<?xml version="1.0"?><container version="1.0" '
                 'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
                 '<rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
                 "</rootfiles></container>")
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip")
        z.writestr("META-INF/container.xml", container)
        if encryption_xml:
            z.writestr("META-INF/encryption.xml", encryption_xml)
        z.writestr("OEBPS/content.opf", opf)
        z.writestr("OEBPS/nav.xhtml", nav)
        for name, body in chapters:
            z.writestr(f"OEBPS/text/{name}", xhtml(name, body))
    return path


def encryption_xml(algorithm: str, uri: str) -> str:
    return ('<?xml version="1.0"?><encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
            'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>'
            f'<enc:EncryptionMethod Algorithm="{algorithm}"/><enc:CipherData>'
            f'<enc:CipherReference URI="{uri}"/></enc:CipherData></enc:EncryptedData></encryption>')


def zip_bomb(path: Path, member: str = "word/document.xml", megabytes: int = 300) -> Path:
    """A small zip whose member unpacks to `megabytes` MB of zeros."""
    chunk = bytes(1 << 20)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open(member, "w", force_zip64=True) as f:
            for _ in range(megabytes):
                f.write(chunk)
    return path
