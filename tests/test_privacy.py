"""An exported adapter is meant to be shared, so it must hold nothing about the
person: no file name, no folder or path, no user or computer name, no text
from their documents. Proved by searching the file's bytes."""
from __future__ import annotations

import getpass
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.engine.adapter_file import ALLOWED_META, parse
from desktop.engine.api import collect, export_adapter, general_set, personalise, prepare_documents
from desktop.engine.train import TrainConfig

from .conftest import ROOT, synthetic_text

SECRET_WORDS = ["Zwiebelkuchen", "Marguerite", "Quillsworth", "Vandermeer"]


def _private_documents(tmp_path: Path) -> tuple[Path, list[Path]]:
    folder = tmp_path / "Marguerite-Private-Diaries" / "Vandermeer family"
    folder.mkdir(parents=True)
    files = []
    for i in range(3):
        text = (f"Dear diary, Marguerite Zwiebelkuchen here, writing from 14 Quillsworth Lane. "
                + synthetic_text(900, seed=40 + i))
        f = folder / f"Diary of Marguerite Zwiebelkuchen {i}.txt"
        f.write_text(text, encoding="utf-8")
        files.append(f)
    return folder, files


def _forbidden(folder: Path, files: list[Path]) -> list[str]:
    needles = set(SECRET_WORDS)
    for f in files:
        needles |= {f.name, f.stem, str(f), str(f.parent)}
    needles |= {part for part in folder.parts if len(part) > 3}
    for name in (getpass.getuser(), socket.gethostname(), os.path.expanduser("~")):
        if name and len(name) > 3 and name not in ("root", "user"):
            needles.add(name)
    return sorted(needles)


def _document_snippets(files: list[Path], width: int = 24) -> set[str]:
    """Every run of `width` characters of the documents (stepping by 7)."""
    out = set()
    for f in files:
        t = f.read_text(encoding="utf-8")
        out |= {t[i:i + width] for i in range(0, max(1, len(t) - width), 7)}
    return out


def assert_nothing_private(data: bytes, folder: Path, files: list[Path]) -> None:
    lowered = data.lower()
    for needle in _forbidden(folder, files):
        for enc in ("utf-8", "utf-16-le"):
            assert needle.lower().encode(enc) not in lowered, f"the adapter holds {needle!r}"
    for snippet in _document_snippets(files):
        assert snippet.encode("utf-8") not in data, f"the adapter holds document text {snippet!r}"
    af = parse(data)
    assert set(af.metadata) <= ALLOWED_META
    assert "label" not in af.metadata
    assert set(af.metadata.get("general_set", "reference").split()) <= {"reference", "samples", "from", "the",
                                                                        "base", "model", "given", "file"}


def test_an_exported_adapter_holds_no_names_paths_or_text(tiny_base, tmp_path):
    folder, files = _private_documents(tmp_path)
    data = prepare_documents(tiny_base, collect([folder]).documents)
    general_file = folder / "Quillsworth general text.txt"
    general_file.write_text(synthetic_text(400, seed=3), encoding="utf-8")
    general = general_set(tiny_base, general_file)
    result = personalise(tiny_base, data, TrainConfig(method="norm", max_steps=3, minutes=1, select_best=False),
                         general)
    out = folder / "Marguerite adapter.safetensors"
    export_adapter(out, result, tiny_base, general=general)
    assert_nothing_private(out.read_bytes(), folder, files + [general_file])


@pytest.mark.skipif(os.name != "posix", reason="runs the command line in a child process")
def test_the_command_line_exports_nothing_private_either(tiny_base_dir, tmp_path):
    folder, files = _private_documents(tmp_path)
    out = tmp_path / "Marguerite Zwiebelkuchen.safetensors"
    env = {**os.environ, "NORMFIT_HOME": str(tmp_path / "home")}
    run = subprocess.run([sys.executable, "-m", "desktop", "train", str(folder), "--base", str(tiny_base_dir),
                          "--out", str(out), "--steps", "3", "--minutes", "1", "--threads", "1"],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert_nothing_private(out.read_bytes(), folder, files)


def test_the_search_would_catch_a_leak(tmp_path):
    """The checker itself: a label holding a file name is found."""
    from desktop.engine.adapter_file import to_bytes

    from .test_adapter_fuzz import gains, metadata
    folder, files = _private_documents(tmp_path)
    leaky = to_bytes(gains(), metadata(label=files[0].stem))
    with pytest.raises(AssertionError, match="the adapter holds"):
        assert_nothing_private(leaky, folder, files)
