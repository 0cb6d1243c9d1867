"""How sure "whose writing is this?" may say it is: words that mean what they say.

Every number here was measured (benchmarks/whose_score.py and whose_eval.py
--calibrate raw: a class of twelve similar writers and the three fixture writers,
1-minute norm-only adapters; chosen on the passages with an even index, checked
on the others, RESULTS.md). The evidence is evidence.py's: each candidate's gain
over the base, nats per token.

- The posterior is a softmax of temperature x tokens x gain: n x gain is a
  log-likelihood ratio, and the temperature makes up for neighbouring tokens not
  being independent. It was fitted (by likelihood) for classes of 3, 6 and 12 and
  falls with class size: with more candidates the best of the wrong ones looks
  better by chance.
- "clear" only from P_CLEAR up: the lowest posterior from which guesses were right
  at least 9 times in 10 in every class size (and with 95% confidence over all);
  from P_PROBABLY up "probably X"; below it "not sure: X or Y".
- "too short" from the measured curve: where, for a text of this length among this
  many candidates, the right writer was named less than halfway from chance (a
  coin toss between two, 1 in 12 among twelve) to always.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

from .evidence import posterior
from .messages import QT_TRANSLATE_NOOP, Message, msg

# Fitted on the choose half (whose_eval.py --calibrate raw), by class size.
TEMPERATURE = {3: 0.398, 6: 0.316, 12: 0.251}
P_CLEAR = 0.99
P_PROBABLY = 0.5

# How often the right writer was named (choose half, the class of twelve similar
# writers, 1-minute norm-only adapters), CURVE[class size][words], held from falling
# with length (a longer text carries more evidence; a dip is the sample's noise).
CURVE: dict[int, dict[int, float]] = {
    3: {30: 0.66, 60: 0.77, 120: 0.85, 250: 0.89},
    6: {30: 0.52, 60: 0.61, 120: 0.73, 250: 0.73},
    12: {30: 0.38, 60: 0.44, 120: 0.57, 250: 0.62},
}


def _interp(xs: Sequence[float], ys: Sequence[float], x: float) -> float:
    """Straight-line interpolation, held flat beyond the ends (never extrapolated)."""
    if x <= xs[0]:
        return ys[0]
    for (x0, y0), (x1, y1) in zip(zip(xs, ys), zip(xs[1:], ys[1:])):
        if x <= x1:
            return y0 + (y1 - y0) * (x - x0) / (x1 - x0)
    return ys[-1]


def expected_accuracy(words: int, candidates: int) -> float:
    """About how often the right writer is named for a text of ``words`` words among
    ``candidates`` writers, from the measured curve (interpolated in log words and log
    class size). Below the shortest length measured it falls in a straight line to
    chance at no words; above the largest class measured it is read as the largest,
    so the figure is optimistic there and the wording says "about"."""
    if candidates <= 1:
        return 1.0
    sizes = sorted(CURVE)
    shortest = min(min(CURVE[k]) for k in sizes)
    w = max(words, shortest)
    by_size = []
    for k in sizes:
        pts = sorted(CURVE[k].items())
        by_size.append(_interp([math.log(x) for x, _ in pts], [a for _, a in pts], math.log(w)))
    at = _interp([math.log(k) for k in sizes], by_size, math.log(candidates))
    if words < shortest:
        chance = 1.0 / candidates
        at = chance + (at - chance) * max(0, words) / shortest
    return at


@dataclass(frozen=True)
class Verdict:
    """What a person should make of a guess."""
    word: str                  # "clear", "probably", "not-sure" or "too-short"
    order: list[int]           # candidate indices, most likely first
    probs: list[float]         # posterior per candidate (same order as the candidates given)
    expected: float            # measured share of right guesses for this length and class size

    @property
    def best(self) -> int:
        return self.order[0]

    @property
    def second(self) -> int | None:
        return self.order[1] if len(self.order) > 1 else None


def temperature(candidates: int) -> float:
    """The fitted temperature for this many candidates (interpolated in log class size)."""
    sizes = sorted(TEMPERATURE)
    return _interp([math.log(k) for k in sizes], [TEMPERATURE[k] for k in sizes], math.log(max(2, candidates)))


def judge(evidences: Sequence[float], tokens: int, words: int, candidates: int | None = None) -> Verdict:
    """The verdict on one text: evidences per candidate (evidence.py), the text's
    tokens and words, and how many writers are really in play (default: every
    candidate; a folder's routing also lists the base)."""
    n = candidates if candidates is not None else len(evidences)
    probs = posterior(evidences, tokens, temperature(n))
    order = sorted(range(len(probs)), key=lambda i: -probs[i])
    exp = expected_accuracy(words, n)
    top = probs[order[0]]
    if exp < (1 + 1 / max(1, n)) / 2 and top < P_CLEAR:
        word = "too-short"
    elif top >= P_CLEAR:
        word = "clear"
    elif top >= P_PROBABLY:
        word = "probably"
    else:
        word = "not-sure"
    return Verdict(word, order, probs, exp)


def in_ten(share: float) -> int:
    """A measured share as "about k in 10" (what a twelve-year-old follows)."""
    return max(0, min(10, round(10 * share)))


# The words, as engine Messages (the window and the report word them in the person's
# language; the command line prints them as they are).
_WORDS = {
    "clear": QT_TRANSLATE_NOOP("engine", "It is {name}'s writing: NormFit is clear about it."),
    "probably": QT_TRANSLATE_NOOP("engine", "Probably {name}'s writing."),
    "not-sure": QT_TRANSLATE_NOOP("engine", "Not sure: {name} or {other}."),
    "too-short": QT_TRANSLATE_NOOP("engine", "Too short to tell ({words} words): NormFit's best guess is {name}, "
                                             "but texts this short are often guessed wrong."),
}
ODDS = QT_TRANSLATE_NOOP("engine", "{name} is about {times} times as likely as {other}, the next.")
ODDS_MANY = QT_TRANSLATE_NOOP("engine", "{name} is more than {times} times as likely as {other}, the next.")
ODDS_EVEN = QT_TRANSLATE_NOOP("engine", "{name} and {other} are about as likely as each other.")
TEACHER = QT_TRANSLATE_NOOP("engine", "For a text of {words} words among {n} writers, NormFit names the right one "
                                      "about {k} times in 10 (measured on a class of twelve similar writers).")


def verdict_message(v: Verdict, names: Sequence[str], words: int) -> Message:
    """One sentence: the guess and how sure it is."""
    other = names[v.second] if v.second is not None else ""
    return msg(_WORDS[v.word], name=names[v.best], other=other, words=words)


def odds_message(v: Verdict, names: Sequence[str]) -> Message | None:
    """The top two's margin as odds ("3 times as likely"), None with one candidate."""
    if v.second is None:
        return None
    a, b = v.probs[v.best], v.probs[v.second]
    ratio = a / b if b > 0 else math.inf
    name, other = names[v.best], names[v.second]
    if ratio < 1.5:
        return msg(ODDS_EVEN, name=name, other=other)
    if ratio > 100:
        return msg(ODDS_MANY, name=name, other=other, times=100)
    return msg(ODDS, name=name, other=other, times=int(round(ratio)))


def teacher_message(words: int, n: int) -> Message:
    """The measured curve in one line for the teacher."""
    return msg(TEACHER, words=words, n=n, k=in_ten(expected_accuracy(words, n)))
