"""Damaged documents of every kind end in text or one sentence (DocumentError),
never in another exception: random bytes, and real files with bytes changed
or cut off."""
from __future__ import annotations

import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.engine.documents import DocumentError, read_file

from . import docmakers as mk
from .test_formats import P1, P2, is_one_sentence

FUZZ = settings(max_examples=40, deadline=timedelta(seconds=10), derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


def _samples(folder: Path) -> dict[str, bytes]:
    pdf = mk.make_pdf([mk.text_page([[P1], [P2]])])
    docx = mk.make_docx(folder / "s.docx", "Title", [P1, P2]).read_bytes()
    odt = mk.make_odt(folder / "s.odt", f"<text:p>{P1}</text:p>").read_bytes()
    epub = mk.make_epub(folder / "s.epub", [("a.xhtml", f"<p>{P1}</p>")]).read_bytes()
    html = f"<html><body><p>{P1}</p><p>{P2}</p></body></html>".encode()
    rtf = (r"{\rtf1\ansi{\fonttbl{\f0 Arial;}}\f0 " + P1 + r"\par " + P2 + r"\par}").encode()
    return {".pdf": pdf, ".docx": docx, ".odt": odt, ".epub": epub, ".html": html, ".rtf": rtf,
            ".txt": P1.encode("utf-16")}


SAMPLES = _samples(Path(__import__("tempfile").mkdtemp(prefix="normfit-fuzz-")))


def _check(path: Path, data: bytes) -> None:
    path.write_bytes(data)
    try:
        doc = read_file(path)
    except DocumentError as e:
        assert is_one_sentence(str(e)), str(e)
    else:
        assert doc.text.strip()


@pytest.mark.parametrize("suffix", sorted(SAMPLES))
@FUZZ
@given(data=st.binary(max_size=2048))
def test_random_bytes_with_a_document_ending(tmp_path, suffix, data):
    _check(tmp_path / f"r{suffix}", data)


@pytest.mark.parametrize("suffix", sorted(SAMPLES))
@FUZZ
@given(edits=st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)), min_size=1, max_size=6),
       cut=st.floats(0.05, 1))
def test_damaged_real_documents(tmp_path, suffix, edits, cut):
    data = bytearray(SAMPLES[suffix])
    for where, value in edits:
        data[int(where * len(data))] = value
    _check(tmp_path / f"d{suffix}", bytes(data[: max(1, int(cut * len(data)))]))


@pytest.mark.parametrize("suffix", [".docx", ".odt", ".epub"])
def test_zipped_documents_with_a_missing_part(tmp_path, suffix):
    src = tmp_path / f"src{suffix}"
    src.write_bytes(SAMPLES[suffix])
    with zipfile.ZipFile(src) as z:
        names = z.namelist()
    for drop in names:
        out = tmp_path / f"drop{suffix}"
        with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w") as zout:
            for n in names:
                if n != drop:
                    zout.writestr(n, zin.read(n))
        _check(out, out.read_bytes())
