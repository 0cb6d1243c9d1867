"""A class that can see itself: after every student has an adapter, each
student's held-out writing (split off as their own run split it, never
trained on) is cut into a few pieces, and every piece is read by every
student's adapter; the guess is the adapter with the most evidence
(evidence.py: the largest gain over the base, the score the game and
`normfit route` use). The confusion table says how often each student was recognised, and
each student's own adapter on their own held-out text gives "the words their
model learned" (explain.py).

Cost: one pass per adapter over every student's pieces, PIECES x PIECE_CHARS
characters each (~4k tokens): ~0.4 s per adapter per student on one core, so
about a minute and a half for a class of 15. Adapters are the class's own
output files, so they need no signed entry; each one is opened and checked
against the base as any adapter is.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from . import api
from .explain import excerpt, explain_models

PIECES = 4
PIECE_CHARS = 1_000
LEARNED_WORDS = 8


@dataclass
class Recognition:
    names: list[str]                     # students with an adapter, in class order
    table: list[list[int]]               # table[i][j]: pieces of student i's text best fit by student j's adapter
    words: dict[str, list[str]] = field(default_factory=dict)   # the words each student's model learned
    piece_words: int = 0                                         # mean words per piece (for the measured curve)

    @property
    def recognised(self) -> int:
        return sum(self.table[i][i] for i in range(len(self.names)))

    @property
    def pieces(self) -> int:
        return sum(sum(row) for row in self.table)

    def recognised_of(self, name: str) -> tuple[int, int]:
        i = self.names.index(name)
        return self.table[i][i], sum(self.table[i])

    def to_dict(self) -> dict:
        return {"names": self.names, "table": self.table, "words": self.words, "piece_words": self.piece_words}

    @classmethod
    def from_dict(cls, d: dict) -> "Recognition":
        return cls(list(d["names"]), [list(map(int, r)) for r in d["table"]], dict(d.get("words", {})),
                   int(d.get("piece_words") or 0))


def pieces_of(text: str, n: int = PIECES, size: int = PIECE_CHARS, seed: int = 0) -> list[str]:
    """Up to n pieces of about `size` characters, cut at spaces, from a seeded
    excerpt of the text (the same pieces every time)."""
    part = excerpt(text, n * size, seed)
    out, start = [], 0
    while start < len(part) and len(out) < n:
        end = min(len(part), start + size)
        if end < len(part):
            sp = part.rfind(" ", start + size // 2, end)
            end = sp if sp > start else end
        piece = part[start:end].strip()
        if len(piece) >= size // 4:
            out.append(piece)
        start = end
    return out


def heldout_text(documents, seed: int = 0) -> str:
    """The held-out part of a student's documents, split exactly as their run split it."""
    split = api.split_documents(documents, seed=seed)
    return "\n\n".join(t.strip() for t in split.heldout)


def recognise(base, students: Sequence[tuple[str, Sequence, Path]], seed: int = 0,
              should_stop: Callable[[], bool] = lambda: False) -> Recognition | None:
    """students: (name, documents, adapter file). None when stopped or fewer than two."""
    from .evidence import score_sets
    if len(students) < 2:
        return None
    tok, T = base.tokenizer, base.config.context_length
    texts = [heldout_text(docs, seed) for _, docs, _ in students]
    cut = [pieces_of(t) for t in texts]
    owner = [i for i, ps in enumerate(cut) for _ in ps]
    sets = [api.eval_set_of(tok, [p], T, seed=0) for ps in cut for p in ps]
    adapters = [api.open_adapter(path, base) for _, _, path in students]
    names = [n for n, _, _ in students]
    g = score_sets(base, sets, adapters, should_stop=should_stop)
    if g is None:
        return None
    n = len(names)
    gain = [[g.gain(k, j) for j in range(n)] for k in range(len(sets))]
    table = [[0] * n for _ in names]
    for k, i in enumerate(owner):
        table[i][max(range(n), key=lambda j: gain[k][j])] += 1
    base_model = api.model_with(base, None)
    words: dict[str, list[str]] = {}
    for j, af in enumerate(adapters):
        ex = explain_models(base_model, api.model_with(base, af), tok, texts[j], T, max_chars=PIECES * PIECE_CHARS,
                            seed=seed, top=LEARNED_WORDS, should_stop=should_stop)
        if should_stop():
            return None
        words[names[j]] = [w.word for w in ex.gained]
    piece_words = round(sum(len(p.split()) for ps in cut for p in ps) / max(1, len(sets)))
    return Recognition(names, table, words, piece_words)
