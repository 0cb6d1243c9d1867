"""Keystroke savings of next-word suggestions, before and after personalising
(issue 20, part 5).

For each fixture: its norm-only adapter (trained with `normfit train
USER/train --heldout USER/heldout --minutes 2 --threads 1`), and the same
seed-chosen words of USER/heldout (never trained on) typed one character at a
time. A word costs the characters typed before it is among the three
suggestions (its length if never); the rest are saved (engine/suggest.py).
Printed: the share of word characters saved by the base's suggestions and by
the adapted model's, the change with its 95% range (windows of text as the
independent units), and how often the word was suggested before its first
letter was typed (cost 0).

    nice -n 5 taskset -c 1 python benchmarks/bench_suggest.py --adapters DIR [--words 400]
"""
from __future__ import annotations

import argparse
import glob
import platform
import sys
import time
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.engine import api, suggest  # noqa: E402
from desktop.sysinfo import cpu_name  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--adapters", required=True, help="folder with {user}.safetensors")
    ap.add_argument("--users", default=str(ROOT.parent / "shared" / "data" / "users"))
    ap.add_argument("--only", default="programmer,novelist,scientist")
    ap.add_argument("--base", default=sorted(glob.glob(str(ROOT / "assets" / "base" / "*")))[-1])
    ap.add_argument("--words", type=int, default=400)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--threads", type=int, default=1)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    base = api.load_base(args.base)
    print(f"machine: {cpu_name()}, {args.threads} thread(s); python {platform.python_version()}, "
          f"torch {torch.__version__}; base {base.base_id} ({base.sha256[:12]})")
    print(f"settings: {args.words} held-out words per fixture (seed {args.seed}), {suggest.SUGGESTIONS} suggestions, "
          f"beam {suggest.BEAM}, up to {suggest.DEPTH} tokens a word, context {suggest.STRIDE}-{suggest.WINDOW} tokens")
    print(f"{'user':11} {'words':>5} {'chars':>6} {'base':>7} {'adapted':>8} {'change':>8} {'95% range':>10} "
          f"{'first-try b/a':>14} {'s':>5}")
    for u in args.only.split(","):
        t0 = time.monotonic()
        texts = [p.read_text(encoding="utf-8") for p in sorted((Path(args.users) / u / "heldout").rglob("*"))
                 if p.is_file()]
        af = api.open_adapter(Path(args.adapters) / f"{u}.safetensors", base)
        table = api._table(base)
        mb, ma = api.model_with(base, None), api.model_with(base, af)
        windows = suggest.plan_windows(base.tokenizer, table, texts, args.words, args.seed)
        cb = [c for w in windows for c in suggest.window_costs(mb, table, w)]
        ca = [c for w in windows for c in suggest.window_costs(ma, table, w)]
        lens = [len(word) for w in windows for _, _, word in w.words]
        diffs, chars, i = [], [], 0
        for w in windows:
            n = len(w.words)
            diffs.append(sum(cb[i:i + n]) - sum(ca[i:i + n]))
            chars.append(sum(lens[i:i + n]))
            i += n
        s = suggest.Savings(len(lens), sum(lens), sum(lens) - sum(cb), sum(lens) - sum(ca),
                            suggest.margin_pts(diffs, chars))
        first_b = sum(c == 0 for c in cb) / len(cb)
        first_a = sum(c == 0 for c in ca) / len(ca)
        print(f"{u:11} {s.words:5d} {s.chars:6d} {s.base_pct:6.1f}% {s.adapted_pct:7.1f}% {s.change_pts:+7.1f}pt "
              f"{'+-' + format(s.margin_pts, '.1f') + 'pt':>10} {100 * first_b:6.1f}/{100 * first_a:5.1f}% "
              f"{time.monotonic() - t0:5.0f}  {'clearly better' if s.clearly_better else 'within noise'}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
