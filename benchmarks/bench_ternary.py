"""What the ternary wire format costs, against the full-precision release it came
from, measured in the same run: bytes on disk and on the wire (gzip -9, xz -9),
load time, scoring and generation speed, and peak memory of a process that
loads the base and scores text (each in a fresh child process).

    .venv/bin/python benchmarks/bench_ternary.py [--full assets/base/normfit-base-s-4]
        [--ternary assets/base/normfit-base-t-4] [--out benchmarks/results/ternary/bench.json]
"""
from __future__ import annotations

import argparse
import gzip
import json
import lzma
import platform
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r'''
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
import torch
torch.set_num_threads(1)
t0 = time.perf_counter()
from desktop.engine.base import load_base
base = load_base(sys.argv[2])
load_s = time.perf_counter() - t0
from desktop.engine.api import evaluate_texts, generate
text = [("The harbour master walked past the broken lantern without saying a word. " * 40)]
evaluate_texts(base, text)                          # warm
t0 = time.perf_counter(); r = evaluate_texts(base, text); score_s = time.perf_counter() - t0
t0 = time.perf_counter()
ids = base.model.generate(torch.tensor([[base.tokenizer.eot_id]]), 128, generator=torch.Generator().manual_seed(0))
gen_s = time.perf_counter() - t0
print(json.dumps({"load_s": load_s, "score_tokens_per_s": r.tokens / score_s, "generate_tokens_per_s": 128 / gen_s,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
'''


def sizes(folder: Path) -> dict:
    raw = (folder / "model.safetensors").read_bytes()
    folder_bytes = sum(p.stat().st_size for p in folder.iterdir() if p.is_file())
    return {"model_bytes": len(raw), "gzip9_bytes": len(gzip.compress(raw, 9)),
            "xz9_bytes": len(lzma.compress(raw, preset=9)), "release_folder_bytes": folder_bytes}


def timed(folder: Path, repeats: int) -> dict:
    runs = []
    for _ in range(repeats):
        out = subprocess.run([sys.executable, "-c", CHILD, str(ROOT), str(folder)], capture_output=True, text=True,
                             check=True)
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    return {k: sorted(r[k] for r in runs)[len(runs) // 2] for k in runs[0]}   # medians


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--full", default=str(ROOT / "assets" / "base" / "normfit-base-s-4"))
    ap.add_argument("--ternary", default=str(ROOT / "assets" / "base" / "normfit-base-t-4"))
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "ternary" / "bench.json"))
    a = ap.parse_args()
    import torch
    report = {"machine": {"cpu": platform.processor() or platform.machine(), "python": platform.python_version(),
                          "torch": torch.__version__, "threads": 1, "repeats": a.repeats, "statistic": "median"}}
    for name, folder in (("full", Path(a.full)), ("ternary", Path(a.ternary))):
        report[name] = {"release": folder.name, **sizes(folder), **timed(folder, a.repeats)}
    f, t = report["full"], report["ternary"]
    report["ratios_ternary_over_full"] = {k: t[k] / f[k] for k in f if isinstance(f[k], (int, float))}
    Path(a.out).parent.mkdir(parents=True, exist_ok=True)
    Path(a.out).write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
