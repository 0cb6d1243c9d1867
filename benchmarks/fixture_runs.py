"""5-minute norm-only runs on the three shared fixtures, as a person would run them,
with the whole process's peak memory (RSS) sampled from outside, against a peer:
a HF transformers + PEFT (LNTuning) norm-only loop of the same shape and batch,
run for the same number of seconds in its own process.

    .venv/bin/python benchmarks/fixture_runs.py [--minutes 5] [--out benchmarks/results/fixtures.json]
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"

PEER = r'''
import sys, time, torch
sys.path.insert(0, sys.argv[1])
# argv: root, seconds, micro-batch (8 = one backward of the whole batch), tune allocator (0/1)
micro = int(sys.argv[3]) if len(sys.argv) > 3 else 8
if len(sys.argv) > 4 and sys.argv[4] == "1":
    from desktop.engine.device import tune_allocator
    tune_allocator()
from desktop.engine.base import load_base
from benchmarks.bench_engine import hf_method
base = load_base()
m = hf_method(base, "norm"); m.train()
opt = torch.optim.AdamW([p for p in m.parameters() if p.requires_grad], lr=1e-2)
g = torch.Generator().manual_seed(0)
end = time.time() + float(sys.argv[2]); steps = 0
while time.time() < end:
    x = torch.randint(0, base.config.vocab_size, (8, 257), generator=g)
    opt.zero_grad()
    for xm in x.chunk(8 // micro):
        logits = m(input_ids=xm[:, :-1]).logits
        loss = torch.nn.functional.cross_entropy(logits.float().view(-1, logits.size(-1)), xm[:, 1:].reshape(-1))
        (loss / (8 // micro)).backward()
    opt.step(); steps += 1
print(steps)
'''


def peak_rss(cmd: list[str], env=None) -> tuple[int, float, subprocess.CompletedProcess]:
    t0 = time.time()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        p = subprocess.Popen(cmd, stdout=out, stderr=err, cwd=ROOT, env=env)
        proc = psutil.Process(p.pid)
        peak = 0
        while p.poll() is None:
            try:
                rss = proc.memory_info().rss + sum(c.memory_info().rss for c in proc.children(recursive=True))
                peak = max(peak, rss)
            except psutil.Error:
                pass
            time.sleep(0.05)
        out.seek(0)
        err.seek(0)
        cp = subprocess.CompletedProcess(cmd, p.returncode, out.read().decode(), err.read().decode())
    return peak, time.time() - t0, cp


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--minutes", type=float, default=5.0)
    ap.add_argument("--users", default="programmer,novelist,scientist")
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "fixtures.json"))
    ap.add_argument("--peer-seconds", type=float, default=60.0, help="0 skips the peer")
    ap.add_argument("--threads", type=int, default=None)
    ap.add_argument("--max-drift", default=None, help="passed to normfit train (default: its default, 3)")
    a = ap.parse_args()
    if not SHARED.exists():
        sys.exit(f"{SHARED} is absent: these runs need the shared fixtures")
    py = sys.executable
    import torch
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
          f"{psutil.virtual_memory().total / 2**30:.0f} GiB; python {platform.python_version()}, "
          f"torch {torch.__version__}; budget {a.minutes} min, general set = shared general held-out", flush=True)
    out = Path(a.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    results = json.loads(out.read_text()) if out.exists() else {}
    env = dict(os.environ, NORMFIT_HOME=tempfile.mkdtemp(prefix="nf-bench-"))
    for user in a.users.split(","):
        u = SHARED / "users" / user
        with tempfile.TemporaryDirectory() as td:
            cmd = [py, "-m", "desktop", "train", str(u / "train"), "--heldout", str(u / "heldout"),
                   "--general", str(SHARED / "general" / "heldout.jsonl"), "--minutes", str(a.minutes),
                   "--out", str(Path(td) / "a.safetensors"), "--json"]
            cmd += ["--threads", str(a.threads)] if a.threads else []
            cmd += ["--max-drift", a.max_drift] if a.max_drift else []
            peak, wall, cp = peak_rss(cmd, env)
        if cp.returncode != 0:
            print(cp.stderr[-2000:])
            sys.exit(f"{user}: train failed")
        r = json.loads(cp.stdout)
        r.update(peak_rss_mb=peak / 2**20, wall_s=wall)
        results[user] = r
        print(f"{user:10} held-out ppl {r['heldout_ppl_before']:.2f} -> {r['heldout_ppl_after']:.2f} "
              f"({100 * (1 - r['heldout_ppl_after'] / r['heldout_ppl_before']):.1f}% better), bpb "
              f"{r['heldout_bpb_before']:.4f} -> {r['heldout_bpb_after']:.4f}; general ppl "
              f"{r['general_ppl_before']:.2f} -> {r['general_ppl_after']:.2f}; {r['steps']} steps (kept "
              f"{r['best_step']}), {r['tokens_per_s']:.0f} tok/s, adapter {r['adapter_bytes']} B, "
              f"wall {wall:.0f} s, peak RSS {peak / 2**20:.0f} MB; drift on the reference set "
              f"{r.get('general_drift')}, kept lambda {r.get('anchor_lambda')}", flush=True)
        out.write_text(json.dumps(results, indent=1))
    if a.peer_seconds <= 0:
        return
    peak, wall, cp = peak_rss([py, "-c", PEER, str(ROOT), str(a.peer_seconds)], env)
    results["_peer_hf_peft_lntuning"] = {"peak_rss_mb": peak / 2**20, "seconds": a.peer_seconds,
                                         "steps": int(cp.stdout.strip() or 0)}
    print(f"peer (HF+PEFT LNTuning, {a.peer_seconds:.0f} s of training): peak RSS {peak / 2**20:.0f} MB")
    out.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
