"""Limits while reading a person's selection: big files and big selections get
a message, not a crash; memory stays bounded; thousands of files show
progress and can be cancelled; identical documents count once; hidden and
system files are skipped."""
from __future__ import annotations

import os
import tracemalloc
from pathlib import Path

import pytest

from desktop.engine import documents
from desktop.engine.documents import ReadProgress, collect, read_file

from .test_formats import is_one_sentence


def _text(i: int, words: int = 20) -> str:
    return " ".join(f"word{i}x{j}" for j in range(words)) + "\n"


def test_a_file_over_50_mb_gets_a_message_and_is_not_read(tmp_path, monkeypatch):
    import builtins
    big = tmp_path / "huge.txt"
    with big.open("wb") as f:
        f.truncate(51 * 2**20)
    opened = []
    real_open = builtins.open
    monkeypatch.setattr(builtins, "open", lambda file, *a, **k: opened.append(str(file)) or real_open(file, *a, **k))
    col = collect([big])
    assert str(big) not in opened
    assert not col.documents
    msg = col.refused[0].reason
    assert "50 MB" in msg and is_one_sentence(msg)


def test_a_selection_over_the_limit_keeps_what_fits_and_says_why_the_rest_was_left_out(tmp_path, monkeypatch):
    monkeypatch.setattr(documents, "MAX_TOTAL_CHARS", 1000)
    for i, n in enumerate([60, 60, 60, 5, 60]):       # ~ 12 characters a word
        (tmp_path / f"{i}.txt").write_text(_text(i, n), encoding="utf-8")
    calls = []
    real = documents.read_file
    monkeypatch.setattr(documents, "read_file", lambda p: calls.append(Path(p).name) or real(p))
    col = collect([tmp_path])
    kept = [Path(d.path).name for d in col.documents]
    assert kept == ["0.txt", "3.txt"]                 # 1.txt and 2.txt no longer fit; 3.txt is small
    assert col.chars <= 1000
    assert {r.name for r in col.refused} == {"1.txt", "2.txt", "4.txt"}
    for r in col.refused:
        assert "left out" in r.reason and is_one_sentence(r.reason)


def test_once_the_selection_is_full_the_remaining_files_are_not_even_read(tmp_path, monkeypatch):
    monkeypatch.setattr(documents, "MAX_TOTAL_CHARS", 100)
    for i in range(5):
        (tmp_path / f"{i}.txt").write_text("x" * 100, encoding="utf-8") if i == 0 else \
            (tmp_path / f"{i}.txt").write_text(_text(i), encoding="utf-8")
    calls = []
    real = documents.read_file
    monkeypatch.setattr(documents, "read_file", lambda p: calls.append(p) or real(p))
    col = collect([tmp_path])
    assert len(col.documents) == 1 and len(col.refused) == 4
    assert len(calls) == 1


def test_thousands_of_files_report_progress_and_can_be_cancelled(tmp_path):
    root = tmp_path / "archive"
    for i in range(2000):
        d = root / f"year{i % 20}"
        d.mkdir(parents=True, exist_ok=True)
        (d / f"note{i}.txt").write_text(_text(i, 5), encoding="utf-8")
    events: list[ReadProgress] = []
    col = collect([root], on_event=events.append)
    assert len(col.documents) == 2000 and not col.cancelled
    assert {e.total for e in events} == {2000}
    assert [e.done for e in events] == list(range(2001))
    # Cancel part-way: the job stops before the next file and says so.
    seen = []
    col = collect([root], on_event=seen.append, should_stop=lambda: len(seen) >= 300)
    assert col.cancelled
    assert 250 <= len(col.documents) <= 300


def test_cancel_while_listing_a_huge_folder(tmp_path):
    for i in range(50):
        (tmp_path / f"{i}.txt").write_text(_text(i), encoding="utf-8")
    col = collect([tmp_path], should_stop=lambda: True)
    assert col.cancelled and not col.documents


def test_identical_documents_count_once(tmp_path):
    (tmp_path / "a.txt").write_text("The same letter, twice over.\n", encoding="utf-8")
    (tmp_path / "copy").mkdir()
    (tmp_path / "copy" / "a (1).txt").write_text("The same letter, twice over.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("The same letter, twice over.\r\n", encoding="utf-8")   # only line ends differ
    (tmp_path / "c.txt").write_text("A different letter.\n", encoding="utf-8")
    col = collect([tmp_path, tmp_path / "a.txt"])     # a.txt named twice: read once, silently
    assert sorted(Path(d.path).name for d in col.documents) == ["a.txt", "c.txt"]
    assert sorted(Path(p).name for p in col.duplicates) == ["a (1).txt", "b.md"]


def test_hidden_and_system_files_are_skipped(tmp_path):
    keep = tmp_path / "notes.txt"
    keep.write_text("Mine.", encoding="utf-8")
    junk = [".hidden.txt", ".git/config.txt", "~$report.docx", "Thumbs.db", "desktop.ini", "__MACOSX/notes.txt",
            "node_modules/lib.js", "__pycache__/m.py", ".DS_Store", "sub/.cache/x.md"]
    for j in junk:
        p = tmp_path / j
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(f"junk {j}", encoding="utf-8")
    col = collect([tmp_path])
    assert [Path(d.path).name for d in col.documents] == ["notes.txt"]
    assert not col.refused
    # A hidden file the person names explicitly is theirs to read.
    assert collect([tmp_path / ".hidden.txt"]).documents


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_a_folder_that_links_to_itself_does_not_loop(tmp_path):
    (tmp_path / "a.txt").write_text("Once.", encoding="utf-8")
    os.symlink(tmp_path, tmp_path / "loop")
    col = collect([tmp_path])
    assert [Path(d.path).name for d in col.documents] == ["a.txt"]


def test_memory_stays_bounded_one_file_at_a_time(tmp_path):
    """40 files of 1 MB with the same text: reading holds one file at a time
    and keeps one copy, so the peak is a few MB, not 40."""
    block = ("All work and no play makes a dull afternoon. " * 23_000)[: 2**20]
    for i in range(40):
        (tmp_path / f"{i:02d}.txt").write_text(block, encoding="utf-8")
    tracemalloc.start()
    try:
        col = collect([tmp_path])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(col.documents) == 1 and len(col.duplicates) == 39
    assert peak < 12 * 2**20, f"peak {peak / 2**20:.1f} MB"


def test_a_file_that_grows_after_it_was_measured_is_not_read_past_the_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(documents, "MAX_FILE_BYTES", 1000)
    f = tmp_path / "growing.txt"
    f.write_text("x" * 5000, encoding="utf-8")
    # It measured 500 bytes when opened and has grown to 5,000 since.
    real_fstat = os.fstat

    def fstat(fd):
        st = real_fstat(fd)
        return os.stat_result((st.st_mode, st.st_ino, st.st_dev, st.st_nlink, st.st_uid, st.st_gid, 500,
                               st.st_atime, st.st_mtime, st.st_ctime))
    monkeypatch.setattr(os, "fstat", fstat)
    with pytest.raises(documents.DocumentError, match="at most"):
        documents.read_bytes(f, documents.MAX_FILE_BYTES)
    monkeypatch.undo()
    monkeypatch.setattr(documents, "MAX_FILE_BYTES", 1000)
    assert "MB" in collect([f]).refused[0].reason


def test_a_file_that_cannot_be_read_is_a_refusal_not_a_crash(tmp_path, monkeypatch):
    f = tmp_path / "locked.txt"
    f.write_text("secret", encoding="utf-8")

    def deny(*a, **k):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(documents, "read_bytes", deny)
    with pytest.raises(documents.DocumentError, match="not allowed") as e:
        read_file(f)
    assert is_one_sentence(str(e.value))
