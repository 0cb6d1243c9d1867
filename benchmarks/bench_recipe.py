"""The pretraining recipe, measured before it is spent (issue 21).

One arm = continue base 2 for the same number of steps (same seed, same batches
by position, same warm-up and cosine over steps) with one optimiser on one
tokenised corpus. Every arm is scored on the same validation text: the last
documents of the shuffled corpus (never trained on by any arm), in its
unwrapped form (how people write) and as wrapped in the corpus, in bits per
byte, which does not depend on how the newlines tokenised.

    # tokens first (the base's tokenizer), wrapped and unwrapped:
    normfit pretrain --prepare-only --init-from assets/base/normfit-base-s-2 \\
        --corpus ../shared/data/pretrain --work /root/nf/work-wrapped --out /tmp/x
    normfit pretrain --prepare-only --unwrap ... --work /root/nf/work-unwrapped --out /tmp/x
    # one arm per core, pinned:
    taskset -c 0 python benchmarks/bench_recipe.py --arm adamw-wrapped --steps 120 --out R.json
"""
from __future__ import annotations

import argparse
import json
import math
import platform
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
import torch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.engine.base import load_base  # noqa: E402
from desktop.engine.evaluate import eval_set_from_texts, evaluate  # noqa: E402
from desktop.engine.pretrain import PretrainConfig, lr_at, make_optimizer  # noqa: E402

ARMS = {"adamw-wrapped": ("adamw", "wrapped"), "adamw-unwrapped": ("adamw", "unwrapped"),
        "muon-wrapped": ("muon", "wrapped"), "muon-unwrapped": ("muon", "unwrapped")}
VAL_TOKENS = 256 * 48


def val_texts(work: Path, tok) -> list[str]:
    """The corpus tail (the same documents in both caches: same shuffle seed),
    split at end-of-text tokens."""
    arr = np.load(work / "tokens.npy", mmap_mode="r")
    tail = np.asarray(arr[-VAL_TOKENS:]).tolist()
    docs, cur = [], []
    for t in tail:
        if t == tok.eot_id:
            docs.append(cur)
            cur = []
        else:
            cur.append(t)
    docs.append(cur)
    return [tok.decode(d) for d in docs if len(d) > 8]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--arm", choices=sorted(ARMS), required=True)
    ap.add_argument("--steps", type=int, default=120)
    ap.add_argument("--every", type=int, default=30)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--muon-lr", type=float, default=0.02)
    ap.add_argument("--work-root", default="/root/nf")
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    torch.set_num_threads(1)
    opt_name, corpus = ARMS[a.arm]
    base = load_base(ROOT / "assets/base/normfit-base-s-2")
    tok = base.tokenizer
    arr = np.load(Path(a.work_root) / f"work-{corpus}" / "tokens.npy", mmap_mode="r")
    n_val = max(256 * 64, len(arr) // 200)     # pretrain.py's split: the tail is never trained on
    train_arr = arr[:-n_val]
    # The unwrapped cache's tail as the validation text for both arms (and the wrapped one's too).
    val = {c: eval_set_from_texts(val_texts(Path(a.work_root) / f"work-{c}", tok), tok, 256)
           for c in ("unwrapped", "wrapped")}
    cfg = replace(PretrainConfig(corpus="", out="", work=""), optimizer=opt_name, lr=a.lr, muon_lr=a.muon_lr,
                  warmup_steps=max(1, a.steps // 10), min_lr_frac=0.1)
    model = base.fresh_model()
    opt = make_optimizer(model, cfg, fused=False)
    step_model = torch.compile(model)
    rng = np.random.default_rng(1234)
    B, T = 16, 256
    curve = []

    def score(step: int, secs: float) -> None:
        model.eval()
        r = {c: evaluate(model, es, "cpu") for c, es in val.items()}
        model.train()
        curve.append({"step": step, "tokens": step * B * T, "train_seconds": round(secs, 1),
                      **{f"bpb_{c}": round(x.bpb, 4) for c, x in r.items()}})
        print(json.dumps(curve[-1]), file=sys.stderr, flush=True)

    score(0, 0.0)
    train_secs = 0.0
    model.train()
    for step in range(a.steps):
        starts = rng.integers(0, len(train_arr) - T - 1, size=B)
        batch = torch.from_numpy(np.stack([train_arr[s:s + T + 1] for s in starts]).astype(np.int64))
        t0 = time.perf_counter()
        scale = lr_at(cfg, step, step / a.steps) / cfg.lr
        for g in opt.param_groups:
            g["lr"] = g["peak_lr"] * scale
        logits = step_model(batch[:, :-1])
        loss = torch.nn.functional.cross_entropy(logits.float().view(-1, logits.size(-1)), batch[:, 1:].reshape(-1))
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        if step > 0:      # step 0 pays for compilation
            train_secs += time.perf_counter() - t0
        if (step + 1) % a.every == 0 or step + 1 == a.steps:
            score(step + 1, train_secs)
    res = {"arm": a.arm, "optimizer": opt_name, "corpus": corpus, "steps": a.steps, "lr": a.lr,
           "muon_lr": a.muon_lr if opt_name == "muon" else None, "batch": [B, T],
           "tokens_per_second": round((a.steps - 1) * B * T / max(1e-9, train_secs)),
           "curve": curve, "machine": platform.processor() or platform.machine(), "torch": torch.__version__,
           "threads": torch.get_num_threads()}
    out = Path(a.out)
    allres = json.loads(out.read_text()) if out.exists() else {}
    allres[a.arm] = res
    out.write_text(json.dumps(allres, indent=1))
    print(json.dumps({k: v for k, v in res.items() if k != "curve"}), flush=True)


if __name__ == "__main__":
    main()
