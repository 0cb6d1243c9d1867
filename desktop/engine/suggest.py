"""Next-word suggestions, and how much typing they would save.

A suggestion is a whole word, so it is found by a small beam search over
tokens from the point where the word starts: every token consistent with what
was typed so far (the space or punctuation before the word, then the word's
first letters), until a character that ends the word. Each candidate word's
probability is the product of its tokens' probabilities and of the word
ending there; the three most probable are the suggestions.

Keystroke savings, measured on text the model never trained on: for each
word, type it one character at a time; the characters typed before it first
appears among the three suggestions are what it cost (its whole length when
it never appears), and the rest are saved. The share of the words'
characters saved is reported for the base and for the personalised model on
the same words, with a 95% range of the difference from the spread between
the windows of text measured (words next to each other are not independent).
Spaces and the keystroke that accepts a suggestion are not counted.

Word characters: letters, digits, "_" and combining marks (Malayalam vowel
signs), in any script; punctuation, spaces and the general-punctuation block
(curly quotes, dashes) end a word. The same rule is applied to bytes, since
the tokens are byte-level.
"""
from __future__ import annotations

import math
import random
import time
import re
from dataclasses import dataclass, field
from typing import Callable, Sequence

import torch

from .errors import Stopped
from .evaluate import _t975


def _never() -> bool:
    return False

SUGGESTIONS = 3
BEAM = 6                 # partial words kept per step
DEPTH = 4                # tokens per word at most (longer words are rarely suggested anyway)
WINDOW = 192             # tokens of context a measured word sees at most...
STRIDE = 96              # ...and at least (after the first window of a text)


def window_for(model) -> int:
    """WINDOW, or less for a model with a shorter context (room for a word's DEPTH tokens after it)."""
    return max(2, min(WINDOW, model.cfg.context_length - DEPTH - 1))


def is_word_char(c: str) -> bool:
    o = ord(c)
    if o < 128:
        return c.isalnum() or c == "_"
    return not (0xA0 <= o <= 0xBF or 0x2000 <= o <= 0x206F or c in "×÷")


def words_of(text: str) -> list[tuple[int, int]]:
    """(start, end) character spans of the words of `text` (is_word_char runs)."""
    spans, start = [], None
    for i, c in enumerate(text):
        if is_word_char(c):
            if start is None:
                start = i
        elif start is not None:
            spans.append((start, i))
            start = None
    if start is not None:
        spans.append((start, len(text)))
    return spans


def _word_bytes(b: bytes) -> list[bool]:
    """is_word_char, byte by byte (a character split between tokens counts as
    word when its lead byte is not in the punctuation ranges)."""
    out, i = [], 0
    while i < len(b):
        x = b[i]
        if x < 0x80:
            out.append(chr(x).isalnum() or x == 0x5F)
            i += 1
            continue
        n = 1 if x < 0xC0 else 2 if x < 0xE0 else 3 if x < 0xF0 else 4
        seq = b[i:i + n]
        try:
            word = is_word_char(seq.decode("utf-8"))
        except UnicodeDecodeError:
            word = True
        out += [word] * len(seq)
        i += len(seq)
    return out


def _byte_decoder() -> dict[str, int]:
    """GPT-2's byte-to-character table, reversed (byte-level BPE vocabularies spell bytes this way)."""
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), 256))
    cs, n = bs[:], 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return {chr(c): b for b, c in zip(bs, cs)}


class TokenTable:
    """Every token's bytes, and per offset how many word bytes follow it."""

    def __init__(self, tokenizer):
        dec = _byte_decoder()
        vocab = tokenizer._tok.get_vocab()
        size = max(vocab.values()) + 1
        raw = [b""] * size
        for piece, i in vocab.items():
            if i != tokenizer.eot_id and all(ch in dec for ch in piece):
                raw[i] = bytes(dec[ch] for ch in piece)
        self.raw = raw
        width = max(len(r) for r in raw) + 1
        self.width = width
        self.mat = torch.zeros(size, width, dtype=torch.int16)
        self.len = torch.tensor([len(r) for r in raw])
        self.wordrun = torch.zeros(size, width + 1, dtype=torch.int16)
        for i, r in enumerate(raw):
            if r:
                self.mat[i, :len(r)] = torch.tensor(list(r), dtype=torch.int16)
                flags = _word_bytes(r)
                run = 0
                for o in range(len(r) - 1, -1, -1):
                    run = run + 1 if flags[o] else 0
                    self.wordrun[i, o] = run
        self.valid = self.len > 0

    def consistent(self, rest: bytes) -> torch.Tensor:
        """Tokens that agree with `rest` over the length they share."""
        m = len(rest)
        if m == 0:
            return self.valid.clone()
        cols = min(m, self.width)
        want = torch.tensor(list(rest[:cols]), dtype=torch.int16)
        eq = (self.mat[:, :cols] == want) | (torch.arange(cols) >= self.len[:, None])
        return eq.all(1) & self.valid


@dataclass
class _Beam:
    consumed: bytes          # bytes after the context so far
    lp: float
    row: int                 # its row in the batched cache


def _cache_rows(caches: list[dict], rows: torch.Tensor) -> list[dict]:
    return [{"k": c["k"].index_select(0, rows), "v": c["v"].index_select(0, rows), "pos": c["pos"]}
            for c in caches]


def _step(model, caches: list[dict], tokens: list[int]) -> torch.Tensor:
    x = torch.tensor(tokens).view(-1, 1)
    h = model.hidden(x, caches)
    return torch.log_softmax(model.logits(h)[:, -1].float(), -1)


def _logadd(a: float, b: float) -> float:
    hi = max(a, b)
    return hi if hi == -math.inf else hi + math.log(math.exp(a - hi) + math.exp(b - hi))


def _expand(table: TokenTable, beam: _Beam, logp: torch.Tensor, typed: bytes, sep_len: int,
            found: dict[bytes, float], grow: list) -> None:
    """One beam's next tokens: words it completes go to `found`, partial words to `grow`."""
    n = len(beam.consumed)
    rest = typed[n:]
    m = len(rest)
    word_so_far = beam.consumed[sep_len:] if n >= sep_len else b""
    ok = table.consistent(rest)
    lt = table.len
    longer = ok & (lt >= m)
    extra = (lt - m).clamp(min=0)
    run = table.wordrun[:, min(m, table.width)]
    cont = (ok & (lt < m)) | (longer & (run == extra) & (extra > 0)) | (longer & (extra == 0))
    ends = longer & (run < extra)
    if m == 0:       # a token that ends the word at once is the end mass below, not a new word
        ends &= run > 0
    if m == 0 and word_so_far:
        # The word ends here when the next token starts with a non-word byte.
        stop = ok & (table.wordrun[:, 0] == 0)
        found[word_so_far] = _logadd(found.get(word_so_far, -math.inf),
                                     beam.lp + float(torch.logsumexp(logp[stop], 0)))
    if ends.any():
        # The token covers what is left of `typed`, then `run` more word bytes, then ends the word.
        scores = logp.masked_fill(~ends, -math.inf)
        for t in torch.topk(scores, min(8, int(ends.sum()))).indices.tolist():
            word = (beam.consumed + table.raw[t])[sep_len:n + m + int(run[t])]
            if word:
                found[word] = _logadd(found.get(word, -math.inf), beam.lp + float(logp[t]))
    if cont.any():
        scores = logp.masked_fill(~cont, -math.inf)
        for t in torch.topk(scores, min(BEAM, int(cont.sum()))).indices.tolist():
            grow.append((beam.lp + float(logp[t]), beam, t))


def complete_words(model, table: TokenTable, caches: list[dict], logp: torch.Tensor, typed: bytes,
                   sep_len: int, n: int = SUGGESTIONS, should_stop: Callable[[], bool] = _never) -> list[str]:
    """The n most probable words after a context (its per-layer key/value
    caches and its next-token log-probabilities), among those consistent
    with `typed`: the bytes after the context (`sep_len` of separator, then
    the word's first letters)."""
    return [w for w, _ in scored_words(model, table, caches, logp, typed, sep_len, n, should_stop)]


@torch.no_grad()
def scored_words(model, table: TokenTable, caches: list[dict], logp: torch.Tensor, typed: bytes,
                 sep_len: int, n: int = SUGGESTIONS,
                 should_stop: Callable[[], bool] = _never) -> list[tuple[str, float]]:
    """complete_words with each word's log-probability (of its tokens and of the word ending there).
    Raises Stopped between search steps once `should_stop()` says so (a window that closed)."""
    found: dict[bytes, float] = {}
    beams = [_Beam(b"", 0.0, 0)]
    logps = logp.view(1, -1)
    for depth in range(DEPTH):
        if should_stop():
            raise Stopped()
        grow: list = []
        for b in beams:
            _expand(table, b, logps[b.row], typed, sep_len, found, grow)
        if depth == DEPTH - 1 or not grow:
            break
        # Partial words that can no longer beat the n-th word found are dropped.
        floor = sorted(found.values(), reverse=True)[n - 1] if len(found) >= n else -math.inf
        grow = sorted((g for g in grow if g[0] > floor), key=lambda g: -g[0])[:BEAM]
        if not grow:
            break
        rows = torch.tensor([g[1].row for g in grow])
        caches = _cache_rows(caches, rows)
        logps = _step(model, caches, [g[2] for g in grow])
        beams = [_Beam(g[1].consumed + table.raw[g[2]], g[0], i) for i, g in enumerate(grow)]
    out = []
    for w, lp in sorted(found.items(), key=lambda kv: -kv[1]):
        try:
            out.append((w.decode("utf-8"), lp))
        except UnicodeDecodeError:
            continue
        if len(out) == n:
            break
    return out


@torch.no_grad()
def _context(model, ids: list[int]) -> tuple[list[dict], torch.Tensor]:
    caches = [{} for _ in model.blocks]
    h = model.hidden(torch.tensor([ids]), caches)
    return caches, torch.log_softmax(model.logits(h[:, -1:])[0, -1].float(), -1)


def split_typed(text: str) -> tuple[str, str, str]:
    """(context, separator, word begun): "It was a co" -> ("It was a", " ", "co")."""
    i = len(text)
    while i and is_word_char(text[i - 1]):
        i -= 1
    j = i
    while j and not is_word_char(text[j - 1]):
        j -= 1
    return text[:j], text[j:i], text[i:]


@torch.no_grad()
def next_words(model, tokenizer, table: TokenTable, text: str, n: int = SUGGESTIONS,
               should_stop: Callable[[], bool] = _never) -> list[str]:
    """The n words most likely to come next after `text`, or to finish the word it ends in."""
    context, sep, begun = split_typed(text)
    ids = [tokenizer.eot_id] + (tokenizer.encode(context)[-(window_for(model) - 1):] if context else [])
    caches, logp = _context(model, ids)
    typed = (sep + begun).encode("utf-8")
    return complete_words(model, table, caches, logp, typed, len(sep.encode("utf-8")), n, should_stop)


@dataclass
class _Window:
    ids: list[int]
    words: list[tuple[int, bytes, str]] = field(default_factory=list)   # (token index, separator, word)


def _token_starts(table: TokenTable, ids: list[int]) -> list[int]:
    starts, pos = [], 0
    for i in ids:
        starts.append(pos)
        pos += len(table.raw[i])
    return starts + [pos]


def plan_windows(tokenizer, table: TokenTable, texts: Sequence[str], max_words: int, seed: int = 0,
                 window: int = WINDOW) -> list[_Window]:
    """Seed-chosen windows of the texts holding about `max_words` words; each
    word is measured with at least STRIDE tokens before it (or from its text's start)."""
    import bisect
    windows: list[_Window] = []
    for text in texts:
        ids = [tokenizer.eot_id] + tokenizer.encode(text)
        starts = _token_starts(table, ids)
        data = text.encode("utf-8")
        if starts[-1] != len(data):        # a text the tables cannot spell byte for byte: not measured
            continue
        spans, byte_at, pos, last = [], 0, 0, 0
        for s, e in words_of(text):
            byte_at += len(text[last:s].encode("utf-8"))
            last = s
            j = bisect.bisect_right(starts, byte_at) - 1
            spans.append((j, data[starts[j]:byte_at], text[s:e]))
        stride = window * STRIDE // WINDOW
        for s in range(0, max(1, len(ids) - 1), stride):
            lo = 1 if s == 0 else s + stride
            w = _Window(ids[s:s + window])
            w.words = [(j - s, sep, word) for j, sep, word in spans if lo <= j < s + window]
            if w.words:
                windows.append(w)
            if s + window >= len(ids):
                break
    random.Random(seed).shuffle(windows)
    chosen, total = [], 0
    for w in windows:
        if total >= max_words:
            break
        w.words = w.words[:max_words - total]
        chosen.append(w)
        total += len(w.words)
    return chosen


def word_cost(model, table: TokenTable, caches: list[dict], logp: torch.Tensor, sep: bytes, word: str) -> int:
    """Characters typed before `word` is among the suggestions (its length if never)."""
    for k in range(len(word)):
        typed = sep + word[:k].encode("utf-8")
        if word in complete_words(model, table, caches, logp, typed, len(sep)):
            return k
    return len(word)


def iter_costs(model, table: TokenTable, w: _Window):
    """word_cost of each of the window's words, in order (one forward pass for the window)."""
    with torch.no_grad():
        caches = [{} for _ in model.blocks]
        logits = model.logits(model.hidden(torch.tensor([w.ids]), caches))[0].float()
    for j, sep, word in w.words:
        cut = [{"k": c["k"][:, :, :j], "v": c["v"][:, :, :j], "pos": j} for c in caches]
        with torch.no_grad():
            yield word_cost(model, table, cut, torch.log_softmax(logits[j - 1], -1), sep, word)


def window_costs(model, table: TokenTable, w: _Window) -> list[int]:
    return list(iter_costs(model, table, w))


@dataclass(frozen=True)
class Savings:
    """Characters saved by the base's and the adapted model's suggestions on the same words."""
    words: int
    chars: int
    saved_base: int
    saved_adapted: int
    margin_pts: float | None      # half-width of the 95% range of the difference, in points

    @property
    def base_pct(self) -> float:
        return 100.0 * self.saved_base / max(1, self.chars)

    @property
    def adapted_pct(self) -> float:
        return 100.0 * self.saved_adapted / max(1, self.chars)

    @property
    def change_pts(self) -> float:
        return self.adapted_pct - self.base_pct

    @property
    def clearly_better(self) -> bool:
        """The whole 95% range of the difference lies above zero."""
        return self.margin_pts is not None and self.change_pts - self.margin_pts > 0


def margin_pts(diffs: Sequence[float], chars: Sequence[int]) -> float | None:
    """95% half-width, in points, of sum(diffs) / sum(chars) with windows as the
    independent units (a ratio estimator's linearised standard error, Student's t)."""
    n = len(diffs)
    total = sum(chars)
    if n < 2 or not total:
        return None
    r = sum(diffs) / total
    var = sum((d - r * c) ** 2 for d, c in zip(diffs, chars)) / (n - 1)
    return 100.0 * _t975(n - 1) * math.sqrt(n * var) / total


def keystroke_savings(base_model, adapted_model, tokenizer, table: TokenTable, texts: Sequence[str],
                      max_words: int = 400, seed: int = 0, should_stop: Callable[[], bool] = lambda: False,
                      seconds: float | None = None) -> Savings | None:
    """Both models on the same seed-chosen words of `texts`, word by word;
    with `seconds`, it ends after the word that passes that time (the window's
    bound: Savings.words says how many were measured). None when stopped or no words."""
    t0 = time.monotonic()
    diffs, chars, sb, sa, nw = [], [], 0, 0, 0
    for w in plan_windows(tokenizer, table, texts, max_words, seed, window_for(base_model)):
        d = c = 0
        for (_, _, word), cb, ca in zip(w.words, iter_costs(base_model, table, w), iter_costs(adapted_model, table, w)):
            if should_stop():
                return None
            sb, sa, nw = sb + len(word) - cb, sa + len(word) - ca, nw + 1
            d, c = d + cb - ca, c + len(word)
            if seconds is not None and time.monotonic() - t0 > seconds:
                break
        diffs.append(d)
        chars.append(c)
        if seconds is not None and time.monotonic() - t0 > seconds:
            break
    if not nw:
        return None
    return Savings(nw, sum(chars), sb, sa, margin_pts(diffs, chars))
