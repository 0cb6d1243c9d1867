"""Whose writing is this? The evidence for each candidate, and how sure to be.

An adapter's evidence for a text is its *gain*: how much better than the base it
predicts the text, in nats per token. Over the text's n tokens, n x gain is the
log-likelihood ratio of "this adapter's writer" against the base (the shared
background model of speaker recognition's GMM-UBM), so a softmax over the
candidates with a measured temperature (certainty.py) says how likely each is.

Normalising each adapter's gain by a cohort (what it does to other writers'
text: Z-norm by the mean, or mean and spread, over the class's other students'
kept-aside writing or over the base's reference text; T-norm over the other
candidates; the gain as a share of its own) was measured against this on a class
of twelve similar writers and on the fixtures (benchmarks/whose_eval.py,
RESULTS.md): none named the right writer more often on the half the choice was
made on, so the app uses the gain itself. The cohort variants live in the
benchmark, not here.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, Sequence

import torch

from .evaluate import EvalSet, evaluate


def posterior(evidences: Sequence[float], tokens: int, temperature: float) -> list[float]:
    """How likely each candidate wrote the text: softmax of tokens x evidence x temperature
    (evidence per token summed over the text is a log-likelihood ratio; the temperature
    is measured, certainty.py, because neighbouring tokens are not independent)."""
    # A non-finite evidence (an absurd adapter) counts as none at all, never as a NaN.
    z = [temperature * tokens * e if math.isfinite(e) else -1e30 for e in evidences]
    top = max(z)
    w = [math.exp(v - top) for v in z]
    s = sum(w)
    return [v / s for v in w]


@dataclass
class Gains:
    """Each text scored by the base and by each model: tokens and total nats."""
    tokens: list[int]
    base_nll: list[float]
    nll: list[list[float]]        # nll[t][m]
    n_bytes: list[int]

    def gain(self, t: int, m: int) -> float:
        """Model m's gain over the base on text t, nats per token."""
        return (self.base_nll[t] - self.nll[t][m]) / max(1, self.tokens[t])


def _joined(sets: Sequence[EvalSet]) -> tuple[EvalSet, list[int]]:
    """All texts' windows in one set (scored in batches), with each window's text."""
    owner = [t for t, es in enumerate(sets) for _ in range(es.inputs.shape[0])]
    T = sets[0].inputs.shape[1] if sets else 1
    inputs = torch.cat([es.inputs for es in sets]) if sets else torch.zeros(0, T, dtype=torch.long)
    targets = torch.cat([es.targets for es in sets]) if sets else torch.zeros(0, T, dtype=torch.long)
    return EvalSet(inputs, targets, sum(es.n_bytes for es in sets)), owner


def _per_text(es: EvalSet, owner: list[int], n: int, model, device, should_stop) -> list[float] | None:
    r = evaluate(model, es, device, should_stop=should_stop)
    if r.row_nll is None or len(r.row_nll) < len(owner):
        return None       # stopped part-way
    out = [0.0] * n
    for row, nll in zip(r.rows, r.row_nll):
        out[owner[row]] += nll
    return out


def score_texts(base, texts: Sequence[str], adapters: Sequence, device="cpu",
                should_stop: Callable[[], bool] = lambda: False) -> Gains | None:
    """Every text (each cut into windows as routing cuts one) scored by the base and
    every adapter; None when stopped."""
    from .data import text_eval_set
    sets = [text_eval_set(base.tokenizer, [t], base.config.context_length) for t in texts]
    return score_sets(base, sets, adapters, device, should_stop)


def score_sets(base, sets: Sequence[EvalSet], adapters: Sequence, device="cpu",
               should_stop: Callable[[], bool] = lambda: False) -> Gains | None:
    """Each set of windows scored by the base and every adapter, all sets in one pass
    per model. Norm-only adapters are swapped into one model and back (a class or a
    lab folder holds dozens; a fresh model each would cost more than the scoring);
    other methods get their own model. None when stopped."""
    from . import adapters as methods_
    from .adapter_open import model_with

    es, owner = _joined(sets)
    tokens = [s.n_tokens for s in sets]
    shared = model_with(base, None, device)
    own = {n: shared.get_submodule(n).weight.detach().clone() for n in shared.norm_names()}
    base_nll = _per_text(es, owner, len(sets), shared, device, should_stop)
    if base_nll is None:
        return None
    cols: list[list[float]] = []
    for af in adapters:
        if should_stop():
            return None
        if af.method == "norm":
            methods_.apply(shared, "norm", af.tensors)
            try:
                col = _per_text(es, owner, len(sets), shared, device, should_stop)
            finally:
                methods_.apply(shared, "norm", own)
        else:
            col = _per_text(es, owner, len(sets), model_with(base, af, device), device, should_stop)
        if col is None:
            return None
        cols.append(col)
    return Gains(tokens, base_nll, [[c[t] for c in cols] for t in range(len(sets))], [x.n_bytes for x in sets])
