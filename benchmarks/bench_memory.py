"""Peak memory (whole-process RSS, sampled from outside) of a NormFit norm-only
job against a HF transformers + PEFT (LNTuning) norm-only loop of the same
shape, each for the same number of seconds, one after the other:

- NormFit: `normfit train DOCS --minutes M --threads 1` (reading, splitting,
  measuring before and after, the guard's replay: the whole job);
- peer, default settings: batch 8 in one backward, glibc's default arenas;
- peer, like for like: micro-batches of 2 accumulated to 8 and the allocator
  tuned as NormFit tunes it (desktop/engine/device.tune_allocator).

    .venv/bin/python benchmarks/bench_memory.py [--seconds 120] [--docs FOLDER]

DOCS defaults to the shared novelist fixture's training folder, else the
bundled novelist sample. Writes benchmarks/results/bench-memory.json.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.fixture_runs import PEER, peak_rss  # noqa: E402
from desktop.engine.device import cpu_name  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED_NOVELIST = ROOT.parent / "shared" / "data" / "users" / "novelist" / "train"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=120)
    ap.add_argument("--docs", default=None)
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "bench-memory.json"))
    a = ap.parse_args()
    docs = Path(a.docs) if a.docs else (SHARED_NOVELIST if SHARED_NOVELIST.is_dir()
                                         else ROOT / "assets" / "samples" / "novelist")
    py = sys.executable
    rows = {}
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, NORMFIT_HOME=str(Path(tmp) / "home"), OMP_NUM_THREADS="1")
        runs = {
            "normfit": [py, "-m", "desktop", "train", str(docs), "--minutes", str(a.seconds / 60), "--threads", "1",
                        "--out", str(Path(tmp) / "a.safetensors"), "--json"],
            "peer_default": [py, "-c", PEER, str(ROOT), str(a.seconds), "8", "0"],
            "peer_like_for_like": [py, "-c", PEER, str(ROOT), str(a.seconds), "2", "1"],
        }
        for name, cmd in runs.items():
            peak, wall, cp = peak_rss(cmd, env)
            if cp.returncode != 0:
                raise SystemExit(f"{name} failed: {cp.stderr.strip().splitlines()[-1:]}")
            rows[name] = {"peak_rss_mb": round(peak / 2**20), "wall_s": round(wall, 1)}
            print(name, rows[name], flush=True)
    n = rows["normfit"]["peak_rss_mb"]
    out = {"machine": cpu_name(), "cores": os.cpu_count(), "torch": torch.__version__,
           "python": platform.python_version(), "docs": str(docs), "seconds": a.seconds, "threads": 1,
           "rows": rows, "ratio_like_for_like": n / rows["peer_like_for_like"]["peak_rss_mb"],
           "ratio_default": n / rows["peer_default"]["peak_rss_mb"]}
    print(f"NormFit / peer like for like: {out['ratio_like_for_like']:.2f}x; "
          f"NormFit / peer default settings: {out['ratio_default']:.2f}x")
    Path(a.out).write_text(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
