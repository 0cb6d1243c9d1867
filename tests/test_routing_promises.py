"""What `normfit route` promises (README, docs/SHARING.md) and had no test for
(issue 24, item 10): adapters for another base are skipped with a sentence;
loose adapters are used only with --include-unsigned; --key uses only that
signer's entries; a tie goes to the base; an entry over 64 KB is refused."""
from __future__ import annotations

import dataclasses
import json

import pytest

from desktop.cli import main
from desktop.engine import share
from desktop.engine.base import releases

from .conftest import synthetic_text
from .hostile import norm_adapter, share_good

TEXT = synthetic_text(200, 7)


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("NORMFIT_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def route(capsys, folder, tiny_base_dir, *extra) -> dict:
    rc = main(["route", TEXT, "--adapters", str(folder), "--base", str(tiny_base_dir), "--json", *extra])
    assert rc == 0, capsys.readouterr().err
    return json.loads(capsys.readouterr().out)


def test_an_adapter_for_another_shipped_base_is_skipped_in_a_sentence(tmp_path, tiny_base, tiny_base_dir, capsys):
    shipped = releases()[0]                   # a release this NormFit ships, not the tiny one loaded
    other = dataclasses.replace(tiny_base, sha256=shipped.sha256, base_id=shipped.base_id)
    folder = tmp_path / "stick"
    folder.mkdir()
    mine = share_good(folder, tmp_path, tiny_base, 1)[0]
    theirs = share.share_adapter(norm_adapter(tmp_path / "other.safetensors", other, 5), folder)
    r = route(capsys, folder, tiny_base_dir)
    assert len(r["scores"]) == 2 and "student 0" in r["scores"][0]["name"] + r["scores"][1]["name"]
    assert mine.adapter.exists()
    (skip,) = r["skipped"]
    assert skip["file"] == theirs.adapter.name
    assert f"made for another base model ({shipped.base_id})" in skip["reason"]


def test_loose_adapters_only_with_include_unsigned(tmp_path, tiny_base, tiny_base_dir, capsys):
    folder = tmp_path / "stick"
    folder.mkdir()
    share_good(folder, tmp_path, tiny_base, 1)
    loose = norm_adapter(folder / "loose.safetensors", tiny_base, 9, label="loose one")
    r = route(capsys, folder, tiny_base_dir)
    assert len(r["scores"]) == 2 and [s["file"] for s in r["skipped"]] == [loose.name]
    assert "no signed directory entry" in r["skipped"][0]["reason"]
    r = route(capsys, folder, tiny_base_dir, "--include-unsigned")
    assert len(r["scores"]) == 3 and not r["skipped"]


def test_key_uses_only_that_signers_entries(tmp_path, tiny_base, tiny_base_dir, capsys):
    """Two signers in one folder: by default only the person's own key (the
    other is not trusted); with --key THEIRS, only theirs."""
    folder = tmp_path / "stick"
    folder.mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    mine = share_good(folder, tmp_path / "a", tiny_base, 2)
    theirs = share_good(folder, tmp_path / "b", tiny_base, 1, key_folder=tmp_path / "their-keys")
    their_key = theirs[0].entry_data["public_key"]
    assert their_key != mine[0].entry_data["public_key"]
    fp = share.fingerprint(their_key)
    r = route(capsys, folder, tiny_base_dir)
    assert len(r["scores"]) == 3 and all(s["signer"] != fp for s in r["scores"])
    r = route(capsys, folder, tiny_base_dir, "--key", their_key)
    assert [s["signer"] for s in r["scores"] if s["name"] != "base model"] == [fp]


def test_a_tie_goes_to_the_base(tmp_path, tiny_base, tiny_base_dir, capsys):
    """An adapter that changes nothing scores exactly as the base: the base stays
    the best fit (an adapter must do better, not as well, to be chosen)."""
    folder = tmp_path / "stick"
    folder.mkdir()
    share.share_adapter(norm_adapter(tmp_path / "same.safetensors", tiny_base, 1, label="no change", scale=0.0),
                        folder, known={tiny_base.sha256: tiny_base.base_id})
    r = route(capsys, folder, tiny_base_dir)
    assert len(r["scores"]) == 2 and r["scores"][0]["ppl"] == r["scores"][1]["ppl"]
    assert r["best_is_base"] and r["best"] == "base model"


def test_an_entry_over_64_kb_is_refused_in_a_sentence(tmp_path, tiny_base, tiny_base_dir, capsys):
    """A valid, signed entry padded past 64 KB (JSON allows the spaces; the
    signature still verifies): refused unread by verify and by route."""
    folder = tmp_path / "stick"
    folder.mkdir()
    good, padded = share_good(folder, tmp_path, tiny_base, 2)
    raw = padded.entry.read_bytes()
    padded.entry.write_bytes(raw + b" " * (64 * 1024 + 1 - len(raw)))     # the promise, not the constant
    assert main(["verify", str(good.entry), "--base", str(tiny_base_dir)]) == 0
    assert main(["verify", str(padded.entry), "--base", str(tiny_base_dir)]) == 2
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.startswith("normfit:")]
    assert len(lines) == 1 and "Traceback" not in err
    r = route(capsys, folder, tiny_base_dir)
    assert len(r["scores"]) == 2
    assert [s["file"] for s in r["skipped"]] == [padded.entry.name]
