"""One test per file in ../shared/data/formats/, against what its README says
the file must give. Skipped (with the reason) where that folder is absent,
e.g. on a fresh clone outside the development machines; test_formats.py
covers the same ground with files the tests make themselves."""
from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from desktop.engine.documents import EMPTY, PASSWORD, DocumentError, read_file

from .conftest import ROOT, need_shared
from .test_formats import is_one_sentence

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def formats():
    return need_shared("formats")


@pytest.fixture(scope="module")
def expected(formats):
    return (formats / "expected_plain.txt").read_text(encoding="utf-8")


def flat(text: str) -> str:
    """Compare modulo whitespace (as the README says), and modulo the Markdown
    emphasis marks the canonical text keeps but formatted documents render as italics."""
    return re.sub(r"\s+", " ", text.replace("_", "")).strip()


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


@pytest.mark.parametrize("name", ["sample.docx", "sample.odt", "sample.rtf"])
def test_office_formats_give_the_canonical_text_with_its_paragraphs(formats, expected, name):
    text = read_file(formats / name).text
    assert flat(text) == flat(expected)
    assert [flat(p) for p in paragraphs(text)] == [flat(p) for p in paragraphs(expected)]


def test_markdown_gives_the_canonical_text_with_its_heading_marker(formats, expected):
    text = read_file(formats / "sample.md").text
    assert text.startswith("# Chapter 1")
    assert flat(text) == flat("# " + expected)


def test_html_gives_the_title_then_the_canonical_text(formats, expected):
    text = read_file(formats / "sample.html").text
    assert paragraphs(text)[0] == "Pride and Prejudice, Chapter 1"
    assert flat(text) == flat("Pride and Prejudice, Chapter 1\n\n" + expected)
    assert "font-family" not in text        # the page's style sheet is not text


def test_epub_gives_the_title_page_then_the_canonical_text(formats, expected):
    text = read_file(formats / "sample.epub").text
    assert flat(text).endswith(flat(expected))
    front = flat(text)[: -len(flat(expected))]
    assert front.strip() in ("", "Pride and Prejudice, Chapter 1 Jane Austen")


def test_pdf_gives_the_canonical_text_and_its_paragraphs(formats, expected):
    text = read_file(formats / "sample.pdf").text
    assert flat(text) == flat(expected)
    assert len(paragraphs(text)) == len(paragraphs(expected))


def test_image_only_pdf_is_refused_as_needing_ocr(formats):
    with pytest.raises(DocumentError, match="scan") as e:
        read_file(formats / "image_only.pdf")
    assert is_one_sentence(str(e.value))


def test_password_protected_pdf_is_refused(formats):
    with pytest.raises(DocumentError) as e:
        read_file(formats / "password_protected.pdf")
    assert str(e.value) == PASSWORD


def test_password_protected_pdf_with_its_password_holds_the_text(formats, expected, tmp_path):
    """The README's other half: with 'userpass' the text is there. NormFit asks
    no passwords; this checks the fixture and pypdf's AES-256 support, then
    reads the unlocked copy through NormFit's own reader."""
    from pypdf import PdfReader, PdfWriter
    r = PdfReader(str(formats / "password_protected.pdf"))
    assert r.decrypt("userpass")
    w = PdfWriter(clone_from=r)
    w.write(tmp_path / "unlocked.pdf")
    assert flat(read_file(tmp_path / "unlocked.pdf").text) == flat(expected)


def test_truncated_docx_is_refused_as_damaged(formats):
    with pytest.raises(DocumentError, match="damaged or incomplete") as e:
        read_file(formats / "corrupt_truncated.docx")
    assert is_one_sentence(str(e.value))


def test_latin1_text_decodes_exactly(formats, expected):
    text = read_file(formats / "latin1.txt").text
    assert len(text) == 846
    assert text.splitlines()[-1] == "Encoding check: café, naïve, façade, Brontë, £5, ½."
    plain = (expected.replace("\u201c", '"').replace("\u201d", '"').replace("\u2018", "'")
             .replace("\u2019", "'").replace("\u2014", "--"))
    assert text.startswith(plain)


def test_utf16_with_bom_decodes_exactly(formats, expected):
    text = read_file(formats / "utf16_bom.txt").text
    assert len(text) == 839
    assert text.startswith(expected)
    assert text.rstrip("\n").splitlines()[-1] == "Encoding check: café — “quotes” — മലയാളം — 😀"


def test_empty_file_is_refused_as_empty(formats):
    with pytest.raises(DocumentError) as e:
        read_file(formats / "empty.txt")
    assert str(e.value) == EMPTY


def test_binary_file_named_txt_is_refused(formats):
    with pytest.raises(DocumentError, match="is not text") as e:
        read_file(formats / "binary.txt")
    assert is_one_sentence(str(e.value))


def test_every_file_has_a_test_here(formats):
    """A file added to the folder later should get its own test."""
    covered = {"README.md", "expected_plain.txt", "sample.docx", "sample.odt", "sample.rtf", "sample.md",
               "sample.html", "sample.epub", "sample.pdf", "image_only.pdf", "password_protected.pdf",
               "corrupt_truncated.docx", "latin1.txt", "utf16_bom.txt", "empty.txt", "binary.txt"}
    assert {p.name for p in formats.iterdir()} <= covered


def test_normfit_read_on_the_whole_folder(formats):
    """`normfit read` prints the readable ones, one sentence per refused file on
    stderr, and exits 2 because some were refused; --json says the same."""
    run = subprocess.run([sys.executable, "-m", "desktop", "read", str(formats), "--json"], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 2, run.stderr
    files = {f["path"].rsplit("/", 1)[-1]: f for f in json.loads(run.stdout)["files"]}
    refused = {"binary.txt", "corrupt_truncated.docx", "empty.txt", "image_only.pdf", "password_protected.pdf"}
    assert {n for n, f in files.items() if f["status"] == "refused"} == refused
    for n, f in files.items():
        if f["status"] == "ok":
            assert f["characters"] > 500 and f["words"] > 100
    lines = run.stderr.strip().splitlines()
    assert len(lines) == len(refused) + sum(f["status"] == "duplicate" for f in files.values())
    for line in lines:
        assert is_one_sentence(line.split(": ", 1)[1]), line
