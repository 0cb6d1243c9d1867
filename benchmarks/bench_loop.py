"""The whole training loop, not a bare step: NormFit's `train()` (micro-batches
of 2 accumulated to 8, gradient clipping, warm-up, a validation check every
--every steps) against a Hugging Face transformers + PEFT loop doing exactly
the same work on the same network, batches and validation windows; NormFit also
with its default general-text guard (replay KL), which the peer has no
counterpart for. Both score validation and the reference set at each check (NormFit
measures drift even without the guard). Rounds are interleaved; tokens/s is trained tokens over the
wall time of the steps and checks (the before/after measurements excluded).

    .venv/bin/python benchmarks/bench_loop.py [--steps 30] [--every 10] [--rounds 5] [--threads 1]
"""
from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.bench_engine import flops_per_token, hf_method, machine, matmul_limit  # noqa: E402
from desktop.engine import api  # noqa: E402
from desktop.engine.data import Batches  # noqa: E402
from desktop.engine.device import tune_allocator  # noqa: E402
from desktop.engine.evaluate import EVAL_BATCH  # noqa: E402
from desktop.engine.train import WARMUP_STEPS, Phase, Started, TrainConfig, VALIDATION_ROWS  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
LR = {"norm": 1e-2, "lora": 1e-2, "full": 1e-3}


def ours(base, data, method, steps, every, guard) -> float:
    marks = {}

    def on_event(e):
        if isinstance(e, Started):
            marks["start"] = time.perf_counter()
        elif isinstance(e, Phase) and e.name == "evaluating-after":
            marks["end"] = time.perf_counter()
    cfg = TrainConfig(method=method, max_steps=steps, minutes=60, validate_every_steps=every, lr=LR[method],
                      max_drift=0.03 if guard else None, adapt=False)
    r = api.personalise(base, data, cfg, api.general_set(base) if guard else None, on_event=on_event)
    assert r.steps == steps
    return steps * cfg.batch_size * base.config.context_length / (marks["end"] - marks["start"])


def peer(base, data, method, steps, every, batch=8, micro=2) -> float:
    m = hf_method(base, method)
    m.train()
    params = [p for p in m.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=LR[method])
    batches = Batches(data.train_tokens, batch, base.config.context_length, 0)
    val = data.validation
    ref = base.reference_set()
    # NormFit's checks score validation and (always, guard or not) the reference set's drift.
    sets = [(val.inputs[:VALIDATION_ROWS], val.targets[:VALIDATION_ROWS])] + \
        ([(ref.inputs, ref.targets)] if ref is not None else [])

    def validate(first=False):
        m.eval()
        with torch.no_grad():
            for vx, vy in sets[:1] if first else sets:    # step 0: the base's drift is known (0)
                for s in range(0, len(vx), EVAL_BATCH):
                    logits = m(input_ids=vx[s:s + EVAL_BATCH]).logits
                    torch.nn.functional.cross_entropy(logits.float().view(-1, logits.size(-1)),
                                                      vy[s:s + EVAL_BATCH].reshape(-1), ignore_index=-100)
        m.train()
    t0 = time.perf_counter()
    validate(first=True)                    # step 0, as NormFit checks the base
    for step in range(steps):
        x, y = batches.next()
        for g in opt.param_groups:
            g["lr"] = LR[method] * min(1.0, (step + 1) / WARMUP_STEPS)
        opt.zero_grad(set_to_none=True)
        for xm, ym in zip(x.chunk(batch // micro), y.chunk(batch // micro)):
            logits = m(input_ids=xm).logits
            loss = torch.nn.functional.cross_entropy(logits.float().view(-1, logits.size(-1)), ym.reshape(-1))
            (loss / (batch // micro)).backward()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        opt.step()
        if (step + 1) % every == 0:
            validate()
    return steps * batch * base.config.context_length / (time.perf_counter() - t0)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--steps", type=int, default=30)
    ap.add_argument("--every", type=int, default=10)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--methods", nargs="+", default=["norm", "lora", "full"])
    ap.add_argument("--json", default=str(ROOT / "benchmarks" / "results" / "bench-loop.json"))
    a = ap.parse_args()
    tuned = tune_allocator()
    torch.set_num_threads(a.threads)
    import peft
    import transformers
    base = api.load_base()
    samples = ROOT / "assets" / "samples" / "novelist"
    data = api.prepare_documents(base, api.collect([samples]).documents)
    limit = matmul_limit(a.threads)
    print(f"machine: {machine()}\nversions: python {platform.python_version()}, torch {torch.__version__}, "
          f"transformers {transformers.__version__}, peft {peft.__version__}\nsettings: base {base.base_id}, "
          f"batch 8 as 4 micro-batches of 2 x {base.config.context_length} tokens, clip 1.0, warm-up "
          f"{WARMUP_STEPS}, check every {a.every} steps ({VALIDATION_ROWS} windows), {a.steps} steps, {a.rounds} "
          f"interleaved rounds, {a.threads} thread(s), allocator tuned: {tuned} (both); data: {samples.name} sample\n"
          f"fp32 matrix-multiply limit: {limit / 1e9:.1f} GFLOP/s", flush=True)
    out = {"machine": machine(), "threads": a.threads, "matmul_limit_flops": limit, "steps": a.steps,
           "every": a.every, "rounds": a.rounds, "methods": {}}
    print("\n| method | NormFit loop tok/s (min-max) | HF+PEFT loop tok/s (min-max) | ratio | NormFit with guard | "
          "share of matmul limit, NormFit / PEFT |\n|---|---|---|---|---|---|")
    for method in a.methods:
        runs = {"normfit": [], "peft": [], "guarded": []}
        for _ in range(a.rounds):
            runs["normfit"].append(ours(base, data, method, a.steps, a.every, guard=False))
            runs["peft"].append(peer(base, data, method, a.steps, a.every))
            runs["guarded"].append(ours(base, data, method, a.steps, a.every, guard=True))
        med = {k: statistics.median(v) for k, v in runs.items()}
        fpt = flops_per_token(base.config, method)
        out["methods"][method] = {"runs": runs, "median": med, "ratio": med["normfit"] / med["peft"],
                                  "share": {k: v * fpt / limit for k, v in med.items()}}
        print(f"| {method} | {med['normfit']:,.0f} ({min(runs['normfit']):,.0f}-{max(runs['normfit']):,.0f}) | "
              f"{med['peft']:,.0f} ({min(runs['peft']):,.0f}-{max(runs['peft']):,.0f}) | "
              f"{med['normfit'] / med['peft']:.2f}x | {med['guarded']:,.0f} | "
              f"{med['normfit'] * fpt / limit:.0%} / {med['peft'] * fpt / limit:.0%} |", flush=True)
    Path(a.json).write_text(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
