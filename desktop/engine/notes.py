"""What a finished run means, in plain words: one home for the sentences the
window and the command line both show (so they say the same thing)."""
from __future__ import annotations

from .train import DEFAULT_MAX_DRIFT, TrainResult


def fmt_time(seconds: float) -> str:
    s = max(0, int(round(seconds)))
    return f"{s // 60}:{s % 60:02d}"


def pct(x: float) -> str:
    """0.031 -> '3.1%'; whole numbers lose the decimal ('3%')."""
    v = round(100 * x, 1)
    return f"{v:g}%"


def general_change(result: TrainResult) -> float | None:
    """Relative perplexity change on the reported general set (0.05 = 5% worse)."""
    b, a = result.general_before, result.general_after
    if b is None or a is None:
        return None
    return a.ppl / b.ppl - 1.0


def outcome_notes(result: TrainResult) -> list[str]:
    """Sentences to show under a result, most important first."""
    notes = []
    if result.cancelled:
        return notes
    if not result.learned:
        limit = f" within the {pct(result.max_drift)} limit on general text" if result.max_drift else ""
        notes.append("Nothing beat the base model on your validation text" + limit +
                     ", so there is no adapter to keep: add more of your writing or give it more time.")
        return notes
    if result.stopped_early:
        notes.append(f"Done in {fmt_time(result.seconds)}: your writing stopped improving, "
                     "so NormFit stopped early.")
    change = general_change(result)
    allowed = result.max_drift if result.max_drift is not None else DEFAULT_MAX_DRIFT
    if change is not None and change > allowed:
        notes.append(f"Warning: general text got {pct(change)} worse (the limit is {pct(allowed)}), "
                     "so this adapter has pulled the model away from what it knew."
                     + ("" if result.max_drift is not None else
                        " Training ran with no limit; the default limit keeps this small."))
    return notes
