"""How well does drift on the shipped reference set predict drift on real general text?

The drift limit is measured on sequences the base wrote itself (the release's
reference set). The promise is about real general text. This script trains
unguarded runs (drift grows freely) and guarded ones on the user fixtures and,
at every validation check, scores both the reference set and a sample of real
text from the pretraining corpus (`../shared/data/pretrain`; never the shared
general held-out set, which stays the outside measure). It prints the pairs,
the ratio real/reference, and the reference set's own noise (the standard error
of its drift estimate across its sequences).

    .venv/bin/python benchmarks/drift_proxy.py --minutes 1.5 --out benchmarks/results/drift-proxy.json
"""
from __future__ import annotations

import argparse
import json
import math
import platform
import random
import statistics
import sys
import time
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.engine import train as train_mod  # noqa: E402
from desktop.engine.api import collect, load_base, prepare_documents  # noqa: E402
from desktop.engine.evaluate import eval_set_from_texts, evaluate  # noqa: E402
from desktop.engine.train import TrainConfig  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"


def real_text_sample(n_docs: int, chars: int, seed: int) -> list[str]:
    """A seed-chosen sample of pretraining-corpus documents, each cut to `chars`."""
    docs = []
    for f in sorted((SHARED / "pretrain").glob("*.jsonl")):
        with f.open(encoding="utf-8") as fh:
            docs += [json.loads(l)["text"] for l in fh if l.strip()]
    rng = random.Random(seed)
    pick = rng.sample(docs, n_docs)
    out = []
    for d in pick:
        start = rng.randrange(0, max(1, len(d) - chars))
        out.append(d[start:start + chars])
    return out


def per_sequence_drift_se(base, model) -> float:
    """Standard error of the reference drift estimate, from per-sequence log-ratios."""
    es = base.reference_set()
    diffs = []
    with torch.no_grad():
        for i in range(es.inputs.shape[0]):
            x, y = es.inputs[i:i + 1], es.targets[i:i + 1]
            diffs.append(float(model.loss(x, y)) - float(base.model.loss(x, y)))
    return statistics.stdev(diffs) / math.sqrt(len(diffs))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--minutes", type=float, default=1.5)
    ap.add_argument("--users", default="programmer,novelist,scientist")
    ap.add_argument("--runs", default="norm:none,lora:none,norm:3,lora:3")
    ap.add_argument("--base", default=None)
    ap.add_argument("--out", default=None)
    ap.add_argument("--threads", type=int, default=None)
    a = ap.parse_args()
    if a.threads:
        torch.set_num_threads(a.threads)
    if not SHARED.exists():
        print("needs ../shared/data", file=sys.stderr)
        return 2
    base = load_base(a.base)
    real = eval_set_from_texts(real_text_sample(40, 1500, seed=7), base.tokenizer, base.config.context_length)
    base_real = evaluate(base.model, real).loss
    print(f"# {platform.processor() or platform.machine()}, torch {torch.__version__}, base {base.base_id}, "
          f"real-text sample {real.n_tokens:,} tokens, reference {base.reference_set().n_tokens:,} tokens",
          flush=True)
    pairs, runs = [], []
    orig_check = train_mod._Run.check

    def check(self):
        orig_check(self)
        if self.drifts and self.drifts[-1][0] == self.step:
            rd = math.exp(evaluate(self.model, real, self.dev).loss - base_real) - 1
            pairs.append({"ref": self.drifts[-1][1], "real": rd, "step": self.step, **self._tag})
    train_mod._Run.check = check
    for user in a.users.split(","):
        docs = collect([SHARED / "users" / user / "train"]).documents
        data = prepare_documents(base, docs, seed=0)
        for spec in a.runs.split(","):
            method, lim = spec.split(":")
            limit = None if lim == "none" else float(lim) / 100
            cfg = TrainConfig(method=method, minutes=a.minutes, max_drift=limit, adapt=limit is not None,
                              validate_every_s=8.0, threads=a.threads)
            tag = {"user": user, "method": method, "limit": limit}
            train_mod._Run._tag = tag
            t0 = time.time()
            r = train_mod.train(base, data, cfg)
            model = base.fresh_model()
            from desktop.engine import adapters
            adapters.apply(model, method, r.tensors)
            kept_real = math.exp(evaluate(model, real).loss - base_real) - 1
            se = per_sequence_drift_se(base, model)
            runs.append({**tag, "steps": r.steps, "best_step": r.best_step, "kept_ref_drift": r.general_drift,
                         "kept_real_drift": kept_real, "ref_se": se, "lambda": r.anchor_lambda,
                         "seconds": round(time.time() - t0)})
            print(json.dumps(runs[-1]), flush=True)
    ratios = [p["real"] / p["ref"] for p in pairs if p["ref"] > 0.005]
    fit = sum(p["real"] * p["ref"] for p in pairs) / max(1e-12, sum(p["ref"] ** 2 for p in pairs))
    summary = {"pairs": len(pairs), "slope_through_origin": fit,
               "ratio_median": statistics.median(ratios) if ratios else None,
               "ratio_p90": sorted(ratios)[int(0.9 * (len(ratios) - 1))] if ratios else None}
    print(json.dumps(summary), flush=True)
    if a.out:
        Path(a.out).write_text(json.dumps({"summary": summary, "runs": runs, "pairs": pairs}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
