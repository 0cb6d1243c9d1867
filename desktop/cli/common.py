"""What every command shares: one-line usage errors, progress on stderr, the
base and the documents loaded with their refusals said, the device said."""
from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path

from ..engine.notes import fmt_time  # torch-free: one time formatter for the CLI and the notes


class UsageError(Exception):
    """Bad input: printed as one line, exit code 2."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, not argparse's usage block
        raise UsageError(f"{message} (see 'normfit {self.prog.split()[-1]} --help')"
                         if " " in self.prog else f"{message} (see 'normfit --help')")


def fmt_ppl(x: float) -> str:
    """A perplexity for people: 2 decimals, or 3 significant digits when huge
    (an adapter of 65504s scores about 1e304, not a 300-digit number)."""
    if not math.isfinite(x):
        return "inf"
    return f"{x:.2f}" if x < 1e6 else f"{x:.3g}"


def fmt_pct(x: float) -> str:
    return f"{x:.1f}" if math.isfinite(x) and abs(x) < 1e6 else f"{x:.3g}"


def say(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def _load_base(args):
    from ..engine.api import BaseModelError, load_base
    try:
        return load_base(getattr(args, "base", None))
    except BaseModelError as e:
        raise UsageError(str(e)) from None


def _collect(paths, what="documents"):
    from ..engine.api import collect
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
    from ..engine.api import detect
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
    from ..engine.api import Measured, Phase, RateCut, StepDone
    from ..engine.events import Busy
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
        elif isinstance(e, Busy):
            say(f"{prefix}{e.message}")
    return on_event


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


def _better(before: float, after: float) -> str:
    """'3.5% better', '1.4% worse' or 'about the same' (lower perplexity is better)."""
    pct = 100.0 * (1 - after / before)
    if abs(pct) < 0.05:
        return "about the same"
    return f"{fmt_pct(abs(pct))}% {'better' if pct > 0 else 'worse'}"


def _duplicate_reason(col, path: str) -> str:
    kept = getattr(col, "duplicate_of", {}).get(path)
    other = f"'{Path(kept).name}'" if kept else "another file"
    return f"This has the same text as {other}, so it is counted once."


