"""Try it's sampling settings, measured (issue 20, part 4).

20 prompts (the fixtures' own sentence openings from their held-out text:
7 programmer, 7 novelist, 6 scientist), each continued by the base and by
that fixture's norm-only adapter, under each sampling arm at two
temperatures. Each continuation is a fixed 60 tokens (no early stop), so
repetition has room to show. Per arm:

  rep-3       share of a continuation's word 3-grams that repeat an earlier one in it (lower is better)
  tok-rep-4   the same for token 4-grams (catches loops inside one "word", e.g. "c.c.c.c.c.c")
  distinct-1/2  unique word 1-/2-grams over all of the arm's continuations (higher: less samey)
  nll         mean per-token loss of the continuation under the base model (lower: more plausible text;
              a guard against "diverse" meaning "gibberish")
  wraps       line breaks per continuation in the raw text (what Try it now joins)

    nice -n 5 taskset -c 1 python benchmarks/bench_generate.py --adapters DIR   # DIR/{user}.safetensors
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

from desktop.engine import api, textgen  # noqa: E402
from desktop.engine.textgen import Sampling  # noqa: E402
from desktop.sysinfo import cpu_name  # noqa: E402

USERS = {"programmer": 7, "novelist": 7, "scientist": 6}
ARMS = {
    "old: top-k 40": lambda t: Sampling(temperature=t, top_k=40, top_p=1.0, repetition_penalty=1.0),
    "top-p 0.9": lambda t: Sampling(temperature=t, top_k=0, top_p=0.9, repetition_penalty=1.0),
    "top-p 0.9 + pen 1.15": lambda t: Sampling(temperature=t, top_k=0, top_p=0.9, repetition_penalty=1.15),
    "top-p 0.9 + pen 1.3": lambda t: Sampling(temperature=t, top_k=0, top_p=0.9, repetition_penalty=1.3),
}


def words(text: str) -> list[str]:
    return text.lower().split()


def rep3(text: str) -> float:
    w = words(text)
    grams = [tuple(w[i:i + 3]) for i in range(len(w) - 2)]
    return 0.0 if not grams else 1.0 - len(set(grams)) / len(grams)


def tok_rep4(ids: list[int]) -> float:
    grams = [tuple(ids[i:i + 4]) for i in range(len(ids) - 3)]
    return 0.0 if not grams else 1.0 - len(set(grams)) / len(grams)


def distinct(texts: list[str], n: int) -> float:
    grams = [tuple(words(t)[i:i + n]) for t in texts for i in range(len(words(t)) - n + 1)]
    return len(set(grams)) / max(1, len(grams))


@torch.no_grad()
def nll(model, tok, prompt: str, cont: str) -> tuple[float, int]:
    p = [tok.eot_id] + tok.encode(prompt)
    c = tok.encode(cont)
    if not c:
        return 0.0, 0
    ids = torch.tensor([(p + c)[-model.cfg.context_length - 1:]])
    loss = model.loss(ids[:, :-1], ids[:, 1:].clone().masked_fill_(
        torch.arange(ids.shape[1] - 1) < ids.shape[1] - 1 - len(c), -100), reduction="sum")
    return float(loss), len(c)


def prompts_of(users_dir: Path) -> dict[str, list[str]]:
    out = {}
    for u, n in USERS.items():
        texts = [p.read_text(encoding="utf-8") for p in sorted((users_dir / u / "heldout").rglob("*")) if p.is_file()]
        out[u] = api.opening_prompts(texts, n)
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--adapters", required=True, help="folder with {user}.safetensors")
    ap.add_argument("--users", default=str(ROOT.parent / "shared" / "data" / "users"))
    ap.add_argument("--base", default=sorted(glob.glob(str(ROOT / "assets" / "base" / "*")))[-1])
    ap.add_argument("--temperatures", default="0.7,1.0")
    ap.add_argument("--tokens", type=int, default=60)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--threads", type=int, default=1)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    base = api.load_base(args.base)
    print(f"machine: {cpu_name()}, {args.threads} thread(s); python {platform.python_version()}, "
          f"torch {torch.__version__}; base {base.base_id} ({base.sha256[:12]})")
    print(f"settings: {args.tokens} tokens per continuation, seed {args.seed}, temperatures {args.temperatures}; "
          f"Try it's current default: {textgen.DEFAULT_SAMPLING.label()}")
    prompts = prompts_of(Path(args.users))
    for u, ps in prompts.items():
        print(f"prompts {u}: " + " | ".join(ps))
    scorer = api.model_with(base, None)
    models = {u: (api.model_with(base, None), api.model_with(base, api.open_adapter(Path(args.adapters) / f"{u}.safetensors", base)))
              for u in prompts}
    print(f"{'arm':24} {'T':>4} {'side':7} {'rep-3':>6} {'tok-4':>6} {'dist-1':>6} {'dist-2':>6} {'nll':>6} "
          f"{'wraps':>6}")
    t0 = time.monotonic()
    for temp in (float(t) for t in args.temperatures.split(",")):
        for arm, make in ARMS.items():
            s = make(temp)
            for side in (0, 1):
                texts, reps, treps, loss, toks, wraps = [], [], [], 0.0, 0, 0
                for u, ps in prompts.items():
                    for p in ps:
                        raw = textgen.sample(models[u][side], base.tokenizer, p, s, args.seed, args.tokens)
                        wraps += raw.count("\n")
                        flat = " ".join(raw.split())
                        texts.append(flat)
                        reps.append(rep3(flat))
                        treps.append(tok_rep4(base.tokenizer.encode(raw)))
                        lo, n = nll(scorer, base.tokenizer, p, raw)
                        loss, toks = loss + lo, toks + n
                print(f"{arm:24} {temp:4.1f} {('base', 'adapted')[side]:7} {sum(reps) / len(reps):6.3f} "
                      f"{sum(treps) / len(treps):6.3f} "
                      f"{distinct(texts, 1):6.3f} {distinct(texts, 2):6.3f} {loss / max(1, toks):6.3f} "
                      f"{wraps / len(texts):6.2f}", flush=True)
    print(f"({time.monotonic() - t0:.0f} s)")
    # What Try it now shows for the first prompt of each fixture, with the default settings.
    for u, ps in prompts.items():
        for side in (0, 1):
            c = textgen.continue_text(models[u][side], base.tokenizer, ps[0], seed=args.seed)
            print(f"example {u} {('base', 'adapted')[side]}: {ps[0]}{c}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
