"""Perplexity per token and bits per byte.

Perplexity depends on the tokenizer; bits per byte does not (it divides the
total negative log-likelihood by the UTF-8 size of the text scored), so it is
the figure to compare across models.
"""
from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from typing import Callable, Sequence

import torch

from .tokenizer import Tokenizer


@dataclass(frozen=True)
class EvalResult:
    nll_nats: float     # total negative log-likelihood
    tokens: int         # tokens scored
    bytes: int          # UTF-8 bytes those tokens decode to
    # Each scored window's negative log-likelihood, in order: what change_margin()
    # needs to say how sure a before/after difference on the same windows is.
    row_nll: tuple[float, ...] | None = field(default=None, compare=False, repr=False)
    # Which windows of the set those are (their indices, in scoring order), so a
    # later measurement cut short by the clock compares like with like (restrict()).
    rows: tuple[int, ...] | None = field(default=None, compare=False, repr=False)
    set_rows: int = field(default=0, compare=False)    # windows the set holds (0: not recorded)

    @property
    def loss(self) -> float:
        return self.nll_nats / max(1, self.tokens)

    @property
    def ppl(self) -> float:
        return math.exp(min(self.loss, 700.0))

    @property
    def bpb(self) -> float:
        return self.nll_nats / math.log(2) / max(1, self.bytes)


@dataclass
class EvalSet:
    """Token windows ready to score: each row is (context_length + 1) tokens,
    padded targets marked -100 so they are not counted."""
    inputs: torch.Tensor    # (N, T) long
    targets: torch.Tensor   # (N, T) long, -100 = not scored
    n_bytes: int
    of_rows: int = 0        # windows in the whole text when this is a sample of them (0 = all)

    @property
    def n_tokens(self) -> int:
        return int((self.targets != -100).sum())


def make_eval_set(token_docs: Sequence[Sequence[int]], n_bytes: int, context_length: int,
                  bos_id: int) -> EvalSet:
    """Non-overlapping windows over each document, the first one prefixed by the
    end-of-text token so that every token of the document is predicted."""
    T = context_length
    rows_in, rows_tg = [], []
    for ids in token_docs:
        seq = [bos_id] + list(ids)
        for s in range(0, len(seq) - 1, T):
            chunk = seq[s:s + T + 1]
            inp = chunk[:-1]
            tgt = chunk[1:]
            pad = T - len(inp)
            rows_in.append(inp + [0] * pad)
            rows_tg.append(tgt + [-100] * pad)
    if not rows_in:
        return EvalSet(torch.zeros(0, T, dtype=torch.long), torch.zeros(0, T, dtype=torch.long), n_bytes)
    return EvalSet(torch.tensor(rows_in), torch.tensor(rows_tg), n_bytes)


def sampled_eval_set(token_docs: Sequence[torch.Tensor], n_bytes: int, context_length: int, bos_id: int,
                     max_rows: int, seed: int) -> EvalSet:
    """A seed-chosen sample of at most `max_rows` of make_eval_set(...)'s windows
    (kept in text order, bytes scaled by the share of scored tokens kept; the
    same seed gives the same windows, so before and after score identical
    text), built without making
    every window first: only the chosen rows are materialised, so scoring a
    sample of a 50 MB document does not hold all of its windows as Python lists
    (hundreds of MB). Same rows, same order, same byte scaling (tested)."""
    T = context_length
    counts = [-(-len(d) // T) for d in token_docs]      # windows per document: ceil(n / T)
    rows = sum(counts)
    n_tokens = sum(len(d) for d in token_docs)
    if rows > max_rows:
        g = torch.Generator().manual_seed(seed)
        chosen = torch.randperm(rows, generator=g)[:max_rows].sort().values.tolist()
    else:
        chosen = list(range(rows))
    inputs = torch.zeros(len(chosen), T, dtype=torch.long)
    targets = torch.full((len(chosen), T), -100, dtype=torch.long)
    starts, doc, first = [], 0, 0
    for r in chosen:
        while r >= first + counts[doc]:
            first += counts[doc]
            doc += 1
        starts.append((doc, (r - first) * T))
    kept = 0
    for i, (k, s) in enumerate(starts):
        d = token_docs[k]
        # The document's sequence is [bos] + d: a window at s predicts
        # seq[s+1:s+T+1] = d[s:s+T] from the same number of tokens before each.
        tgt = d[s:s + T].long()
        n = len(tgt)
        inp = torch.cat([torch.tensor([bos_id]), d[:n - 1].long()]) if s == 0 else d[s - 1:s - 1 + n].long()
        inputs[i, :len(inp)] = inp
        targets[i, :len(tgt)] = tgt
        kept += len(tgt)
    if rows <= max_rows:
        return EvalSet(inputs, targets, n_bytes)
    return EvalSet(inputs, targets, round(n_bytes * kept / max(1, n_tokens)), of_rows=rows)


def eval_set_from_texts(texts: Sequence[str], tok: Tokenizer, context_length: int) -> EvalSet:
    docs = tok.encode_batch(list(texts))
    n_bytes = sum(len(t.encode("utf-8")) for t in texts)
    return make_eval_set(docs, n_bytes, context_length, tok.eot_id)


# Windows scored at once: as fast as eight on one CPU core (measured on base 2:
# ~10k tokens/s either way) for a quarter of the peak memory (~30 MB, not ~120 MB
# of logits), which is what kept whole jobs above 600 MB.
EVAL_BATCH = 2


def spaced_rows(n_rows: int, max_rows: int | None) -> list[int]:
    """All windows, or `max_rows` evenly spaced ones (validation at checks)."""
    if max_rows is None or n_rows <= max_rows:
        return list(range(n_rows))
    return torch.linspace(0, n_rows - 1, max_rows).round().long().unique().tolist()


@torch.no_grad()
def evaluate(model, es: EvalSet, device: torch.device | str = "cpu", batch_size: int = EVAL_BATCH,
             should_stop: Callable[[], bool] | None = None, max_rows: int | None = None,
             order: Sequence[int] | None = None, deadline: float | None = None,
             min_rows: int = 0) -> EvalResult:
    """Score an EvalSet. ``max_rows`` scores an evenly spaced subset (for quick
    validation checks during training); the byte count is scaled to match.
    ``order`` scores those windows in that order (a seeded shuffle: any prefix
    is a fair sample); with ``deadline`` (time.monotonic()) scoring stops there,
    once ``min_rows`` windows are scored: on a slow or busy machine a smaller
    sample, rather than running over the budget."""
    was_training = model.training
    model.eval()
    n_rows = es.inputs.shape[0]
    if order is not None:
        idx = torch.as_tensor(list(order), dtype=torch.long)
    else:
        idx = torch.as_tensor(spaced_rows(n_rows, max_rows), dtype=torch.long)
    nll: list[float] = []
    for s in range(0, len(idx), batch_size):
        if should_stop is not None and should_stop():
            break
        if deadline is not None and len(nll) >= min_rows and time.monotonic() >= deadline:
            break
        sel = idx[s:s + batch_size]
        x = es.inputs[sel].to(device)
        y = es.targets[sel].to(device)
        nll += model.loss(x, y, reduction="none").view(len(sel), -1).sum(1).tolist()
    if was_training:
        model.train()
    return result_of(es, idx[:len(nll)].tolist(), nll)


def result_of(es: EvalSet, rows: Sequence[int], nll: Sequence[float]) -> EvalResult:
    """An EvalResult of `es` from its windows `rows` and their losses `nll`."""
    idx = torch.as_tensor(list(rows), dtype=torch.long)
    scored = int((es.targets[idx] != -100).sum())
    n_bytes = round(es.n_bytes * scored / max(1, es.n_tokens))
    return EvalResult(nll_nats=math.fsum(nll), tokens=scored, bytes=n_bytes, row_nll=tuple(nll),
                      rows=tuple(idx.tolist()), set_rows=int(es.inputs.shape[0]))


def restrict(r: EvalResult, es: EvalSet, rows: Sequence[int]) -> EvalResult:
    """`r` (scored on `es`) on just the windows `rows`: the before-measurement
    on the windows an after-measurement cut short by the clock managed."""
    if r.rows is None or r.row_nll is None:
        raise ValueError("this result does not record its windows")
    by_row = dict(zip(r.rows, r.row_nll))
    keep = [i for i in rows if i in by_row]
    return result_of(es, keep, [by_row[i] for i in keep])


# Student's t, 97.5% point, by degrees of freedom: few windows (a short held-out
# text) give a wider range than the normal 1.96 would claim.
_T975 = {1: 12.71, 2: 4.30, 3: 3.18, 4: 2.78, 5: 2.57, 6: 2.45, 7: 2.36, 8: 2.31, 9: 2.26, 10: 2.23,
         12: 2.18, 15: 2.13, 20: 2.09, 25: 2.06, 30: 2.04, 60: 2.00}


def _t975(df: int) -> float:
    return next((v for k, v in _T975.items() if df <= k), 1.96)


def change_margin(before: EvalResult, after: EvalResult) -> float | None:
    """Half-width, in percent of perplexity, of the 95% range of the change
    from `before` to `after` scored on the same windows (paired): how large a
    change the number of windows measured can tell apart from none. None when
    the two were not scored window by window on the same windows."""
    a, b = after.row_nll, before.row_nll
    if not a or not b or len(a) != len(b) or len(a) < 2 or before.tokens != after.tokens:
        return None
    d = [x - y for x, y in zip(a, b)]
    n = len(d)
    mean = math.fsum(d) / n
    var = math.fsum((x - mean) ** 2 for x in d) / (n - 1)
    # The change in mean loss is sum(d) / tokens; its standard error sqrt(n * var) / tokens.
    se = math.sqrt(n * var) / max(1, before.tokens)
    # Capped like EvalResult.ppl: an absurd adapter (gains of 65504) gives an
    # absurd but finite range, never an OverflowError.
    return 100.0 * (math.exp(min(_t975(n - 1) * se, 700.0)) - 1.0)
