"""The command line: exit codes 0 / 2 / 1, one clear line for bad input, JSON for machines."""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, synthetic_text

REQUIRED = ("method steps seconds tokens_per_s train_tokens heldout_ppl_before heldout_ppl_after "
            "heldout_bpb_before heldout_bpb_after general_ppl_before general_ppl_after trainable_params "
            "adapter_path adapter_bytes").split()


def run(*args, home=None, check=None):
    env = dict(os.environ, NORMFIT_HOME=str(home) if home else os.environ.get("NORMFIT_HOME", "/tmp/nf-home"))
    p = subprocess.run([sys.executable, "-m", "desktop", *map(str, args)], capture_output=True, text=True,
                       cwd=ROOT, env=env, timeout=300)
    return p


def one_line(stderr: str) -> str:
    lines = [l for l in stderr.strip().splitlines() if l.startswith("normfit:")]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


def test_train_json_and_inspect(tiny_base_dir, docs_dir, tmp_path):
    out = tmp_path / "me.safetensors"
    p = run("train", docs_dir, "--steps", "3", "--minutes", "1", "--base", tiny_base_dir, "--out", out,
            "--json", home=tmp_path)
    assert p.returncode == 0, p.stderr
    res = json.loads(p.stdout)
    for k in REQUIRED:
        assert k in res, k
    assert res["steps"] == 3 and res["method"] == "norm"
    assert Path(res["adapter_path"]) == out and out.stat().st_size == res["adapter_bytes"]
    assert "Device:" in p.stderr          # progress and device on stderr, not stdout
    i = run("inspect", out, "--base", tiny_base_dir, "--json")
    assert i.returncode == 0, i.stderr
    info = json.loads(i.stdout)
    assert info["fits_base"] is True and info["metadata"]["method"] == "norm"
    # Writing over it needs --force.
    again = run("train", docs_dir, "--steps", "1", "--base", tiny_base_dir, "--out", out)
    assert again.returncode == 2 and "--force" in one_line(again.stderr)
    e = run("eval", docs_dir, "--adapter", out, "--base", tiny_base_dir, "--json")
    assert e.returncode == 0, e.stderr
    assert {"base_ppl", "adapter_ppl", "base_bpb", "adapter_bpb"} <= set(json.loads(e.stdout))
    g = run("generate", "The river", "--adapter", out, "--tokens", "5", "--base", tiny_base_dir, "--json")
    assert g.returncode == 0, g.stderr
    assert set(json.loads(g.stdout)) == {"prompt", "base", "adapter"}


@pytest.mark.parametrize("args, fragment", [
    (["train", "/no/such/folder"], "does not exist"),
    (["train"], "required"),
    (["frobnicate"], "invalid choice"),
    (["train", "{docs}", "--minutes", "-3"], "positive"),
    (["train", "{docs}", "--device", "cuda"], "CUDA"),
    (["inspect", "{docs}/note0.txt"], "not a NormFit adapter"),
    (["train", "{small}"], "more words"),
    (["eval", "{docs}", "--adapter", "/no/file.safetensors"], "no file"),
])
def test_bad_input_is_one_line_and_exit_2(args, fragment, tiny_base_dir, docs_dir, tmp_path):
    if "--device" in args and __import__("torch").cuda.is_available():
        pytest.skip("this machine has CUDA")
    small = tmp_path / "small.txt"
    small.write_text(synthetic_text(200), encoding="utf-8")
    args = [a.format(docs=docs_dir, small=small) for a in args]
    if args[0] in ("train", "inspect", "eval") and len(args) > 1:
        args += ["--base", str(tiny_base_dir)]
    p = run(*args)
    assert p.returncode == 2, (p.returncode, p.stderr)
    assert fragment in one_line(p.stderr)


def test_broken_install_is_an_internal_error_exit_1(tiny_base_dir, docs_dir, tmp_path):
    broken = tmp_path / "broken"
    shutil.copytree(tiny_base_dir, broken)
    cfg = json.loads((broken / "config.json").read_text())
    cfg.pop("base_sha256")
    cfg["d_model"] = 48                  # weights no longer fit the declared shape
    (broken / "config.json").write_text(json.dumps(cfg))
    p = run("train", docs_dir, "--steps", "1", "--base", broken, home=tmp_path)
    assert p.returncode == 1
    assert "internal error" in one_line(p.stderr)
    assert list((tmp_path / "logs").glob("*.log"))      # details went to the log


def test_read_prints_text_and_refuses_binary(tmp_path):
    (tmp_path / "a.txt").write_text("hello there", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00binary")
    p = run("read", tmp_path / "a.txt", tmp_path / "b.txt")
    assert p.returncode == 2
    assert "hello there" in p.stdout and "binary" in p.stderr
    ok = run("read", tmp_path / "a.txt")
    assert ok.returncode == 0


def test_every_option_of_every_subcommand_has_a_help_line():
    import argparse
    from desktop.cli import build_parser
    missing = []
    for a in build_parser()._actions:
        if isinstance(a, argparse._SubParsersAction):
            for name, sp in a.choices.items():
                missing += [f"{name} {x.option_strings or x.dest}" for x in sp._actions
                            if x.help is None and x.dest != "help"]
    assert not missing, missing


def test_changes_are_said_as_better_or_worse_not_as_negative_better():
    from desktop.cli.common import _better
    assert _better(50.0, 40.0) == "20.0% better"
    assert _better(40.0, 41.0) == "2.5% worse"
    assert _better(40.0, 40.01) == "about the same"


def test_eval_reads_json_lines_records_and_refuses_a_bad_line(tiny_base_dir, tmp_path):
    good = tmp_path / "set.jsonl"
    good.write_text("\n".join(json.dumps({"text": synthetic_text(200, seed=s)}) for s in range(3)) + "\n",
                    encoding="utf-8")
    txt = tmp_path / "same.txt"
    txt.write_text(synthetic_text(200, seed=0), encoding="utf-8")
    p = run("eval", good, "--base", tiny_base_dir, "--json")
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout)["documents"] == 3
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "fine"}\n{"no text": 1}\n', encoding="utf-8")
    b = run("eval", bad, "--base", tiny_base_dir)
    assert b.returncode == 2 and "Line 2" in one_line(b.stderr)
