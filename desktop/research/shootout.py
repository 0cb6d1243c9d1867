"""The adapter shootout (a developer tool): norm-only vs LoRA-r4 vs full
fine-tuning on the shared fixture users, with the verdict of engine/pareto.py.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

import torch

from ..engine.atomic import atomic_write_text
from ..engine.errors import UserError    # one sentence, exit code 2 (research never imports the command line)
from ..engine.methods import METHODS, SHAREABLE, names  # noqa: F401 (METHODS: the built-ins, for the charts)
from ..engine.pareto import GENERAL_TOLERANCE, verdict

USERS = ("programmer", "novelist", "scientist")
QUICK_CHARS = 12_000      # --quick: text per held-out / general set, so a run takes seconds


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--users", required=True, help="folder with one sub-folder per user: train/ and heldout/")
    p.add_argument("--general", required=True, help="general held-out text (.jsonl or .txt)")
    p.add_argument("--protocol", default="tuned", choices=["bet49", "tuned", "anchored"],
                   help="bet49: 5 min, 100 steps, lr 5e-5 for all; tuned: 5 min, per-method lr; "
                        "anchored: tuned + the general-text limit (the app's defaults)")
    p.add_argument("--max-drift", type=float, default=None, metavar="PERCENT",
                   help="anchored: the drift limit in percent (default 3); runs are cached per limit")
    p.add_argument("--seeds", type=int, default=3, help="seeds per user and method (default 3)")
    p.add_argument("--out", required=True, help="results folder (runs are cached there: rerun to resume)")
    p.add_argument("--quick", action="store_true", help="a few steps on small slices (tests, CI)")
    p.add_argument("--minutes", type=float, default=None, help="override the 5-minute budget")
    p.add_argument("--keep-full", action="store_true", help="also keep full fine-tuning weights (large)")
    p.add_argument("--only", default=None, help="comma list of user/method/seed keys to run (e.g. novelist/norm/0)")
    p.add_argument("--threads", type=int, default=None,
                   help="CPU threads per run (default: all usable cores); pin with taskset to run shards side by side")
    p.add_argument("--report-only", action="store_true",
                   help="rewrite results.md/json and the charts from the cached runs; trains and measures nothing")
    p.add_argument("--base", default=None, help=argparse.SUPPRESS)


def machine() -> str:
    """The computer the runs were measured on, in one line."""
    import os
    import platform
    from ..engine.device import cpu_name, usable_cpus
    total, usable = os.cpu_count() or 1, usable_cpus()
    pin = f" (this run pinned to {usable})" if usable < total else ""
    return f"{cpu_name()}, {total} cores{pin}, {platform.system()}, torch {torch.__version__}"


def _say(msg: str) -> None:
    print(f"[shootout {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def _users(root: Path) -> list[str]:
    found = [d.name for d in sorted(root.iterdir()) if (d / "train").is_dir() and (d / "heldout").is_dir()]
    if not found:
        raise ValueError(f"No user folders with train/ and heldout/ inside {root}.")
    return [u for u in USERS if u in found] + [u for u in found if u not in USERS]


def run_config(protocol: str, method: str, seed: int, quick: bool, minutes: float | None,
               threads: int | None = None, max_drift: float | None = None):
    from ..engine.train import TrainConfig
    from dataclasses import replace
    cfg = TrainConfig(method=method, seed=seed, protocol=protocol).with_protocol()
    if protocol == "anchored" and max_drift is not None:
        cfg = replace(cfg, max_drift=max_drift / 100.0)
    if quick:
        cfg = replace(cfg, minutes=0.5, max_steps=2)
    if minutes is not None:
        cfg = replace(cfg, minutes=minutes)
    return replace(cfg, protocol=None, threads=threads)


def _truncate(texts: list[str], chars: int) -> list[str]:
    out, n = [], 0
    for t in texts:
        if n >= chars:
            break
        out.append(t[:chars - n])
        n += len(out[-1])
    return out


def main(args) -> int:
    from ..engine.api import load_base
    users_root, out, users = _checked(args)
    if args.report_only:
        return _report_only(out, users, args)
    base = load_base(args.base)
    general, glabel = _general(base, args)
    (out / "cache").mkdir(parents=True, exist_ok=True)
    (out / "adapters").mkdir(parents=True, exist_ok=True)
    user_data = {user: _user_data(base, users_root / user, args.quick) for user in users}
    runs = _run_all(args, base, general, users, user_data, out)
    if args.only:      # a shard: the report pass without --only writes the report
        _say(f"shard done: {len(runs)} runs cached in {out}")
        return 0
    report = build_report(runs, users, args.seeds, args.protocol, glabel)
    report["controls"] = controls(base, users, user_data, out / "adapters", args.seeds)
    _write(report, out)
    _say(f"{'complete' if report['complete'] else 'partial'}: {len(runs)} runs; verdict "
         f"{report['verdict']['label']}; report in {out}")
    print(markdown(report))
    return 0


def _checked(args) -> tuple[Path, Path, list[str]]:
    """The options, refused in one sentence each before anything loads."""
    users_root, out = Path(args.users), Path(args.out)
    if not users_root.is_dir():
        raise UserError(f"The users folder {users_root} does not exist.")
    if args.seeds < 1:
        raise UserError("--seeds must be at least 1.")
    if args.threads is not None:
        if args.threads < 1:
            raise UserError("--threads must be at least 1.")
        torch.set_num_threads(args.threads)
    try:
        return users_root, out, _users(users_root)
    except ValueError as e:
        raise UserError(str(e)) from None


def _general(base, args):
    from ..engine.api import general_set
    from ..engine.documents import general_texts
    from ..engine.evaluate import eval_set_from_texts
    try:
        general = general_set(base, args.general)
    except ValueError as e:
        raise UserError(str(e)) from None
    if args.quick:
        gtexts = general_texts(Path(args.general))
        general = replace(general, eval_set=eval_set_from_texts(_truncate(gtexts, QUICK_CHARS), base.tokenizer,
                                                                base.config.context_length))
    return general, general.label


def _user_data(base, folder: Path, quick: bool):
    """One user's documents split and tokenised (--quick: shorter held-out and validation)."""
    from dataclasses import replace
    from ..engine.api import collect, prepare_documents
    from ..engine.data import prepare, split_documents
    docs = collect([folder / "train"]).documents
    held = collect([folder / "heldout"]).documents
    if not quick:
        return prepare_documents(base, docs, held, seed=0)
    split = split_documents(docs, seed=0, heldout=held)
    split = replace(split, heldout=_truncate(split.heldout, QUICK_CHARS),
                    validation=_truncate(split.validation, QUICK_CHARS))
    return prepare(split, base.tokenizer, base.config.context_length)


def _run_all(args, base, general, users, user_data, out: Path) -> list[dict]:
    """Every (seed, user, method) run not cached yet (only those in --only)."""
    from ..engine.train import measure_before
    only = set(args.only.split(",")) if args.only else None
    runs, before = [], {}
    # Seed-major order: an interrupted shootout has whole seeds (every user and
    # method) done first, so a partial report is still a like-for-like table.
    for seed in range(args.seeds):
        for user in users:
            data = user_data[user]
            for method in names():     # every registered method (engine/methods.py)
                key = f"{user}/{method}/{seed}"
                cfile = out / "cache" / f"{user}_{method}_s{seed}{_limit_tag(args)}.json"
                if cfile.exists():
                    runs.append(json.loads(cfile.read_text()))
                    continue
                if only is not None and key not in only:
                    continue
                if user not in before:
                    before[user] = _cached_before(out, base, user, bool(args.quick),
                                                  lambda: measure_before(base, data, general, torch.device("cpu")))
                row = _one_run(args, base, data, general, before[user], user, method, seed, out)
                cfile.write_text(json.dumps(row, indent=1))
                runs.append(row)
    return runs


def _one_run(args, base, data, general, before, user: str, method: str, seed: int, out: Path) -> dict:
    from ..engine.adapter_file import save_adapter, to_bytes
    from ..engine.api import adapter_metadata
    from ..engine.train import Start, train
    key = f"{user}/{method}/{seed}"
    cfg = run_config(args.protocol, method, seed, args.quick, args.minutes, args.threads,
                     getattr(args, "max_drift", None))
    _say(f"{key}: {cfg.method} lr {cfg.learning_rate:g}, {cfg.minutes:g} min"
         + (f", at most {cfg.max_steps} steps" if cfg.max_steps else ""))
    r = train(base, data, cfg, general, start=Start(before=before))
    row = r.summary()
    meta = adapter_metadata(r, base, label=f"shootout {args.protocol} {user} seed {seed}", general=general)
    row.update(user=user, seed=seed, protocol=args.protocol, adapter_bytes=len(to_bytes(r.tensors, meta)),
               limit=cfg.max_drift, quick=bool(args.quick), threads=torch.get_num_threads(), machine=machine())
    if method != "full" or args.keep_full:
        path = out / "adapters" / f"{method}_{user}_s{seed}{_limit_tag(args)}.safetensors"
        save_adapter(path, r.tensors, meta, overwrite=True)
        row["adapter_file"] = path.name
    _say(f"{key}: held-out ppl {row['heldout_ppl_before']:.2f} -> {row['heldout_ppl_after']:.2f}, "
         f"general {row['general_ppl_before']:.2f} -> {row['general_ppl_after']:.2f}, "
         f"{row['steps']} steps, {row['seconds']:.0f} s")
    return row


def _cached_before(out: Path, base, user: str, quick: bool, measure):
    """The base's scores for a user, shared by every shootout folder beside `out`
    (the frontier runs one folder per limit): measuring the shared general set
    once per user instead of once per folder and shard."""
    from ..engine.evaluate import EvalResult
    from ..engine.train import Before
    path = out.parent / ".before-cache.json"
    key = f"{base.sha256[:16]}/{user}/{'quick' if quick else 'full'}"
    try:
        cache = json.loads(path.read_text())
    except (OSError, ValueError):
        cache = {}
    if key in cache:
        c = cache[key]
        er = lambda d: None if d is None else EvalResult(**d)
        return Before(er(c["heldout"]), er(c["general"]), c["seconds"], er(c["reference"]))
    b = measure()
    d = lambda r: None if r is None else {"nll_nats": r.nll_nats, "tokens": r.tokens, "bytes": r.bytes}
    cache[key] = {"heldout": d(b.heldout), "general": d(b.general), "seconds": b.seconds,
                  "reference": d(b.reference)}
    atomic_write_text(path, json.dumps(cache), durable=False)
    return b


def _limit_tag(args) -> str:
    """Cache/adapter name suffix for anchored runs at a non-default limit."""
    md = getattr(args, "max_drift", None)
    return "" if args.protocol != "anchored" or md is None else f"_d{md:g}"


def _write(report: dict, out: Path) -> None:
    (out / "results.json").write_text(json.dumps(report, indent=1))
    (out / "results.md").write_text(markdown(report))
    try:
        from .shootout_charts import charts
        charts(report, out)
    except Exception as e:  # charts are a convenience; the numbers are in the json
        _say(f"charts skipped: {e}")


def _report_only(out: Path, users: list[str], args) -> int:
    """Rebuild the report from cache/ (and the controls of the last full pass)."""
    files = sorted((out / "cache").glob("*.json"))
    runs = [json.loads(f.read_text()) for f in files]
    runs = [r for r in runs if r.get("protocol") == args.protocol and r.get("seed", 0) < args.seeds]
    if not runs:
        raise UserError(f"No cached {args.protocol} runs in {out / 'cache'}: run the shootout first.")
    old = out / "results.json"
    prior = json.loads(old.read_text()) if old.exists() else {}
    report = build_report(runs, users, args.seeds, args.protocol, prior.get("general_set", Path(args.general).name))
    report["controls"] = prior.get("controls", {})
    _write(report, out)
    _say(f"report rebuilt from {len(runs)} cached runs; verdict {report['verdict']['label']}")
    return 0


def _stats(xs: list[float]) -> dict:
    xs = [x for x in xs if x is not None and math.isfinite(x)]
    if not xs:
        return {"mean": None, "sd": None, "min": None, "max": None, "n": 0}
    return {"mean": statistics.mean(xs), "sd": statistics.stdev(xs) if len(xs) > 1 else 0.0,
            "min": min(xs), "max": max(xs), "n": len(xs)}


def build_report(runs: list[dict], users: list[str], seeds: int, protocol: str, glabel: str) -> dict:
    agg: dict = {}
    for u in users:
        agg[u] = {}
        for m in names():
            rs = [r for r in runs if r["user"] == u and r["method"] == m]
            if not rs:
                continue
            agg[u][m] = {k: _stats([r[k] for r in rs]) for k in
                         ("heldout_ppl_after", "heldout_bpb_after", "general_ppl_after", "general_bpb_after",
                          "steps", "seconds", "tokens_per_s")}
            agg[u][m]["kept_step"] = _stats([r.get("best_step", r["steps"]) for r in rs])
            agg[u][m].update(trainable_params=rs[0]["trainable_params"], adapter_bytes=rs[0]["adapter_bytes"],
                             lr=rs[0].get("lr"),
                             heldout_ppl_before=rs[0]["heldout_ppl_before"],
                             general_ppl_before=rs[0]["general_ppl_before"], seeds=len(rs))
    means = {u: {m: {"heldout_ppl_after": a["heldout_ppl_after"]["mean"],
                     "general_ppl_after": a["general_ppl_after"]["mean"],
                     "adapter_bytes": a["adapter_bytes"]} for m, a in by.items()}
             for u, by in agg.items() if set(by) == set(names())}
    v = verdict(means)
    # Do norm-vs-other differences exceed the seed-to-seed spread? (ranges over seeds do not overlap)
    beyond = {}
    for u, by in agg.items():
        if SHAREABLE not in by:
            continue
        n = by[SHAREABLE]["heldout_ppl_after"]
        for m in [m for m in names() if m != SHAREABLE]:
            if m in by and by[m]["heldout_ppl_after"]["n"] > 1 and n["n"] > 1:
                o = by[m]["heldout_ppl_after"]
                beyond[f"{u}/{m}"] = n["max"] < o["min"] or o["max"] < n["min"]
    complete = all(len([r for r in runs if r["user"] == u and r["method"] == m]) >= seeds
                   for u in users for m in names())
    return {"protocol": protocol, "seeds": seeds, "users": users, "general_set": glabel,
            "tolerance": GENERAL_TOLERANCE, "complete": complete, "runs": runs, "aggregate": agg,
            "verdict": v, "beyond_seed_spread": beyond}


@torch.no_grad()
def controls(base, users, user_data, adir: Path, seeds: int) -> dict:
    """Noise floor, confusion matrix and averaging, from the kept seed-0 norm adapters."""
    from ..engine.adapter_file import parse
    from ..engine.evaluate import evaluate
    from ..engine import adapters as ad
    gains = {}
    for u in users:
        p = adir / f"norm_{u}_s0.safetensors"
        if p.exists():
            gains[u] = parse(p.read_bytes()).tensors
    if not gains:
        return {}

    def ppl(tensors, user):
        m = base.fresh_model()
        if tensors is not None:
            ad.apply(m, "norm", tensors)
        return evaluate(m, user_data[user].heldout).ppl

    out: dict = {"base": {u: ppl(None, u) for u in gains}}
    # Confusion: row = adapter's user, column = held-out text's user.
    out["confusion"] = {a: {h: ppl(gains[a], h) for h in gains} for a in gains}
    out["own_adapter_wins"] = {h: min(gains, key=lambda a: out["confusion"][a][h]) == h for h in gains}
    # Noise floor: random gains as far from the base's gains as the trained ones
    # are (the adapter's real change), three draws; and, literally as the issue
    # words it, random gains as far from 1.0 as the trained ones. Our base's
    # pretrained gains are far from 1.0, so the second is a wrecked model, kept
    # to show that.
    base_gains = {k: v.float() for k, v in ad.extract(base.fresh_model(), "norm").items()}
    ones = {k: torch.ones_like(v) for k, v in base_gains.items()}
    g = torch.Generator().manual_seed(0)

    def offset(t: dict, ref: dict) -> torch.Tensor:
        return torch.cat([(t[k].float() - ref[k]).flatten() for k in t])

    def random_like(t: dict, ref: dict) -> dict:
        """ref + a random direction as long as t's offset from ref."""
        delta = offset(t, ref)
        r = torch.randn(delta.numel(), generator=g)
        r = r * delta.norm() / r.norm()
        rand, i = {}, 0
        for k, v in t.items():
            rand[k] = ref[k] + r[i:i + v.numel()].view_as(v)
            i += v.numel()
        return rand

    noise = {}
    for u, t in gains.items():
        draws = [ppl(random_like(t, base_gains), u) for _ in range(3)]
        noise[u] = {"trained": out["confusion"][u][u],
                    "change_from_base": float(offset(t, base_gains).norm()),
                    "random_same_change": statistics.mean(draws), "random_same_change_draws": draws,
                    "distance_from_1": float(offset(t, ones).norm()),
                    "random_same_distance_from_1": ppl(random_like(t, ones), u)}
    out["noise_floor"] = noise
    if len(gains) > 1:
        avg = {k: torch.stack([gains[u][k] for u in gains]).mean(0) for k in next(iter(gains.values()))}
        out["averaged"] = {u: {"own": out["confusion"][u][u], "average_of_all": ppl(avg, u)} for u in gains}
    return out


PROTOCOL_NOTES = {
    "bet49": "Protocol bet49 (the original configuration): 5-minute budget, at most 100 optimizer steps of "
             "8 x 256 tokens, lr 5e-5 for every method (10-step linear warm-up, then constant), the last step kept.",
    "tuned": "Protocol tuned: the same 5-minute budget and batches, no step cap; each method's learning rate "
             "is its default, chosen once by `benchmarks/lr_sweep.py` on validation slices of the training "
             "documents only (never held-out text); the step with the best validation loss is kept.",
}


def _kept(a: dict) -> str:
    """The step whose weights were kept (best validation), per seed: 0 means the
    base itself was never beaten on validation, so the 'adapter' changes nothing."""
    k = a.get("kept_step")
    if not k:
        return "-"
    return f"{k['min']:.0f}" if k["min"] == k["max"] else f"{k['min']:.0f}-{k['max']:.0f}"


def _f(x, nd=2):
    return "-" if x is None else f"{x:,.{nd}f}"


def markdown(rep: dict) -> str:
    L = [f"# Adapter shootout: protocol `{rep['protocol']}`, {rep['seeds']} seed(s)"
         + ("" if rep["complete"] else " (PARTIAL: not every run is done yet)"), "",
         f"General set: {rep['general_set']}. Held-out = each user's heldout/ documents (never used for any "
         "decision). Mean over seeds, ± standard deviation.", "",
         "Measured on: " + "; ".join(sorted({f"{r.get('machine', 'unrecorded machine')}, "
                                             f"{r.get('threads', '?')} thread(s) per run" for r in rep["runs"]})),
         "",
         PROTOCOL_NOTES.get(rep["protocol"], ""), "",
         "| user | method | lr | held-out ppl (base -> after) | held-out bpb | general ppl (base -> after) | "
         "trainable params | file bytes | steps | kept step | seconds | tokens/s |",
         "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for u, by in rep["aggregate"].items():
        for m, a in by.items():
            h, g = a["heldout_ppl_after"], a["general_ppl_after"]
            lr = "-" if a.get("lr") is None else f"{a['lr']:g}"
            L.append(f"| {u} | {m} | {lr} | {_f(a['heldout_ppl_before'])} -> {_f(h['mean'])} ± {_f(h['sd'])} | "
                     f"{_f(a['heldout_bpb_after']['mean'], 4)} | {_f(a['general_ppl_before'])} -> "
                     f"{_f(g['mean'])} ± {_f(g['sd'])} | {a['trainable_params']:,} | {a['adapter_bytes']:,} | "
                     f"{_f(a['steps']['mean'], 0)} | {_kept(a)} | {_f(a['seconds']['mean'], 0)} | "
                     f"{_f(a['tokens_per_s']['mean'], 0)} |")
    zero = [f"{u}/{m}" for u, by in rep["aggregate"].items() for m, a in by.items()
            if a.get("kept_step") and a["kept_step"]["min"] == 0]
    if zero:
        L += ["", "Kept step 0 (" + ", ".join(zero) + "): in at least one seed no training step beat the base "
              "model on validation text, so the rule \"keep the best validated step\" kept the base unchanged "
              "(its file would still be the method's full size)."]
    v = rep["verdict"]
    L += ["", f"**Verdict: {v['label']}** - norm-only Pareto-dominates both LoRA-r4 and full fine-tuning "
          f"for {v['count']} of {v['of']} users (lower held-out perplexity, smaller file, general perplexity "
          f"no more than {rep['tolerance']:.0%} worse)."]
    for u, w in v["users_dominated"].items():
        by = v.get("norm_beaten_by", {}).get(u, [])
        tail = (f"; {' and '.join(by)} {'is' if len(by) == 1 else 'are'} better on this user's text and no worse "
                "on general text" if by else "; no other method is better on this user's text without being "
                "worse on general text (norm-only is on the trade-off frontier)")
        L.append(f"- {u}: {'dominates' if w else 'does not dominate'}{tail}")
    if rep["beyond_seed_spread"]:
        L += ["", "Held-out differences beyond seed-to-seed spread (seed ranges do not overlap):"]
        L += [f"- {k}: {'yes' if b else 'no'}" for k, b in rep["beyond_seed_spread"].items()]
    c = rep.get("controls") or {}
    if c.get("confusion"):
        us = list(c["confusion"])
        L += ["", "## Control: confusion matrix (held-out perplexity; row = whose adapter, column = whose text)", "",
              "| adapter \\ text | " + " | ".join(us) + " |", "|---" * (len(us) + 1) + "|",
              "| base | " + " | ".join(_f(c["base"][h]) for h in us) + " |"]
        for a in us:
            L.append(f"| {a} | " + " | ".join(("**" + _f(c["confusion"][a][h]) + "**") if a == h
                                              else _f(c["confusion"][a][h]) for h in us) + " |")
        L.append("")
        L.append("Own adapter best on own text: " + ", ".join(f"{u} {'yes' if w else 'no'}"
                                                            for u, w in c["own_adapter_wins"].items()))
        L += ["", "## Control: noise floor (random gains moved as far as the trained ones)", "",
              "Random direction, same length of change from the base's gains (mean of 3 draws); last two "
              "columns: random gains at the trained gains' distance from 1.0, as first specified. This base's "
              "pretrained gains are far from 1.0, so that version is a wrecked model, not a noise floor.", "",
              "| user | change from base (L2) | trained ppl | random, same change ppl | base ppl | "
              "distance from 1.0 | random at that distance ppl |", "|---|---|---|---|---|---|---|"]
        for u, n in c["noise_floor"].items():
            L.append(f"| {u} | {n['change_from_base']:.4f} | {_f(n['trained'])} | "
                     f"{_f(n['random_same_change'])} | {_f(c['base'][u])} | {n['distance_from_1']:.2f} | "
                     f"{_f(n['random_same_distance_from_1'])} |")
        if c.get("averaged"):
            L += ["", "## Control: one averaged adapter vs routing each user to their own", "",
                  "| user | own adapter ppl | average of all users' gains ppl |", "|---|---|---|"]
            for u, a in c["averaged"].items():
                L.append(f"| {u} | {_f(a['own'])} | {_f(a['average_of_all'])} |")
    return "\n".join(L) + "\n"
