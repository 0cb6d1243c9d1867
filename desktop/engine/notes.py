"""What a finished run means, in plain words: one home for the sentences the
window and the command line both show, so they say the same thing.

The templates are English. The window passes a ``translate`` function (Qt's,
context "notes"); ``QT_TRANSLATE_NOOP`` below is a plain marker with Qt's name
so that pyside6-lupdate collects these strings into the translation files
without the engine importing Qt.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:     # torch-free at import: the command line uses fmt_time before loading torch
    from .train import TrainResult


from .messages import QT_TRANSLATE_NOOP


NOTHING_LEARNED = QT_TRANSLATE_NOOP(
    "notes", "Nothing beat the base model on your validation text, so there is no adapter to keep: "
             "add more of your writing or give it more time.")
NOTHING_LEARNED_LIMIT = QT_TRANSLATE_NOOP(
    "notes", "Nothing beat the base model on your validation text within the {limit} limit on general "
             "text, so there is no adapter to keep: add more of your writing or give it more time.")
STOPPED_EARLY = QT_TRANSLATE_NOOP(
    "notes", "Done in {time}: your writing stopped improving, so NormFit stopped early.")
DRIFTED = QT_TRANSLATE_NOOP(
    "notes", "Warning: general text got {change} worse (the limit is {limit}), so this adapter has "
             "pulled the model away from what it knew.")
DRIFTED_NO_LIMIT = QT_TRANSLATE_NOOP(
    "notes", "Warning: general text got {change} worse. Training ran with no limit; the default "
             "limit ({limit}) keeps this small.")


def fmt_time(seconds: float) -> str:
    s = max(0, int(round(seconds)))
    return f"{s // 60}:{s % 60:02d}"


def pct(x: float) -> str:
    """0.031 -> '3.1%'; whole numbers lose the decimal ('3%')."""
    return f"{round(100 * x, 1):g}%"


def general_change(result: TrainResult) -> float | None:
    """Relative perplexity change on the reported general set (0.05 = 5% worse)."""
    b, a = result.general_before, result.general_after
    if b is None or a is None:
        return None
    return a.ppl / b.ppl - 1.0


@dataclass(frozen=True)
class Note:
    text: str
    warning: bool


def outcome_notes(result: TrainResult, translate: Callable[[str], str] = lambda s: s) -> list[Note]:
    """Sentences to show under a result, most important first."""
    from .train import DEFAULT_MAX_DRIFT
    if result.cancelled:
        return []
    if not result.learned:
        if result.max_drift:
            return [Note(translate(NOTHING_LEARNED_LIMIT).format(limit=pct(result.max_drift)), True)]
        return [Note(translate(NOTHING_LEARNED), True)]
    notes = []
    if result.stopped_early:
        notes.append(Note(translate(STOPPED_EARLY).format(time=fmt_time(result.seconds)), False))
    change = general_change(result)
    if change is not None:
        if result.max_drift is None and change > DEFAULT_MAX_DRIFT:
            notes.append(Note(translate(DRIFTED_NO_LIMIT).format(change=pct(change),
                                                                 limit=pct(DEFAULT_MAX_DRIFT)), True))
        elif result.max_drift is not None and change > result.max_drift:
            notes.append(Note(translate(DRIFTED).format(change=pct(change), limit=pct(result.max_drift)), True))
    return notes
