"""normfit train and normfit compare: documents -> engine/session.py -> results."""
from __future__ import annotations

import json
import math
import time
from pathlib import Path

from .common import UsageError, _better, _collect, _device, _load_base, _max_drift, _progress_printer, say


def _default_out(method: str, label: str | None = None) -> Path:
    """As the window names it: the label made safe (any script, no path
    characters), else normfit-<method>-<time>; never over an existing file."""
    from ..engine.names import safe_file_stem, unique_name
    from ..paths import adapters_dir, ensure
    folder = ensure(adapters_dir())
    stem = (safe_file_stem(label) + ("" if method == "norm" else f"-{method}") if label
            else f"normfit-{method}-{time.strftime('%Y%m%d-%H%M%S')}")
    return folder / unique_name(stem, ".safetensors", lambda n: (folder / n).exists())


def _save(result, base, out: Path | None, force: bool, general, label: str | None):
    """Save atomically; on a read-only folder or full disk, fall back to the user data folder."""
    from ..engine.api import export_adapter
    from ..paths import adapters_dir, ensure
    target = out or _default_out(result.method, label)
    try:
        n = export_adapter(target, result, base, overwrite=force, label=label, general=general)
        return target, n
    except OSError as e:
        # A read-only folder or a full disk: the result is still in memory, so
        # keep it by saving to the user's own NormFit folder instead.
        try:
            fallback = ensure(adapters_dir()) / target.name
            if fallback.resolve() == target.resolve():
                raise e
            say(f"Could not write {target} ({e.strerror or e}); saving to {fallback} instead.")
            n = export_adapter(fallback, result, base, overwrite=False, label=label, general=general)
        except OSError as e2:
            raise UsageError(f"Could not save the adapter ({e2.strerror or e2}); free some disk space or choose "
                             "another folder with --out, then train again.") from None
        return fallback, n


def _cache_dir() -> str:
    from ..paths import scores_cache_dir
    return str(scores_cache_dir())


def _train_config(args, method):
    from ..engine.api import PROTOCOLS, TrainConfig
    if args.protocol and args.protocol not in PROTOCOLS:
        raise UsageError(f"Unknown protocol '{args.protocol}'.")
    for name in ("minutes", "lr"):
        v = getattr(args, name)
        if v is not None and not (v > 0 and math.isfinite(v)):
            raise UsageError(f"--{name} must be a positive number.")
    if args.steps is not None and args.steps < 1:
        raise UsageError("--steps must be at least 1.")
    cfg = TrainConfig(method=method, minutes=args.minutes if args.minutes is not None else 5.0,
                      max_steps=args.steps, lr=args.lr, seed=args.seed, device=args.device,
                      threads=args.threads, protocol=args.protocol, cache_dir=_cache_dir())
    cfg = cfg.with_protocol()
    # Explicit flags win over the protocol's values.
    from dataclasses import replace
    over = {k: getattr(args, a) for k, a in (("minutes", "minutes"), ("max_steps", "steps"), ("lr", "lr"))
            if getattr(args, a) is not None}
    if args.max_drift is not None:
        over["max_drift"] = _max_drift(args.max_drift)
    return replace(cfg, protocol=None, **over)


def _prepare(args, base, cfg, methods, on_event, started_at):
    """A session with the documents ready: read, split and tokenised. The
    documents' text is let go of here, before training (see Session)."""
    from ..engine.api import NotEnoughText
    from ..engine.session import Session
    col = _collect(args.paths)
    held = _collect(args.heldout, "held-out documents").documents if args.heldout else None
    if held:
        hp = {Path(d.path).resolve() for d in held}
        docs = [d for d in col.documents if Path(d.path).resolve() not in hp]
    else:
        docs = col.documents
    n_docs, words = len(docs), col.words
    del col
    session = Session(base, cfg, methods, general_path=args.general, label=getattr(args, "label", None),
                      on_event=on_event, started_at=started_at)
    try:
        data = session.prepare(docs, held)
    except (NotEnoughText, ValueError) as e:
        raise UsageError(str(e)) from None
    sample = (f" (a sample: {data.train_share:.0%} of the training text, as much as the time allows)"
              if data.train_share < 1 else "")
    say(f"{n_docs} documents, {words:,} words; split by {data.by}: "
        f"{data.n_train_tokens:,} training tokens{sample}, {data.validation.n_tokens:,} validation, "
        f"{data.heldout.n_tokens:,} held-out; general check: {session.general_label}")
    return session, data


def _check_out(args):
    from ..engine.names import label_too_long
    too_long = label_too_long(getattr(args, "label", None))
    if too_long:             # before any training: the budget is not spent on a file that cannot be saved
        raise UsageError(too_long)
    out = Path(args.out) if args.out else None
    if out is not None:
        if out.exists() and not args.force:
            raise UsageError(f"{out} already exists; add --force to replace it.")
        if not out.parent.exists():
            raise UsageError(f"The folder {out.parent} does not exist.")
    return out


# ------------------------------------------------------------------ commands
def cmd_train(args) -> int:
    # The budget counts starting up (typed at a prompt: from the process's start), reading and getting the text ready.
    started = getattr(args, "started_at", None) or time.monotonic()
    out = _check_out(args)
    cfg = _train_config(args, args.method)     # bad options refused before any reading
    _device(args)                              # says which device, or refuses an absent one
    base = _load_base(args)
    printer = _progress_printer()
    session, data = _prepare(args, base, cfg, (cfg.method,), lambda m, e: printer(e), started)
    glabel = session.general_label
    say(f"Training {cfg.method} (lr {cfg.learning_rate:g}) for up to {cfg.minutes:g} minutes"
        + (f" or {cfg.max_steps} steps" if cfg.max_steps else ""))
    result, = session.run(data).results
    from ..engine.notes import outcome_notes
    notes = outcome_notes(result)
    summary = result.summary()
    # A run that kept the base learned nothing: say so instead of saving the base's gains as a "result".
    if result.learned and (result.method == "norm" or out is not None):
        path, nbytes = _save(result, base, out, args.force, session.general, session.label)
        summary.update(adapter_path=str(path), adapter_bytes=nbytes)
    else:
        summary.update(adapter_path=None, adapter_bytes=None)
    summary.update(base_id=base.base_id, split=data.by, general_set=glabel, learned=result.learned,
                   notes=[n.text for n in notes])
    for n in notes:
        say(n.text)
    if args.json:
        print(json.dumps(summary, indent=2))
    else:
        print(_result_text(summary))
    return 0


def _margin(s: dict) -> str:
    m = s.get("heldout_change_margin_pct")
    return "" if m is None else f"; 95% range +-{m:.1f}% over the {s['heldout_windows']:,} windows measured"


def _result_text(s: dict) -> str:
    lines = [f"method            {s['method']}  ({s['trainable_params']:,} trainable parameters, lr {s['lr']:g})",
             f"steps             {s['steps']} in {s['seconds']:.1f} s ({s['tokens_per_s']:,.0f} tokens/s), "
             f"kept step {s['best_step']}",
             f"held-out ppl      {s['heldout_ppl_before']:.2f} -> {s['heldout_ppl_after']:.2f}  "
             f"({_better(s['heldout_ppl_before'], s['heldout_ppl_after'])}{_margin(s)})",
             f"held-out bits/byte {s['heldout_bpb_before']:.4f} -> {s['heldout_bpb_after']:.4f}"]
    if s.get("general_ppl_before") is not None:
        lines.append(f"general ppl       {s['general_ppl_before']:.2f} -> {s['general_ppl_after']:.2f}  "
                     f"({100 * (s['general_ppl_after'] / s['general_ppl_before'] - 1):+.1f}%, {s['general_set']})")
    if s.get("general_drift") is not None:
        limit = "no limit" if s.get("max_drift") is None else f"limit {100 * s['max_drift']:g}%"
        lines.append(f"drift from base   {100 * s['general_drift']:+.2f}% on the reference set ({limit}, "
                     f"anchor lambda {s['anchor_lambda']:.3g})")
    if s.get("adapter_path"):
        lines.append(f"adapter           {s['adapter_path']} ({s['adapter_bytes']:,} bytes)")
    return "\n".join(lines)


def cmd_compare(args) -> int:
    from ..engine.methods import names
    started = getattr(args, "started_at", None) or time.monotonic()
    cfg = _train_config(args, "norm")          # bad options refused before any reading
    _device(args)                              # says which device, or refuses an absent one
    base = _load_base(args)
    printers = {}

    def on_event(method, e):
        printers.setdefault(method, _progress_printer(f"[{method}] "))(e)
    session, data = _prepare(args, base, cfg, names(), on_event, started)
    outcome = session.run(data)
    glabel = outcome.general_label
    from ..engine.pareto import dominates
    rows = [r.summary() for r in outcome.results]
    for row in rows:
        row["adapter_bytes"] = outcome.sizes.get(row["method"])
    by = {r["method"]: r for r in rows}
    verdict = {m: dominates(by["norm"], by[m]) for m in by if m != "norm"}
    if args.json:
        print(json.dumps({"results": rows, "norm_dominates": verdict, "general_set": glabel}, indent=2))
        return 0
    print(f"{'method':6} {'held-out ppl':>13} {'general ppl':>12} {'params':>10} {'file bytes':>12} {'steps':>6} {'s':>6}")
    for r in rows:
        gp = f"{r['general_ppl_after']:.2f}" if r["general_ppl_after"] is not None else "-"
        print(f"{r['method']:6} {r['heldout_ppl_after']:13.2f} {gp:>12} {r['trainable_params']:10,} "
              f"{r['adapter_bytes']:12,} {r['steps']:6} {r['seconds']:6.0f}")
    print(f"(base: held-out ppl {rows[0]['heldout_ppl_before']:.2f})")
    for m, d in verdict.items():
        print(f"norm-only {'Pareto-dominates' if d else 'does not Pareto-dominate'} {m}")
    return 0


