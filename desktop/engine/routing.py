"""Routing by evidence: which adapter in a folder fits a text best.

The federation serves one base and routes each person to their own adapter; a
school lab asks the same question of a text ("whose adapter fits this?"). The
answer here is measured, not guessed: the text is scored with the base and with
every adapter whose signed entry verifies, and the lowest perplexity wins.
Entries that fail verification, withdrawn adapters and adapters for another base
are skipped, each with its reason.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from . import share
from .adapter_file import AdapterFile, AdapterFileError
from .base import Base
from .evaluate import EvalResult

BASE_NAME = "base model"


@dataclass
class Candidate:
    name: str                  # the shared file's name (content-derived), plus its label if any
    adapter: AdapterFile
    path: Path
    fingerprint: str | None    # the signer's key; None for unsigned adapters (--include-unsigned)


@dataclass
class Skipped:
    path: Path
    reason: str                # one sentence


@dataclass
class Score:
    name: str
    ppl: float
    bpb: float
    tokens: int
    fingerprint: str | None = None


@dataclass
class Routed:
    scores: list[Score]                     # best first; the base is among them
    skipped: list[Skipped] = field(default_factory=list)

    @property
    def best(self) -> Score:
        return self.scores[0]

    @property
    def runner_up(self) -> Score | None:
        return self.scores[1] if len(self.scores) > 1 else None

    def margin(self) -> float | None:
        """How much lower the best perplexity is than the next one, as a fraction."""
        r = self.runner_up
        return None if r is None else 1.0 - self.best.ppl / r.ppl

    def base_score(self) -> Score:
        return next(s for s in self.scores if s.name == BASE_NAME)


# Below this many words a guess says so: a sentence or two carries too little
# evidence for a few thousand gains to tell writers apart.
MIN_WORDS_TO_TELL = 50
# A winner within this fraction of the runner-up is a tie for a person's purposes.
CLOSE_MARGIN = 0.01


def certainty(routed: "Routed", words: int) -> str:
    """"too-short", "too-close" or "clear": what a person should make of the guess."""
    if words < MIN_WORDS_TO_TELL:
        return "too-short"
    m = routed.margin()
    if m is None or m < CLOSE_MARGIN:
        return "too-close"
    return "clear"


def _display_name(path: Path, entry: dict | None) -> str:
    label = (entry or {}).get("label") or ""
    return f"{path.stem} ({label})" if label else path.stem


def find_candidates(folder: str | Path, base: Base, include_unsigned: bool = False,
                    expected_key: str | None = None) -> tuple[list[Candidate], list[Skipped]]:
    """Every adapter in ``folder`` that may be routed to, and every one that may not, with why."""
    from .api import open_adapter

    folder = Path(folder)
    known = {**share.known_bases(), base.sha256: base.base_id}
    withdrawals = []
    for w in sorted(folder.glob(f"*{share.WITHDRAWAL_SUFFIX}")):
        try:
            withdrawals.append(share.verify(w).entry)
        except share.EntryError:
            continue    # an unverifiable withdrawal withdraws nothing
    cands: list[Candidate] = []
    skipped: list[Skipped] = []
    vouched: set[Path] = set()
    for e in sorted(folder.glob(f"*{share.ENTRY_SUFFIX}")):
        vouched.add(share.adapter_next_to(e).resolve())
        try:
            v = share.verify(e, expected_key=expected_key, known=known)
        except share.EntryError as err:
            skipped.append(Skipped(e, str(err)))
            continue
        if any(share.withdrawal_applies(w, v.entry) for w in withdrawals):
            skipped.append(Skipped(e, "Its author withdrew this adapter."))
            continue
        if v.entry["base_sha256"] != base.sha256:
            skipped.append(Skipped(e, f"It was made for another base model ({v.entry['base_id']}), not the one "
                                      f"loaded ({base.base_id})."))
            continue
        try:
            af = open_adapter(v.adapter, base)
        except AdapterFileError as err:
            skipped.append(Skipped(e, str(err)))
            continue
        cands.append(Candidate(_display_name(v.adapter, v.entry), af, v.adapter, v.fingerprint))
    for a in sorted(folder.glob("*.safetensors")):
        if a.resolve() in vouched:
            continue
        if not include_unsigned:
            skipped.append(Skipped(a, "It has no signed directory entry next to it."))
            continue
        try:
            af = open_adapter(a, base)
        except AdapterFileError as err:
            skipped.append(Skipped(a, str(err)))
            continue
        cands.append(Candidate(_display_name(a, af.metadata), af, a, None))
    return cands, skipped


def route(base: Base, texts: Sequence[str], candidates: Sequence[Candidate], device="cpu",
          should_stop: Callable[[], bool] = lambda: False) -> Routed:
    """Score ``texts`` with the base and each candidate; best (lowest perplexity) first."""
    from .api import evaluate_texts

    def score(name, adapter, fp=None) -> Score:
        r: EvalResult = evaluate_texts(base, texts, adapter, device, should_stop)
        return Score(name, r.ppl, r.bpb, r.tokens, fp)

    scores = [score(BASE_NAME, None)]
    scores += [score(c.name, c.adapter, c.fingerprint) for c in candidates]
    # Ties keep the base first: an adapter must do better, not as well, to be chosen.
    scores.sort(key=lambda s: s.ppl)
    return Routed(scores)


def route_folder(base: Base, texts: Sequence[str], folder: str | Path, include_unsigned: bool = False,
                 expected_key: str | None = None, device="cpu",
                 should_stop: Callable[[], bool] = lambda: False) -> Routed:
    cands, skipped = find_candidates(folder, base, include_unsigned, expected_key)
    routed = route(base, texts, cands, device, should_stop)
    routed.skipped = skipped
    return routed

