"""`normfit pretrain` end to end on a tiny corpus and model (seconds): a release
the app loads, prepare-only then train from the prepared tokens, continuing a
release, one-sentence refusals, and the GPU tool's packing of the token stream."""
from __future__ import annotations

import json
import sys

import numpy as np
import pytest

from desktop.cli import main
from desktop.engine.base import load_base

from .conftest import ROOT, synthetic_text

TINY = ["--vocab-size", "300", "--d-model", "32", "--n-layers", "1", "--n-heads", "2", "--ffn-dim", "64",
        "--context-length", "32", "--batch-size", "4", "--stdlib-mb", "0", "--no-compile", "--device", "cpu",
        "--warmup-steps", "2", "--threads", "1"]


@pytest.fixture
def corpus(tmp_path):
    d = tmp_path / "corpus"
    d.mkdir()
    for i in range(3):
        (d / f"part{i}.txt").write_text(synthetic_text(3000, seed=40 + i), encoding="utf-8")
    (d / "more.jsonl").write_text("\n".join(json.dumps({"text": synthetic_text(500, seed=50 + i)})
                                            for i in range(4)), encoding="utf-8")
    return d


def pretrain(*args: str) -> int:
    return main(["pretrain", *args])


def test_pretrain_writes_a_release_the_app_loads(tmp_path, corpus):
    out, work = tmp_path / "rel", tmp_path / "work"
    assert pretrain("--corpus", str(corpus), "--out", str(out), "--work", str(work), "--minutes", "0.03",
                    "--base-id", "normfit-test-pre", *TINY) == 0
    base = load_base(out)
    assert base.base_id == "normfit-test-pre" and base.config.d_model == 32
    training = base.info["training"]
    assert training["steps"] > 0 and training["tokens_seen"] == training["steps"] * 4 * 32
    assert training["data"]["documents"] == 7
    # The guard's sets come from the final weights, with the release's own hash.
    assert base.reference_set() is not None and (out / "replay.safetensors").is_file()
    assert (out / "MODEL_CARD.md").read_text(encoding="utf-8").count("normfit-test-pre") >= 1


def test_prepare_only_then_train_from_the_prepared_tokens(tmp_path, corpus):
    out, work = tmp_path / "rel", tmp_path / "work"
    assert pretrain("--prepare-only", "--corpus", str(corpus), "--out", str(out), "--work", str(work), *TINY) == 0
    assert not (out / "model.safetensors").exists()
    prepared = np.load(work / "tokens.npy")
    assert len(prepared) > 5000
    # No corpus needed now; --max-tokens trains on the start of the stream only.
    assert pretrain("--out", str(out), "--work", str(work), "--minutes", "0.02", "--max-tokens", "4000",
                    *TINY) == 0
    assert load_base(out).info["training"]["data"]["tokens_used"] == 4000


def test_continuing_a_release_keeps_its_tokenizer_and_shape_and_says_so(tmp_path, corpus):
    first, second = tmp_path / "one", tmp_path / "two"
    assert pretrain("--corpus", str(corpus), "--out", str(first), "--work", str(tmp_path / "w1"),
                    "--minutes", "0.02", "--base-id", "normfit-test-a", *TINY) == 0
    a = load_base(first)
    assert pretrain("--corpus", str(corpus), "--out", str(second), "--work", str(tmp_path / "w2"),
                    "--minutes", "0.02", "--init-from", str(first), "--base-id", "normfit-test-b",
                    "--d-model", "64", *TINY[2:]) == 0     # a different width is ignored: the release's shape wins
    b = load_base(second)
    assert b.config == a.config and b.sha256 != a.sha256
    assert (second / "tokenizer.json").read_bytes() == (first / "tokenizer.json").read_bytes()
    t = b.info["training"]
    assert t["continued_from"]["base_sha256"] == a.sha256
    assert t["tokens_seen"] == a.info["training"]["tokens_seen"] + t["this_run"]["tokens_seen"]


@pytest.mark.parametrize("case, words", [
    ("missing", "does not exist"), ("empty", "holds no .jsonl or .txt"), ("no-corpus", "Give --corpus"),
    ("bad-release", "does not exist")])
def test_bad_pretrain_input_is_one_sentence_and_exit_2(tmp_path, capsys, case, words):
    empty = tmp_path / "empty"
    empty.mkdir()
    args = {"missing": ["--corpus", str(tmp_path / "nope")], "empty": ["--corpus", str(empty)],
            "no-corpus": [], "bad-release": ["--corpus", str(empty), "--init-from", str(tmp_path / "x")]}[case]
    if case == "bad-release":
        (empty / "a.txt").write_text("some text", encoding="utf-8")
    rc = pretrain(*args, "--out", str(tmp_path / "rel"), "--work", str(tmp_path / "work"), *TINY)
    err = capsys.readouterr().err.strip().splitlines()
    assert rc == 2 and len(err) == 1 and words in err[0] and "Traceback" not in err[0]
    assert not (tmp_path / "rel").exists()


def test_gpu_tool_packs_a_prefix_that_fits_and_unpacks_it_exactly(tmp_path):
    sys.path.insert(0, str(ROOT / "tools"))
    import gpu_pretrain
    work = tmp_path / "work"
    work.mkdir()
    rng = np.random.default_rng(0)
    tokens = rng.integers(0, 4096, size=3_000_000).astype(np.uint16)   # random: barely compressible
    np.save(work / "tokens.npy", tokens)
    (work / "tokenizer.json").write_text("{}")
    (work / "data.json").write_text(json.dumps({"tokens": len(tokens)}))
    limit = 2_000_000
    meta = gpu_pretrain.pack(work, limit, out=tmp_path / "pack")
    assert (tmp_path / "pack" / "tokens.u16.xz").stat().st_size <= limit
    n = meta["tokens_packed"]
    assert 1_000_000 <= n < len(tokens)
    gpu_pretrain.unpack(tmp_path / "pack", tmp_path / "there")
    assert np.array_equal(np.load(tmp_path / "there" / "tokens.npy"), tokens[:n])


def test_resume_continues_from_the_work_folders_checkpoint(tmp_path, corpus, capsys):
    """`--resume`: the step count, tokens and optimiser go on from the
    checkpoint (and it says from which step), for another --minutes."""
    out, work = tmp_path / "rel", tmp_path / "work"
    args = ["--corpus", str(corpus), "--out", str(out), "--work", str(work), "--minutes", "0.03", *TINY]
    assert pretrain(*args) == 0
    first = load_base(out).info["training"]
    assert first["steps"] > 0 and (work / "checkpoint.pt").is_file()
    capsys.readouterr()
    assert pretrain(*args, "--resume") == 0
    assert f"resumed at step {first['steps']}," in capsys.readouterr().err
    again = load_base(out).info["training"]
    assert again["steps"] > first["steps"] and again["tokens_seen"] == again["steps"] * 4 * 32
    assert again["seconds"] >= first["seconds"]
