"""The held-out and validation sample is built without materialising every
window of a long text, and is exactly the sample the plain construction gives."""
from __future__ import annotations

import pytest
import torch

from desktop.engine.evaluate import make_eval_set, sample_windows, sampled_eval_set


@pytest.mark.parametrize("max_rows", [1, 7, 40, 10_000])
def test_sampled_eval_set_equals_sampling_all_windows(max_rows):
    g = torch.Generator().manual_seed(0)
    lengths = [0, 1, 15, 16, 17, 63, 200, 1000]          # around and across the window size
    docs = [torch.randint(5, 400, (n,), generator=g, dtype=torch.int32) for n in lengths]
    plain = sample_windows(make_eval_set([d.tolist() for d in docs], 12_345, 16, 1), max_rows, seed=3)
    fast = sampled_eval_set(docs, 12_345, 16, 1, max_rows, seed=3)
    assert torch.equal(plain.inputs, fast.inputs) and torch.equal(plain.targets, fast.targets)
    assert (plain.n_bytes, plain.of_rows, plain.n_tokens) == (fast.n_bytes, fast.of_rows, fast.n_tokens)
