"""Promises the README makes about `normfit train` and `normfit class` that had
no test (issue 24, item 10), each through the command line's real door."""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time

from desktop.cli import main
from desktop.engine import notes

from .conftest import ROOT, synthetic_text


def _train(tmp_path, tiny_base_dir, docs_dir, *extra, json_out=True):
    out = tmp_path / "mine.safetensors"
    args = ["train", str(docs_dir), "--base", str(tiny_base_dir), "--out", str(out), "--threads", "1", *extra]
    return out, args + (["--json"] if json_out else [])


def test_nothing_is_saved_when_no_step_beat_the_base_and_the_cli_says_the_windows_sentence(
        tmp_path, tiny_base_dir, docs_dir, monkeypatch, capsys):
    """At rate 1e-12 (below float32 resolution of gains near 1) no step can beat
    the base: no adapter anywhere (not --out, not
    the adapters folder), and stderr carries the notes.py sentence the window
    shows, word for word."""
    monkeypatch.setenv("NORMFIT_HOME", str(tmp_path / "home"))
    out, args = _train(tmp_path, tiny_base_dir, docs_dir, "--lr", "1e-12", "--steps", "3")
    assert main(args) == 0
    cap = capsys.readouterr()
    res = json.loads(cap.out)
    assert res["learned"] is False and res["best_step"] == 0 and res["adapter_path"] is None
    assert not out.exists()
    assert not list((tmp_path / "home").rglob("*.safetensors"))
    sentence = notes.NOTHING_LEARNED_LIMIT.format(limit=notes.pct(res["max_drift"]))
    assert res["notes"] == [sentence] and sentence in cap.err


def test_the_outcome_sentences_are_the_ones_the_window_shows(tmp_path, tiny_base_dir, docs_dir, monkeypatch,
                                                              capsys):
    """The command line prints outcome_notes() of its own result (the window's
    results step words the same notes), not a wording of its own; here with
    the general-text limit off, so the sentence is the one without a limit."""
    monkeypatch.setenv("NORMFIT_HOME", str(tmp_path / "home"))
    seen = []
    real = notes.outcome_notes
    monkeypatch.setattr(notes, "outcome_notes", lambda r, *a, **k: seen.append(r) or real(r, *a, **k))
    _, args = _train(tmp_path, tiny_base_dir, docs_dir, "--lr", "1e-12", "--steps", "3", "--max-drift", "none")
    assert main(args) == 0
    cap = capsys.readouterr()
    res = json.loads(cap.out)
    (result,) = seen
    assert [n.text for n in real(result)] == res["notes"] == [notes.NOTHING_LEARNED]
    assert notes.NOTHING_LEARNED in cap.err


def test_the_95_percent_range_line_is_the_jsons_margin(tmp_path, tiny_base_dir, docs_dir, monkeypatch, capsys):
    monkeypatch.setenv("NORMFIT_HOME", str(tmp_path / "home"))
    out, args = _train(tmp_path, tiny_base_dir, docs_dir, "--steps", "3", "--lr", "0.05")
    assert main(args) == 0
    res = json.loads(capsys.readouterr().out)
    out.unlink(missing_ok=True)
    assert main(args[:-1]) == 0                   # the same seeded run, in words
    text = capsys.readouterr().out
    m = re.search(r"95% range \+-(\d+\.\d)% over the (\d+) windows measured", text)
    assert m, text
    assert float(m.group(1)) == round(res["heldout_change_margin_pct"], 1)
    assert int(m.group(2)) == res["heldout_windows"] > 0


def test_a_long_selection_says_it_trained_on_a_sample(tmp_path, tiny_base_dir, monkeypatch, capsys):
    """More text than the budget can use (2 MB at the least): a seeded sample,
    and the command line says how much of the text it was."""
    monkeypatch.setenv("NORMFIT_HOME", str(tmp_path / "home"))
    docs = tmp_path / "many"
    docs.mkdir()
    chunk = synthetic_text(60_000, seed=3)                     # ~0.33 MB each, ~3.5 MB to train on
    for i in range(14):
        (docs / f"d{i}.txt").write_text(f"Part {i}.\n" + chunk, encoding="utf-8")
    assert main(["train", str(docs), "--base", str(tiny_base_dir), "--steps", "1", "--threads", "1",
                 "--minutes", "0.2", "--out", str(tmp_path / "a.safetensors")]) == 0
    m = re.search(r"training tokens \(a sample: (\d+)% of the training text, as much as the time allows\)",
                  capsys.readouterr().err)
    assert m and 0 < int(m.group(1)) < 100


def test_ctrl_c_stops_normfit_class_with_exit_130_and_keeps_what_is_finished(tmp_path, tiny_base_dir):
    folder = tmp_path / "class"
    for i, name in enumerate(("Anu", "Bala")):
        (folder / name).mkdir(parents=True)
        for j in range(2):
            (folder / name / f"e{j}.txt").write_text(synthetic_text(900, seed=10 * i + j), encoding="utf-8")
    env = {**os.environ, "NORMFIT_HOME": str(tmp_path / "home")}
    p = subprocess.Popen([sys.executable, "-m", "desktop", "class", str(folder), "--minutes", "2", "--threads", "1",
                          "--base", str(tiny_base_dir)], cwd=ROOT, env=env, stderr=subprocess.PIPE,
                         stdout=subprocess.PIPE, text=True)
    try:
        t0 = time.monotonic()
        for line in p.stderr:                  # wait until the first student is training
            if "Anu" in line or time.monotonic() - t0 > 120:
                break
        time.sleep(1.0)
        p.send_signal(signal.SIGINT)
        rest, _ = p.communicate(timeout=120)
        err = p.stderr.read() if p.stderr and not p.stderr.closed else ""
    finally:
        if p.poll() is None:
            p.kill()
    assert p.returncode == 130, (rest, err)
    results = folder / "normfit-results"
    assert (results / "class-report.html").is_file()
    assert json.loads((results / "class-state.json").read_text(encoding="utf-8"))["format"] == "normfit.class"
