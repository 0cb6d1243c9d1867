"""Time and peak memory of `normfit train` against the size of one document
(issue: a 19 MB file once took 137 s of a 30 s budget and 2.5 GB). For each
size, one plain-text file is made from the shared pretraining corpus's book
text (or, without ../shared, the project's own samples repeated), then

    normfit train big.txt --minutes M --threads 1 --json

runs as a person would, with its whole process's peak RSS sampled from
outside. Goal: within the budget + 5 s and at most 600 MB at every size.

    .venv/bin/python benchmarks/bench_input_size.py [--sizes 1 5 20 50] [--minutes 0.5]
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
from benchmarks.fixture_runs import peak_rss  # noqa: E402
from desktop.engine.device import cpu_name  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data" / "pretrain"


def source_text() -> tuple[str, str]:
    if SHARED.is_dir():
        texts = []
        for f in sorted(SHARED.glob("*.jsonl")):
            for line in f.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    d = json.loads(line)
                    if d.get("domain", "books") == "books":
                        texts.append(d["text"])
        return "\n\n".join(texts), f"{SHARED} (book text)"
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "assets" / "samples").rglob("*.txt"))]
    return "\n\n".join(texts), "assets/samples (repeated)"


def make_file(path: Path, text: str, mb: float) -> int:
    """A file of exactly `mb` MiB (cut back to a whole character), so that 50
    means the per-file limit itself (50 MiB; a 50.3 MB file was once refused)."""
    want = int(mb * 2**20)
    data = text.encode("utf-8")
    with path.open("wb") as f:
        n = 0
        while n < want:
            piece = data[: want - n]
            f.write(piece)
            n += len(piece)
    raw = path.read_bytes().decode("utf-8", errors="ignore").encode("utf-8")
    path.write_bytes(raw)
    return path.stat().st_size


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=float, nargs="+", default=[1, 5, 20, 50])
    ap.add_argument("--minutes", type=float, default=0.5)
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "input-size.json"))
    a = ap.parse_args()
    text, src = source_text()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for mb in a.sizes:
            f = Path(tmp) / f"writing-{mb:g}mb.txt"
            size = make_file(f, text, mb)
            env = dict(os.environ, NORMFIT_HOME=str(Path(tmp) / "home"))
            cmd = [sys.executable, "-m", "desktop", "train", str(f), "--minutes", str(a.minutes), "--threads", "1",
                   "--out", str(Path(tmp) / f"a{mb:g}.safetensors"), "--json"]
            peak, wall, cp = peak_rss(cmd, env)
            res = json.loads(cp.stdout) if cp.returncode == 0 and cp.stdout.strip() else {}
            row = {"mb": round(size / 2**20, 1), "wall_s": round(wall, 1), "budget_s": a.minutes * 60,
                   "peak_rss_mb": round(peak / 2**20), "rc": cp.returncode, "steps": res.get("steps"),
                   "best_step": res.get("best_step"), "train_tokens": res.get("train_tokens"),
                   "heldout_ppl_before": res.get("heldout_ppl_before"),
                   "heldout_ppl_after": res.get("heldout_ppl_after"),
                   "error": cp.stderr.strip().splitlines()[-1] if cp.returncode else None}
            rows.append(row)
            print(json.dumps(row), flush=True)
    out = {"machine": cpu_name(), "cores": os.cpu_count(), "torch": torch.__version__,
           "python": platform.python_version(), "source": src, "minutes": a.minutes, "threads": 1, "rows": rows}
    Path(a.out).write_text(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
