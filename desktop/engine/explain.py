"""What an adapter learned, word by word: "your words, lit up".

A perplexity change is a fact for engineers; people see words. Every token of
a text is scored by the base and by the personalised model; the change in its
log-probability (in bits: positive = the personalised model expected it more)
is summed per word. Names, jargon, spelling and punctuation habits are where
an adapter's few thousand gains make a difference, so that is what lights up.

Works on one bounded excerpt (MAX_CHARS, seed-chosen for a longer text and
said so): scoring is two passes over at most ~6k tokens, a few seconds on one
core, however large the text. Plain torch over a model pair; api.explain wraps
it for the window and the command line.
"""
from __future__ import annotations

import random
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Callable

import torch
import torch.nn.functional as F

from .tokenizer import Tokenizer

MAX_CHARS = 12_000           # ~3,000 tokens: a page or three of text
TOP_WORDS = 20
LOST_WORDS = 5
LN2 = 0.6931471805599453


@dataclass(frozen=True)
class Piece:
    """A stretch of the text in order: a word (or a run of punctuation) with its
    change in bits, or the space between words (change None)."""
    text: str
    change: float | None


@dataclass(frozen=True)
class WordChange:
    word: str          # the form seen most often
    bits: float        # total change over every occurrence (positive: now expected more)
    count: int


@dataclass
class Explanation:
    pieces: list[Piece]
    gained: list[WordChange]      # most gained first
    lost: list[WordChange]        # most lost first
    chars_total: int              # the text given
    chars_used: int               # the excerpt scored
    tokens: int
    bits_base: float              # total surprise of the excerpt, base model
    bits_adapted: float           # and personalised

    @property
    def excerpt(self) -> bool:
        return self.chars_used < self.chars_total

    @property
    def words(self) -> int:
        return sum(1 for p in self.pieces if p.change is not None)

    @property
    def words_better(self) -> int:
        return sum(1 for p in self.pieces if p.change is not None and p.change > 0)


def excerpt(text: str, max_chars: int = MAX_CHARS, seed: int = 0) -> str:
    """The text itself when short; else a seed-chosen stretch of about
    `max_chars` starting at a line start and ending at a space or line end."""
    if len(text) <= max_chars:
        return text
    start = random.Random(seed).randrange(0, len(text) - max_chars)
    nl = text.find("\n", start, start + max_chars // 4)
    start = nl + 1 if nl >= 0 else start
    end = start + max_chars
    cut = max(text.rfind("\n", start + max_chars // 2, end), text.rfind(" ", start + max_chars // 2, end))
    return text[start:cut if cut > start else end]


def _is_word_char(c: str) -> bool:
    # Letters and digits, and the combining vowel signs and joiners that
    # Malayalam (and other Indic scripts) write inside a word.
    return c.isalnum() or c == "_" or unicodedata.category(c)[0] == "M" or c in "\u200c\u200d"


def segments(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) runs covering the text: kind "w" a word (an
    apostrophe between letters stays inside it), "p" punctuation, "s" space."""
    out: list[tuple[int, int, str]] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        kind = "s" if c.isspace() else "w" if _is_word_char(c) else "p"
        j = i + 1
        while j < n:
            d = text[j]
            if kind == "w" and d in "'\u2019" and j + 1 < n and _is_word_char(text[j + 1]):
                j += 1
                continue
            k = "s" if d.isspace() else "w" if _is_word_char(d) else "p"
            if k != kind:
                break
            j += 1
        out.append((i, j, kind))
        i = j
    return out


@torch.no_grad()
def token_logprobs(model, ids: list[int], context: int, bos: int, device="cpu", batch: int = 2,
                   should_stop: Callable[[], bool] = lambda: False) -> torch.Tensor:
    """log p(token | what came before) for every token of `ids`, in nats, with at
    least half a context of history for every token after the first window
    (windows overlap by half; each token is kept from one window only)."""
    seq = [bos] + list(ids)
    n, stride = len(ids), max(1, context // 2)
    starts = [0]
    while starts[-1] + context < n:
        starts.append(starts[-1] + stride)
    out = torch.zeros(n)
    model.eval()
    for b in range(0, len(starts), batch):
        if should_stop():
            break
        group = starts[b:b + batch]
        rows = [seq[s:s + context + 1] for s in group]
        width = max(len(r) for r in rows) - 1
        x = torch.zeros(len(rows), width, dtype=torch.long)
        y = torch.full((len(rows), width), -1, dtype=torch.long)
        for i, r in enumerate(rows):
            x[i, :len(r) - 1] = torch.tensor(r[:-1])
            y[i, :len(r) - 1] = torch.tensor(r[1:])
        logp = F.log_softmax(model(x.to(device)).float(), dim=-1).cpu()
        for i, s in enumerate(group):
            m = len(rows[i]) - 1
            lp = logp[i, torch.arange(m), y[i, :m]]
            keep = 0 if s == 0 else context - stride
            out[s + keep:s + m] = lp[keep:]
    return out


def _word_changes(text: str, offsets: list[tuple[int, int]], delta_bits: torch.Tensor) -> list[Piece]:
    """Each token's change shared among the words and punctuation its characters
    cover (by characters covered); a token that covers only space goes to the
    word after it, which is what the space introduces."""
    segs = segments(text)
    seg_of = [0] * len(text)
    for k, (a, b, _) in enumerate(segs):
        for i in range(a, b):
            seg_of[i] = k
    totals = [0.0] * len(segs)
    for (a, b), d in zip(offsets, delta_bits.tolist()):
        covered = Counter(seg_of[i] for i in range(a, min(b, len(text))) if segs[seg_of[i]][2] != "s")
        if not covered:
            nxt = next((k for k in range(seg_of[min(a, len(text) - 1)], len(segs)) if segs[k][2] != "s"), None)
            if nxt is not None:
                totals[nxt] += d
            continue
        n = sum(covered.values())
        for k, c in covered.items():
            totals[k] += d * c / n
    return [Piece(text[a:b], None if kind == "s" else totals[k]) for k, (a, b, kind) in enumerate(segs)]


def word_totals(pieces: list[Piece]) -> list[WordChange]:
    """Every word's (casefolded) total change over its occurrences."""
    bits: dict[str, float] = defaultdict(float)
    forms: dict[str, Counter] = defaultdict(Counter)
    for p in pieces:
        if p.change is None:
            continue
        key = p.text.casefold()
        bits[key] += p.change
        forms[key][p.text] += 1
    return [WordChange(forms[k].most_common(1)[0][0], b, sum(forms[k].values())) for k, b in bits.items()]


def _summarise(pieces: list[Piece], top: int, lost: int) -> tuple[list[WordChange], list[WordChange]]:
    rows = word_totals(pieces)
    gained = sorted((r for r in rows if r.bits > 0), key=lambda r: -r.bits)[:top]
    worse = sorted((r for r in rows if r.bits < 0), key=lambda r: r.bits)[:lost]
    return gained, worse


def explain_models(base_model, adapted_model, tok: Tokenizer, text: str, context: int, device="cpu",
                   max_chars: int = MAX_CHARS, seed: int = 0, top: int = TOP_WORDS,
                   should_stop: Callable[[], bool] = lambda: False) -> Explanation:
    """Score an excerpt of `text` with both models and tell the change word by word."""
    part = excerpt(text, max_chars, seed)
    enc = tok.encode_with_offsets(part)
    ids, offsets = enc
    lp_base = token_logprobs(base_model, ids, context, tok.eot_id, device, should_stop=should_stop)
    lp_adapted = token_logprobs(adapted_model, ids, context, tok.eot_id, device, should_stop=should_stop)
    delta_bits = (lp_adapted - lp_base) / LN2
    pieces = _word_changes(part, offsets, delta_bits)
    gained, lost = _summarise(pieces, top, LOST_WORDS)
    return Explanation(pieces, gained, lost, len(text), len(part), len(ids),
                       float(-lp_base.sum() / LN2), float(-lp_adapted.sum() / LN2))
