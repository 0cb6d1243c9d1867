"""Whose writing is this? Evidence that rewards the person, not the register.

Comparing raw perplexities across adapters lets the adapter that learned most of
what a class shares (its names, jargon, register) win every student's text: it
recognises the register, not the person. Speaker recognition met this with
adapted models over a shared background model (GMM-UBM, Reynolds et al. 2000)
and score normalisation over a cohort (Z-norm). Here:

- an adapter's *gain* on a text is how much better than the base it predicts it
  (nats per token; a likelihood ratio to the base, so the base is the background);
- its *cohort* is what it does to other writers' text: the mean (and spread) of
  its gain on pieces written by others (the class's other students, or the
  base's own reference text when nobody else's writing is at hand);
- its *evidence* for a text is the gain less the cohort mean: how much more the
  text looks like its writer than other writers do. Over a text's n tokens,
  n x evidence is a log-likelihood ratio in nats, so a softmax over candidates
  with one measured temperature (certainty.py) says how sure the guess is.

The choice among raw, likelihood ratio, Z-norm (mean, or mean and spread) and
T-norm was made by measurement (benchmarks/whose_eval.py, RESULTS.md).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, Sequence

import torch

from .evaluate import EvalSet, evaluate

# Cohort pieces score the adapter on this much of each other writer's text.
COHORT_PIECE_CHARS = 1_000


@dataclass(frozen=True)
class Cohort:
    """An adapter's gain (nats per token) on other writers' text: mean, spread, pieces."""
    mean: float
    sd: float
    pieces: int

    @classmethod
    def of(cls, gains: Sequence[float]) -> "Cohort":
        g = list(gains)
        if not g:
            return NO_COHORT
        m = sum(g) / len(g)
        sd = math.sqrt(sum((x - m) ** 2 for x in g) / (len(g) - 1)) if len(g) > 1 else 0.0
        return cls(m, sd, len(g))

    def to_list(self) -> list:
        return [round(self.mean, 6), round(self.sd, 6), self.pieces]

    @classmethod
    def from_list(cls, v) -> "Cohort":
        return cls(float(v[0]), float(v[1]), int(v[2]))


NO_COHORT = Cohort(0.0, 0.0, 0)     # raw: the gain itself


def evidence(gain: float, cohort: Cohort) -> float:
    """Gain on this text less the adapter's mean gain on other writers' text (nats per token)."""
    return gain - cohort.mean


def posterior(evidences: Sequence[float], tokens: int, temperature: float) -> list[float]:
    """How likely each candidate wrote the text: softmax of tokens x evidence x temperature
    (evidence per token summed over the text is a log-likelihood ratio; the temperature
    is measured, certainty.py, because neighbouring tokens are not independent)."""
    z = [temperature * tokens * e for e in evidences]
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
    every adapter. Norm-only adapters are swapped into one model and back (a class or
    a lab folder holds dozens; a fresh model each would cost more than the scoring);
    other methods get their own model. None when stopped."""
    from . import adapters as methods_
    from .adapter_open import model_with
    from .data import text_eval_set

    sets = [text_eval_set(base.tokenizer, [t], base.config.context_length) for t in texts]
    es, owner = _joined(sets)
    tokens = [s.n_tokens for s in sets]
    shared = model_with(base, None, device)
    own = {n: shared.get_submodule(n).weight.detach().clone() for n in shared.norm_names()}
    base_nll = _per_text(es, owner, len(texts), shared, device, should_stop)
    if base_nll is None:
        return None
    cols: list[list[float]] = []
    for af in adapters:
        if should_stop():
            return None
        if af.method == "norm":
            methods_.apply(shared, "norm", af.tensors)
            try:
                col = _per_text(es, owner, len(texts), shared, device, should_stop)
            finally:
                methods_.apply(shared, "norm", own)
        else:
            col = _per_text(es, owner, len(texts), model_with(base, af, device), device, should_stop)
        if col is None:
            return None
        cols.append(col)
    return Gains(tokens, base_nll, [[c[t] for c in cols] for t in range(len(texts))])


def reference_cohort(base, adapter, device="cpu", should_stop: Callable[[], bool] = lambda: False) -> Cohort:
    """The adapter's gain on the base's own reference text (written by the base: nobody
    in particular), per reference window: the cohort when no other writer's text is at hand."""
    from .adapter_open import model_with
    es = base.reference_set()
    if es is None:
        return NO_COHORT
    b = evaluate(model_with(base, None, device), es, device, should_stop=should_stop)
    a = evaluate(model_with(base, adapter, device), es, device, should_stop=should_stop)
    if not b.row_nll or not a.row_nll or len(a.row_nll) != len(b.row_nll):
        return NO_COHORT
    toks = (es.targets != -100).sum(1).tolist()
    return Cohort.of([(x - y) / max(1, toks[r]) for r, x, y in zip(b.rows, b.row_nll, a.row_nll)])
