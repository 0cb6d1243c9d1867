"""Learning-rate sweep per method on the shared fixtures' VALIDATION slices.

    .venv/bin/python benchmarks/lr_sweep.py [--steps 60] [--out benchmarks/results/lr_sweep.json]

For each user (programmer, novelist, scientist) and method, trains for a fixed
number of steps at each learning rate and records the best validation loss
(the same selection rule real runs use). Held-out text is not loaded, so it
cannot influence the choice. The default per method is the learning rate with
the lowest mean validation loss across users.
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

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from desktop.engine.api import collect, load_base, prepare_documents  # noqa: E402
from desktop.engine.evaluate import EvalResult  # noqa: E402
from desktop.engine.train import Before, TrainConfig, train  # noqa: E402

GRID = {"norm": [3e-3, 1e-2, 3e-2, 1e-1], "lora": [1e-3, 3e-3, 1e-2, 3e-2], "full": [3e-5, 1e-4, 3e-4, 1e-3]}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--users", default=str(ROOT.parent / "shared" / "data" / "users"))
    ap.add_argument("--steps", type=int, default=60)
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "lr_sweep.json"))
    ap.add_argument("--methods", default="norm,lora,full")
    ap.add_argument("--validate-every", type=int, default=15)
    a = ap.parse_args()
    base = load_base()
    print(f"python {platform.python_version()}, torch {torch.__version__}, {torch.get_num_threads()} threads, "
          f"base {base.base_id} {base.sha256[:12]}, {a.steps} steps, batch 8", flush=True)
    out = Path(a.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    results = json.loads(out.read_text()) if out.exists() else {}
    for user in ("programmer", "novelist", "scientist"):
        docs = collect([Path(a.users) / user / "train"]).documents
        # The held-out part of this split is a slice of the TRAIN documents, and it is
        # blanked anyway: the users' real held-out folders are never read here.
        # A placeholder held-out document selects the same split a real run with
        # --heldout gets (validation = whole training documents when there are 4+).
        from desktop.engine.documents import Document
        data = prepare_documents(base, docs, [Document("placeholder", "Text", "unused " * 50)], seed=0)
        data.heldout.targets[:] = -100
        for method in a.methods.split(","):
            for lr in GRID[method]:
                key = f"{user}/{method}/{lr:g}"
                if key in results and results[key]["steps"] == a.steps:
                    continue
                t0 = time.time()
                skip = Before(EvalResult(0.0, 0, 0), None, 0.0)    # no before/after scoring needed
                r = train(base, data, TrainConfig(method=method, lr=lr, max_steps=a.steps, minutes=60, seed=0,
                                                  validate_every_steps=a.validate_every), before=skip)
                best = min(v for _, v in r.validation)
                results[key] = {"user": user, "method": method, "lr": lr, "steps": a.steps,
                                "val_loss_base": r.validation[0][1], "val_loss_best": best,
                                "val_loss_last": r.validation[-1][1], "best_step": r.best_step,
                                "seconds": time.time() - t0}
                print(f"{key:28} base {r.validation[0][1]:.4f} best {best:.4f} (step {r.best_step}) "
                      f"last {r.validation[-1][1]:.4f}  {time.time() - t0:.0f}s", flush=True)
                out.write_text(json.dumps(results, indent=1))
    print("\n| method | lr | programmer | novelist | scientist | mean best val loss |\n|---|---|---|---|---|---|")
    for method in a.methods.split(","):
        means = {}
        for lr in GRID[method]:
            vals = [results.get(f"{u}/{method}/{lr:g}", {}).get("val_loss_best") for u in
                    ("programmer", "novelist", "scientist")]
            if None in vals:
                continue
            means[lr] = statistics.mean(vals)
            print(f"| {method} | {lr:g} | " + " | ".join(f"{v:.4f}" for v in vals) + f" | {means[lr]:.4f} |")
        if means:
            print(f"| **{method} chosen** | **{min(means, key=means.get):g}** | | | | |")


if __name__ == "__main__":
    main()
