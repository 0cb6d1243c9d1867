"""What the general-text anchor costs: step time and peak memory, with and without it.

    .venv/bin/python benchmarks/bench_anchor.py [--steps 10] [--rounds 5] [--threads N] [--job-minutes 1]

Step time: the real training step (`train._Run.train_step`: 4 micro-batches of
2 x 256 with accumulation and clipping, plus, when anchored, one replay
micro-batch of REPLAY_ROWS windows and its KL term) for each method, anchored
and unanchored interleaved round by round so machine drift hits both alike.
Base targets for the replay rows are computed on first use and cached; the
timed rounds run after every replay row has been seen once (the steady state),
and the one-off cost of filling the cache is printed separately.

Peak memory: a whole norm-only job (`normfit train` on the bundled novelist
sample) in a fresh process each, with the default 3% limit and with none,
reporting the process's peak RSS.
"""
from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.engine.api import collect, load_base, prepare_documents  # noqa: E402
from desktop.engine.device import cpu_name, tune_allocator  # noqa: E402
from desktop.engine.train import Job, TrainConfig, _Run, measure_before  # noqa: E402


def _job(cfg, data, before):
    """A quiet job on the CPU around one run (train() builds this for a real one)."""
    from desktop.engine.budget import Rate
    from desktop.engine.device import BusyWatch, detect
    from desktop.engine.general import General
    info = detect("cpu")
    return Job(cfg, data, General.none(), before, info, lambda e: None, lambda: False, time.monotonic(), Rate(),
               BusyWatch(lambda e: None, info))

SAMPLE = ROOT / "assets" / "samples" / "novelist"


def job(limit: str, minutes: float, threads: int | None) -> dict:
    """One whole `normfit train` job in a fresh process under GNU time: its peak RSS."""
    cmd = ["/usr/bin/time", "-v", str(ROOT / ".venv" / "bin" / "normfit"), "train", str(SAMPLE),
           "--minutes", str(minutes), "--max-drift", limit, "--json",
           "--out", f"/tmp/bench-anchor-{limit}.safetensors", "--force"]
    if threads:
        cmd += ["--threads", str(threads)]
    p = subprocess.run(cmd, capture_output=True, text=True)
    rss = next(int(l.split(":")[1]) for l in p.stderr.splitlines() if "Maximum resident" in l)
    out = json.loads(p.stdout) if p.returncode == 0 else {}
    return {"rc": p.returncode, "peak_rss_mb": rss / 1024, "steps": out.get("steps"), "seconds": out.get("seconds")}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--steps", type=int, default=10)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--threads", type=int, default=None)
    ap.add_argument("--job-minutes", type=float, default=1.0)
    a = ap.parse_args()
    tuned = tune_allocator()
    if a.threads:
        torch.set_num_threads(a.threads)
    base = load_base()
    data = prepare_documents(base, collect([SAMPLE]).documents)
    before = measure_before(base, data, None, torch.device("cpu"))
    print(f"machine: {cpu_name()}, {platform.system()}, python {platform.python_version()}, torch {torch.__version__}")
    print(f"settings: base {base.base_id}, batch 8 x {base.config.context_length} in micro-batches of 2, "
          f"{torch.get_num_threads()} threads, {a.steps} steps x {a.rounds} interleaved rounds, "
          f"allocator tuned: {tuned}")
    rows = {}
    for method in ("norm", "lora", "full"):
        runs = {}
        for name, limit in (("unanchored", None), ("anchored", 0.03)):
            run = _Run(base, _job(TrainConfig(method=method, max_drift=limit), data, before))
            run.model.train()
            fill = 0.0
            if run.replay is not None:      # fill the target cache once, timed on its own
                t0 = time.perf_counter()
                for i in range(len(run.replay)):
                    run.replay._targets(i)
                fill = time.perf_counter() - t0
            for _ in range(2):
                run.train_step()
            runs[name] = (run, fill)
        times = {k: [] for k in runs}
        for _ in range(a.rounds):
            for name, (run, _) in runs.items():
                t0 = time.perf_counter()
                for _ in range(a.steps):
                    run.train_step()
                times[name].append((time.perf_counter() - t0) / a.steps)
        med = {k: statistics.median(v) for k, v in times.items()}
        rows[method] = {"unanchored_s": med["unanchored"], "anchored_s": med["anchored"],
                        "ratio": med["anchored"] / med["unanchored"],
                        "spread": {k: [min(v), max(v)] for k, v in times.items()},
                        "cache_fill_s": runs["anchored"][1]}
        print(f"{method:5} step {med['unanchored'] * 1000:7.1f} ms unanchored, {med['anchored'] * 1000:7.1f} ms "
              f"anchored: {rows[method]['ratio']:.2f}x  (replay target cache filled once in "
              f"{runs['anchored'][1]:.1f} s)", flush=True)
    mem = {}
    for limit in ("3", "none"):
        mem[limit] = job(limit, a.job_minutes, a.threads)
        print(f"whole job, --max-drift {limit}: peak RSS {mem[limit]['peak_rss_mb']:.0f} MB "
              f"({mem[limit]['steps']} steps in {mem[limit]['seconds']} s)", flush=True)
    print("\n| method | step, unanchored | step, anchored | ratio |\n|---|---|---|---|")
    for m, r in rows.items():
        print(f"| {m} | {r['unanchored_s'] * 1000:.0f} ms | {r['anchored_s'] * 1000:.0f} ms | {r['ratio']:.2f}x |")
    Path(ROOT / "benchmarks" / "results").mkdir(exist_ok=True)
    (ROOT / "benchmarks" / "results" / "bench-anchor.json").write_text(json.dumps({"steps": rows, "memory": mem},
                                                                                  indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
