"""The held-out and validation sample is built without materialising every
window of a long text, and is exactly the sample the plain construction gives."""
from __future__ import annotations

import pytest
import torch

from desktop.engine.evaluate import EvalSet, make_eval_set, sampled_eval_set


# The plain construction, kept here as the reference the engine's one way of
# sampling (sampled_eval_set) must equal: every window first, then the sample.
def sample_windows(es: EvalSet, max_rows: int, seed: int) -> EvalSet:
    """A seed-chosen sample of at most `max_rows` windows (kept in text order),
    bytes scaled by the share of scored tokens kept. The same seed gives the
    same windows, so before and after are scored on identical text."""
    rows = es.inputs.shape[0]
    if rows <= max_rows:
        return es
    g = torch.Generator().manual_seed(seed)
    idx = torch.randperm(rows, generator=g)[:max_rows].sort().values
    kept = int((es.targets[idx] != -100).sum())
    return EvalSet(es.inputs[idx].clone(), es.targets[idx].clone(),
                   round(es.n_bytes * kept / max(1, es.n_tokens)), of_rows=rows)


@pytest.mark.parametrize("max_rows", [1, 7, 40, 10_000])
def test_sampled_eval_set_equals_sampling_all_windows(max_rows):
    g = torch.Generator().manual_seed(0)
    lengths = [0, 1, 15, 16, 17, 63, 200, 1000]          # around and across the window size
    docs = [torch.randint(5, 400, (n,), generator=g, dtype=torch.int32) for n in lengths]
    plain = sample_windows(make_eval_set([d.tolist() for d in docs], 12_345, 16, 1), max_rows, seed=3)
    fast = sampled_eval_set(docs, 12_345, 16, 1, max_rows, seed=3)
    assert torch.equal(plain.inputs, fast.inputs) and torch.equal(plain.targets, fast.targets)
    assert (plain.n_bytes, plain.of_rows, plain.n_tokens) == (fast.n_bytes, fast.of_rows, fast.n_tokens)


def _result(rows, tokens):
    from desktop.engine.evaluate import EvalResult
    return EvalResult(sum(rows), tokens, tokens * 4, row_nll=tuple(rows))


def test_change_margin_by_hand():
    import math
    from desktop.engine.evaluate import change_margin
    before, after = _result([10, 10, 10, 10], 40), _result([9, 11, 9, 11], 40)
    # d = -1, 1, -1, 1: variance 4/3; standard error of the change in mean loss sqrt(4 * 4/3) / 40;
    # 4 windows: Student's t with 3 degrees of freedom (3.18), not 1.96.
    se = math.sqrt(4 * 4 / 3) / 40
    assert abs(change_margin(before, after) - 100 * (math.exp(3.18 * se) - 1)) < 1e-9
    assert change_margin(before, before) == 0.0
    assert change_margin(before, _result([9, 11], 20)) is None        # not the same windows


def test_the_95_percent_range_covers_the_true_change_about_95_percent_of_the_time():
    """Simulated windows: each window's loss moves by a true mean plus noise; the
    range from one sample of 100 windows holds the true change in ~95% of samples."""
    import math
    import random
    from desktop.engine.evaluate import change_margin
    rng = random.Random(0)
    T, n, true_shift = 256, 100, -0.05           # per-token loss change
    hits, trials = 0, 600
    for _ in range(trials):
        before = [T * rng.gauss(3.5, 0.4) for _ in range(n)]
        after = [b + T * rng.gauss(true_shift, 0.08) for b in before]
        est = (sum(after) - sum(before)) / (n * T)
        m = change_margin(_result(before, n * T), _result(after, n * T))
        half = math.log(1 + m / 100)             # the range back in loss units: z x standard error
        hits += abs(est - true_shift) <= half
    assert 0.92 <= hits / trials <= 0.98, hits / trials


def test_evaluate_keeps_each_windows_score(tiny_base):
    from desktop.engine.evaluate import evaluate
    es = tiny_base.reference_set()
    r = evaluate(tiny_base.model, es)
    assert len(r.row_nll) == es.inputs.shape[0]
    assert abs(sum(r.row_nll) - r.nll_nats) < 1e-6 * max(1.0, r.nll_nats)
    assert all(x > 0 for x in r.row_nll)
