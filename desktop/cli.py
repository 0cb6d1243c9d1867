"""The NormFit command line.  `normfit` with no arguments opens the window.

Exit codes: 0 success, 2 bad input or usage (one line on stderr), 1 internal error.
Progress goes to stderr, results to stdout; --json prints one JSON object.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
import traceback
from pathlib import Path

from . import __version__


class UsageError(Exception):
    """Bad input: printed as one line, exit code 2."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, not argparse's usage block
        raise UsageError(f"{message} (see 'normfit {self.prog.split()[-1]} --help')"
                         if " " in self.prog else f"{message} (see 'normfit --help')")


def say(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


from .engine.methods import METHODS  # noqa: E402  (torch-free)
from .engine.notes import fmt_time  # noqa: E402  (one formatter for the CLI and the notes)


# ------------------------------------------------------------------ helpers
def _load_base(args):
    from .engine.api import BaseModelError, load_base
    try:
        return load_base(getattr(args, "base", None))
    except BaseModelError as e:
        raise UsageError(str(e)) from None


def _collect(paths, what="documents"):
    from .engine.api import collect
    for p in paths:
        if not Path(p).exists():
            raise UsageError(f"'{p}' does not exist.")
    col = collect(paths, on_event=_reading_printer())
    for r in col.refused:
        say(f"skipped {r.name}: {r.reason}")
    for d in col.duplicates:
        say(f"skipped {Path(d).name}: {_duplicate_reason(col, d)}")
    if not col.documents:
        raise UsageError(f"None of the given files could be read as {what}.")
    return col


def _device(args):
    from .engine.api import detect
    try:
        info = detect(args.device, getattr(args, "threads", None))
    except ValueError as e:
        raise UsageError(str(e)) from None
    say(f"Device: {info.describe()} ({info.kind}, {info.threads} threads)")
    return info


def _reading_printer():
    """Progress while reading many files: a line every few seconds, none for quick jobs."""
    start = time.monotonic()
    state = {"last": start}

    def on_event(e):
        now = time.monotonic()
        if e.total and e.done < e.total and now - state["last"] >= 2.0:
            state["last"] = now
            say(f"Reading files: {e.done:,} of {e.total:,} done ({fmt_time(now - start)})")
    return on_event


def _progress_printer(prefix: str = ""):
    from .engine.api import Measured, Phase, RateCut, StepDone
    state = {"last": 0.0}

    def on_event(e):
        if isinstance(e, StepDone):
            now = time.monotonic()
            if now - state["last"] >= 5.0:
                state["last"] = now
                say(f"{prefix}step {e.step:5d}  loss {e.loss:6.3f}  {fmt_time(e.elapsed_s)} / "
                    f"{fmt_time(e.budget_s)}  {e.tokens_per_s:,.0f} tokens/s")
        elif isinstance(e, Measured):
            g = f", general ppl {e.general.ppl:.2f}" if e.general else ""
            say(f"{prefix}{e.when}: held-out ppl {e.heldout.ppl:.2f} ({e.heldout.bpb:.3f} bits/byte){g}")
        elif isinstance(e, Phase):
            say(f"{prefix}{e.message}...")
        elif isinstance(e, RateCut):
            say(f"{prefix}step {e.step}: no longer improving; back to step {e.back_to_step} at lr {e.lr:.2g}")
    return on_event


def _default_out(method: str, label: str | None = None) -> Path:
    """As the window names it: the label made safe (any script, no path
    characters), else normfit-<method>-<time>; never over an existing file."""
    from .engine.names import safe_file_stem, unique_name
    from .paths import adapters_dir, ensure
    folder = ensure(adapters_dir())
    stem = (safe_file_stem(label) + ("" if method == "norm" else f"-{method}") if label
            else f"normfit-{method}-{time.strftime('%Y%m%d-%H%M%S')}")
    return folder / unique_name(stem, ".safetensors", lambda n: (folder / n).exists())


def _save(result, base, out: Path | None, force: bool, general_label: str, label: str | None):
    """Save atomically; on a read-only folder or full disk, fall back to the user data folder."""
    from .engine.api import export_adapter
    from .paths import adapters_dir, ensure
    target = out or _default_out(result.method, label)
    try:
        n = export_adapter(target, result, base, overwrite=force, label=label, general_label=general_label)
        return target, n
    except OSError as e:
        # A read-only folder or a full disk: the result is still in memory, so
        # keep it by saving to the user's own NormFit folder instead.
        try:
            fallback = ensure(adapters_dir()) / target.name
            if fallback.resolve() == target.resolve():
                raise e
            say(f"Could not write {target} ({e.strerror or e}); saving to {fallback} instead.")
            n = export_adapter(fallback, result, base, overwrite=False, label=label, general_label=general_label)
        except OSError as e2:
            raise UsageError(f"Could not save the adapter ({e2.strerror or e2}); free some disk space or choose "
                             "another folder with --out, then train again.") from None
        return fallback, n


def _train_config(args, method):
    from .engine.api import PROTOCOLS, TrainConfig
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
                      threads=args.threads, protocol=args.protocol)
    cfg = cfg.with_protocol()
    # Explicit flags win over the protocol's values.
    from dataclasses import replace
    over = {k: getattr(args, a) for k, a in (("minutes", "minutes"), ("max_steps", "steps"), ("lr", "lr"))
            if getattr(args, a) is not None}
    if args.max_drift is not None:
        over["max_drift"] = _max_drift(args.max_drift)
    return replace(cfg, protocol=None, **over)


def _max_drift(text: str) -> float | None:
    """'3' or '3%' -> 0.03; 'none' -> None (no limit)."""
    t = text.strip().lower().rstrip("%")
    if t in ("none", "off", "no"):
        return None
    try:
        v = float(t)
    except ValueError:
        v = float("nan")
    if not (math.isfinite(v) and 0 < v <= 1000):
        raise UsageError(f"--max-drift must be a percentage such as 3, or 'none' (got '{text}').")
    return v / 100.0


def _prepare(args, base, cfg, methods, on_event, started_at):
    """A session with the documents ready: read, split and tokenised. The
    documents' text is let go of here, before training (see Session)."""
    from .engine.api import NotEnoughText
    from .engine.session import Session
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
    out = Path(args.out) if args.out else None
    if out is not None:
        if out.exists() and not args.force:
            raise UsageError(f"{out} already exists; add --force to replace it.")
        if not out.parent.exists():
            raise UsageError(f"The folder {out.parent} does not exist.")
    return out


# ------------------------------------------------------------------ commands
def cmd_train(args) -> int:
    started = time.monotonic()                 # the budget counts reading and getting the text ready
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
    from .engine.notes import outcome_notes
    notes = outcome_notes(result)
    summary = result.summary()
    # A run that kept the base learned nothing: say so instead of saving the base's gains as a "result".
    if result.learned and (result.method == "norm" or out is not None):
        path, nbytes = _save(result, base, out, args.force, glabel, args.label)
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


def _better(before: float, after: float) -> str:
    """'3.5% better', '1.4% worse' or 'about the same' (lower perplexity is better)."""
    pct = 100.0 * (1 - after / before)
    if abs(pct) < 0.05:
        return "about the same"
    return f"{abs(pct):.1f}% {'better' if pct > 0 else 'worse'}"


def _result_text(s: dict) -> str:
    lines = [f"method            {s['method']}  ({s['trainable_params']:,} trainable parameters, lr {s['lr']:g})",
             f"steps             {s['steps']} in {s['seconds']:.1f} s ({s['tokens_per_s']:,.0f} tokens/s), "
             f"kept step {s['best_step']}",
             f"held-out ppl      {s['heldout_ppl_before']:.2f} -> {s['heldout_ppl_after']:.2f}  "
             f"({_better(s['heldout_ppl_before'], s['heldout_ppl_after'])})",
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
    from .engine.methods import METHODS
    started = time.monotonic()
    cfg = _train_config(args, "norm")          # bad options refused before any reading
    _device(args)                              # says which device, or refuses an absent one
    base = _load_base(args)
    printers = {}

    def on_event(method, e):
        printers.setdefault(method, _progress_printer(f"[{method}] "))(e)
    session, data = _prepare(args, base, cfg, METHODS, on_event, started)
    outcome = session.run(data)
    glabel = outcome.general_label
    from .engine.pareto import dominates
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


def _duplicate_reason(col, path: str) -> str:
    kept = getattr(col, "duplicate_of", {}).get(path)
    other = f"'{Path(kept).name}'" if kept else "another file"
    return f"This has the same text as {other}, so it is counted once."


def cmd_read(args) -> int:
    """Exactly what would be learned from: text on stdout, one line per refused file on stderr."""
    from .engine.api import collect
    col = collect(args.paths, on_event=_reading_printer())
    if args.json:
        files = [{"path": d.path, "status": "ok", "reason": None, "kind": d.kind, "characters": d.chars,
                  "words": d.words} for d in col.documents]
        files += [{"path": r.path, "status": "refused", "reason": r.reason, "characters": 0, "words": 0}
                  for r in col.refused]
        files += [{"path": p, "status": "duplicate", "reason": _duplicate_reason(col, p), "characters": 0,
                   "words": 0} for p in col.duplicates]
        print(json.dumps({"files": files, "words": col.words, "characters": col.chars}, indent=2,
                         ensure_ascii=False))
    else:
        for d in col.documents:
            print(f"===== {d.path} ({d.kind}, {d.words:,} words) =====")
            print(d.text)
    for r in col.refused:
        say(f"{r.path}: {r.reason}")
    for p in col.duplicates:
        say(f"{p}: {_duplicate_reason(col, p)}")
    return 2 if col.refused else 0


def cmd_shootout(args) -> int:
    from .research import shootout
    return shootout.main(args)


def cmd_gui(args) -> int:
    from .ui.app import main as gui_main
    return gui_main([])


def build_parser() -> argparse.ArgumentParser:
    p = Parser(prog="normfit", description="Personalise a small language model to your writing, offline.")
    p.add_argument("--version", action="version", version=f"NormFit {__version__}")
    p.add_argument("--selftest", action="store_true", help="check this copy of NormFit end to end and exit")
    sub = p.add_subparsers(dest="command", parser_class=Parser)

    def common_train(sp):
        sp.add_argument("paths", nargs="+", help="your documents: files and folders")
        sp.add_argument("--minutes", type=float, default=None, help="wall-clock budget (default 5)")
        sp.add_argument("--steps", type=int, default=None, help="stop after this many steps")
        sp.add_argument("--lr", type=float, default=None, help="learning rate (default: per method)")
        sp.add_argument("--seed", type=int, default=0, help="seed for the split, batches and sampling (default 0)")
        sp.add_argument("--heldout", nargs="+", default=None, help="documents to hold out for the score")
        sp.add_argument("--general", default=None, help="general text (.txt or .jsonl) for the general check")
        sp.add_argument("--device", default="auto", choices=["auto", "cpu", "cuda", "mps"],
                        help="where to compute (default: a GPU if there is one, else the processor)")
        sp.add_argument("--threads", type=int, default=None, help="processor threads (default: all usable cores)")
        sp.add_argument("--protocol", default=None, choices=["bet49", "tuned", "anchored"],
                        help="bet49: the original experiment (5 min, 100 steps, lr 5e-5, no limit); "
                             "tuned: per-method rates, no limit; anchored: the defaults")
        sp.add_argument("--max-drift", default=None, metavar="PERCENT",
                        help="keep general text within this many percent of the base (default 3), or 'none'")
        sp.add_argument("--base", default=None, help=argparse.SUPPRESS)
        sp.add_argument("--json", action="store_true", help="print one JSON object")

    t = sub.add_parser("train", help="personalise: train an adapter on your documents")
    common_train(t)
    t.add_argument("--method", default="norm", choices=list(METHODS),
                   help="norm: the shareable ~6 KB adapter (default); lora / full: for comparison")
    t.add_argument("--out", default=None, help="adapter file to write (default: your NormFit adapters folder)")
    t.add_argument("--force", action="store_true", help="replace --out if it exists")
    t.add_argument("--label", default=None, help="a short label stored in the adapter")
    t.set_defaults(func=cmd_train)

    c = sub.add_parser("compare", help="norm-only vs LoRA r4 vs full fine-tuning, same budget each")
    common_train(c)
    c.set_defaults(func=cmd_compare)

    from .cli_adapters import add_commands as add_adapter_commands
    add_adapter_commands(sub)   # eval, inspect, generate: adapters with the base they name

    r = sub.add_parser("read", help="print the text NormFit extracts from files")
    r.add_argument("paths", nargs="+", help="files and folders to read")
    r.add_argument("--json", action="store_true", help="print one JSON object")
    r.set_defaults(func=cmd_read)

    from .cli_pretrain import add_commands as add_pretrain_commands
    add_pretrain_commands(sub)

    from .research import shootout
    so = sub.add_parser("shootout", help="rerun the adapter comparison on the shared fixtures (developers)")
    shootout.add_arguments(so)
    so.set_defaults(func=cmd_shootout)

    from .cli_share import add_commands as add_share_commands
    add_share_commands(sub)     # share, verify, withdraw, route, export-hf
    from .cli_class import add_commands as add_class_commands
    add_class_commands(sub)     # class: one adapter per student (desktop/cli_class.py)
    return p


def _log_internal_error() -> Path | None:
    try:
        from .paths import ensure, log_dir
        path = ensure(log_dir()) / "normfit-cli.log"
        with path.open("a", encoding="utf-8") as f:
            f.write(f"--- {time.strftime('%Y-%m-%d %H:%M:%S')} {' '.join(sys.argv)}\n{traceback.format_exc()}\n")
        return path
    except Exception:
        return None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    from .sysinfo import tune_allocator
    tune_allocator()
    try:
        if not argv:
            return cmd_gui(None)
        if argv[0] == "--selftest":   # headless end-to-end check (packaged app, CI): desktop/selftest.py
            from .selftest import main as selftest_main
            return selftest_main(argv[1:])
        args = build_parser().parse_args(argv)
        if args.command is None:
            raise UsageError("Choose a command, e.g. 'normfit train my-documents/' (see 'normfit --help').")
        return args.func(args)
    except UsageError as e:
        say(f"normfit: {e}")
        return 2
    except KeyboardInterrupt:
        say("normfit: cancelled; nothing was written.")
        return 130
    except BrokenPipeError:   # e.g. `normfit read docs/ | head`: the reader left, not an error
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return 0
    except SystemExit as e:   # --help / --version
        return int(e.code or 0)
    except Exception as e:
        from .engine.errors import UserError
        if isinstance(e, UserError):         # already one sentence for a person
            say(f"normfit: {e}")
            return 2
        where = _log_internal_error()
        say(f"normfit: internal error: {type(e).__name__}: {e}" + (f" (details in {where})" if where else ""))
        return 1


if __name__ == "__main__":
    sys.exit(main())
