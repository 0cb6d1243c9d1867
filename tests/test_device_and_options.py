"""Device choice with mocked probes (CUDA and MPS have never run here), and the
training options of the command line: protocols with explicit flags winning,
--label, --lr, --method, the default save folder, and options refused before
any document is read."""
from __future__ import annotations

import json

import pytest
import torch

from desktop import cli
from desktop.engine import device


@pytest.fixture
def probes(monkeypatch):
    def set_(cuda: bool, mps: bool):
        monkeypatch.setattr(torch.cuda, "is_available", lambda: cuda)
        monkeypatch.setattr(torch.cuda, "get_device_name", lambda i=0: "Fake RTX")
        monkeypatch.setattr(torch.backends.mps, "is_available", lambda: mps)
    return set_


@pytest.mark.parametrize("cuda, mps, kind, name", [(True, True, "cuda", "Fake RTX"), (False, True, "mps", "Apple GPU"),
                                                   (False, False, "cpu", "CPU"), (True, False, "cuda", "Fake RTX")])
def test_auto_prefers_cuda_then_mps_then_cpu(probes, cuda, mps, kind, name):
    probes(cuda, mps)
    threads = torch.get_num_threads()
    try:
        info = device.detect("auto", threads=1)
        assert (info.kind, info.name, info.threads) == (kind, name, 1)
        assert info.torch_device.type == kind
    finally:
        torch.set_num_threads(threads)


@pytest.mark.parametrize("asked, words", [("cuda", "No CUDA graphics card"), ("mps", "Apple MPS is not available"),
                                          ("tpu", "Unknown device")])
def test_asking_for_an_absent_device_is_one_sentence(probes, asked, words):
    probes(False, False)
    with pytest.raises(ValueError, match=words):
        device.detect(asked)


def test_the_command_line_refuses_an_absent_gpu_with_exit_2(probes, tiny_base_dir, docs_dir, capsys):
    probes(False, False)
    rc = cli.main(["train", str(docs_dir), "--device", "cuda", "--base", str(tiny_base_dir), "--steps", "1"])
    err = capsys.readouterr().err.strip().splitlines()
    assert rc == 2 and len(err) == 1 and "No CUDA graphics card" in err[0]


def _config(*args):
    from desktop.cli.train import _train_config
    return _train_config(cli.build_parser().parse_args(["train", "docs", *args]), "norm")


def test_a_protocol_sets_its_values_and_explicit_flags_win():
    c = _config("--protocol", "bet49")
    assert (c.minutes, c.max_steps, c.lr, c.select_best, c.max_drift) == (5.0, 100, 5e-5, False, None)
    c = _config("--protocol", "bet49", "--steps", "7", "--lr", "0.02", "--minutes", "1", "--max-drift", "5")
    assert (c.minutes, c.max_steps, c.lr, c.select_best, c.max_drift) == (1.0, 7, 0.02, False, 0.05)
    c = _config()
    assert (c.minutes, c.max_drift, c.adapt) == (5.0, 0.03, True)


@pytest.mark.parametrize("bad, words", [(["--max-drift", "lots"], "--max-drift"), (["--lr", "-1"], "--lr"),
                                        (["--steps", "0"], "--steps"), (["--protocol", "magic"], "invalid choice")])
def test_bad_training_options_are_refused_before_any_document_is_read(bad, words, tmp_path, monkeypatch, capsys):
    from desktop.engine import documents
    read = []
    monkeypatch.setattr(documents, "read_file", lambda p: read.append(p))
    (tmp_path / "a.txt").write_text("words " * 2000, encoding="utf-8")
    rc = cli.main(["train", str(tmp_path), *bad])
    err = capsys.readouterr().err
    assert rc == 2 and words in err and read == []


@pytest.mark.parametrize("method", ["lora", "full"])
def test_label_lr_and_method_reach_the_saved_file(method, tiny_base_dir, docs_dir, tmp_path, monkeypatch, capsys):
    from desktop.engine.adapter_file import parse
    monkeypatch.setenv("NORMFIT_HOME", str(tmp_path / "home"))
    out = tmp_path / f"{method}.safetensors"
    rc = cli.main(["train", str(docs_dir), "--method", method, "--label", "Anu K.", "--lr", "0.02", "--steps", "2",
                   "--base", str(tiny_base_dir), "--out", str(out), "--json"])
    assert rc == 0
    res = json.loads(capsys.readouterr().out)
    assert res["method"] == method and res["lr"] == 0.02
    meta = parse(out.read_bytes()).metadata
    assert (meta["method"], meta["label"], float(meta["lr"])) == (method, "Anu K.", 0.02)


def test_norm_adapters_go_to_the_user_folder_by_default(tiny_base_dir, docs_dir, tmp_path, monkeypatch, capsys):
    home = tmp_path / "home"
    monkeypatch.setenv("NORMFIT_HOME", str(home))
    assert cli.main(["train", str(docs_dir), "--steps", "2", "--base", str(tiny_base_dir), "--label", "Anu",
                     "--json"]) == 0
    res = json.loads(capsys.readouterr().out)
    saved = [p for p in (home / "adapters").iterdir()]
    assert len(saved) == 1 and str(saved[0]) == res["adapter_path"] and saved[0].name.startswith("Anu")
