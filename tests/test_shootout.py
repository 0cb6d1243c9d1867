"""The shootout: verdict rules on hand-made numbers, and the whole quick pipeline."""
import json
import os
import subprocess
import sys

import pytest

from desktop.engine.pareto import GENERAL_TOLERANCE, beats_norm, dominates, verdict

from .conftest import ROOT, synthetic_text


def m(heldout, general, size):
    return {"heldout_ppl_after": heldout, "general_ppl_after": general, "adapter_bytes": size}


NORM_WINS = {"norm": m(20, 50, 6000), "lora": m(25, 50, 160000), "full": m(30, 49, 8_000_000)}
NORM_LOSES = {"norm": m(26, 50, 6000), "lora": m(25, 50, 160000), "full": m(30, 49, 8_000_000)}


def test_strict_lenient_catastrophic():
    assert verdict({"a": NORM_WINS, "b": NORM_WINS, "c": NORM_WINS})["label"] == "STRICT"
    assert verdict({"a": NORM_WINS, "b": NORM_WINS, "c": NORM_LOSES})["label"] == "LENIENT"
    assert verdict({"a": NORM_WINS, "b": NORM_LOSES, "c": NORM_LOSES})["label"] == "PARTIAL"
    assert verdict({"a": NORM_LOSES, "b": NORM_LOSES, "c": NORM_LOSES})["label"] == "CATASTROPHIC"
    v = verdict({"a": NORM_WINS, "b": NORM_WINS, "c": NORM_LOSES})
    assert v["users_dominated"] == {"a": True, "b": True, "c": False} and v["count"] == 2


def test_ties_do_not_dominate():
    assert not dominates(m(25, 50, 6000), m(25, 50, 160000))        # equal held-out perplexity
    assert not dominates(m(20, 50, 6000), m(25, 50, 6000))          # equal file size


def test_general_tolerance_edge():
    limit = 50 * (1 + GENERAL_TOLERANCE)
    assert dominates(m(20, limit, 6000), m(25, 50, 160000))         # exactly at the tolerance: no worse
    assert not dominates(m(20, limit * 1.0001, 6000), m(25, 50, 160000))
    # A missing general figure cannot block the verdict (no general set given).
    assert dominates(m(20, None, 6000), m(25, None, 160000))


def test_the_other_direction():
    # LoRA better for the user but 40% worse on general text: it does not beat norm-only.
    assert not beats_norm(m(26, 50, 6000), m(20, 70, 160000))
    assert beats_norm(m(26, 50, 6000), m(20, 52, 160000))                    # within tolerance
    assert not beats_norm(m(20, 50, 6000), m(20, 50, 160000))                # a tie is not better
    v = verdict({"a": {"norm": m(26, 50, 6000), "lora": m(20, 70, 160000), "full": m(19, 51, 8_000_000)}})
    assert v["label"] == "CATASTROPHIC" and v["norm_beaten_by"] == {"a": ["full"]}


def test_quick_shootout_end_to_end(tiny_base_dir, tmp_path):
    users = tmp_path / "users"
    for i, u in enumerate(("programmer", "novelist", "scientist")):
        (users / u / "train").mkdir(parents=True)
        (users / u / "heldout").mkdir(parents=True)
        for j in range(2):
            (users / u / "train" / f"t{j}.txt").write_text(synthetic_text(900, 100 * i + j), encoding="utf-8")
        (users / u / "heldout" / "h.txt").write_text(synthetic_text(400, 100 * i + 50), encoding="utf-8")
    general = tmp_path / "general.jsonl"
    general.write_text("\n".join(json.dumps({"text": synthetic_text(200, 900 + k)}) for k in range(3)),
                       encoding="utf-8")
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "desktop", "shootout", "--users", str(users), "--general", str(general),
           "--protocol", "tuned", "--seeds", "2", "--out", str(out), "--quick", "--base", str(tiny_base_dir), "--threads", "1"]
    p = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=600,
                       env=dict(os.environ, NORMFIT_HOME=str(tmp_path / "home")))
    assert p.returncode == 0, p.stderr
    rep = json.loads((out / "results.json").read_text())
    assert rep["complete"] and len(rep["runs"]) == 3 * 3 * 2
    assert {(r["user"], r["method"], r["seed"]) for r in rep["runs"]} == {
        (u, mm, s) for u in ("programmer", "novelist", "scientist") for mm in ("norm", "lora", "full")
        for s in (0, 1)}
    assert rep["verdict"]["label"] in ("STRICT", "LENIENT", "PARTIAL", "CATASTROPHIC")
    assert set(rep["controls"]["confusion"]) == {"programmer", "novelist", "scientist"}
    nf = rep["controls"]["noise_floor"]["novelist"]
    assert len(nf["random_same_change_draws"]) == 3 and nf["change_from_base"] > 0
    assert nf["random_same_change"] > 0 and nf["random_same_distance_from_1"] > 0
    assert (out / "adapters" / "norm_novelist_s1.safetensors").exists()
    assert not list((out / "adapters").glob("full_*"))           # large: only when asked
    assert all(r["threads"] == 1 and r["machine"] for r in rep["runs"])
    md = (out / "results.md").read_text()
    assert md.startswith("# Adapter shootout") and "1 thread(s) per run" in md
    assert "| tuned" not in md and "| novelist | norm | 0.01 |" in md     # the lr column
    assert (out / "heldout_ppl.png").stat().st_size > 1000
    # Cached: a rerun trains nothing and gives the same runs.
    p2 = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=600,
                        env=dict(os.environ, NORMFIT_HOME=str(tmp_path / "home")))
    assert p2.returncode == 0 and "lr" not in p2.stderr.split("verdict")[0].replace("tolerance", "")
    assert json.loads((out / "results.json").read_text())["runs"] == rep["runs"]
    # --report-only rebuilds the report from the cache, keeping the controls.
    (out / "results.md").unlink()
    p3 = subprocess.run(cmd + ["--report-only"], capture_output=True, text=True, cwd=ROOT, timeout=600,
                        env=dict(os.environ, NORMFIT_HOME=str(tmp_path / "home")))
    assert p3.returncode == 0, p3.stderr
    rep3 = json.loads((out / "results.json").read_text())
    assert sorted(map(json.dumps, rep3["runs"])) == sorted(map(json.dumps, rep["runs"]))
    assert rep3["controls"] == rep["controls"] and (out / "results.md").exists()


def test_bad_threads_is_one_sentence(tmp_path):
    users = tmp_path / "users"
    users.mkdir()
    p = subprocess.run([sys.executable, "-m", "desktop", "shootout", "--users", str(users), "--general",
                        str(tmp_path / "g.jsonl"), "--out", str(tmp_path / "o"), "--threads", "0"],
                       capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert p.returncode == 2 and "Traceback" not in p.stderr
    assert "--threads must be at least 1." in p.stderr


def test_report_only_without_runs_is_one_sentence(tmp_path):
    users = tmp_path / "users" / "novelist"
    (users / "train").mkdir(parents=True)
    (users / "heldout").mkdir()
    p = subprocess.run([sys.executable, "-m", "desktop", "shootout", "--users", str(tmp_path / "users"),
                        "--general", str(tmp_path / "g.jsonl"), "--out", str(tmp_path / "o"), "--report-only"],
                       capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert p.returncode == 2 and "Traceback" not in p.stderr
    assert "No cached tuned runs" in p.stderr
