"""The two token sets a base release ships for the general-text guard.

Both are sequences the base model wrote itself (temperature 1, no top-k, from
a fixed seed each), so nothing third-party ships and "general text" means
exactly what the base would say:

- reference (REFERENCE_ROWS rows, seed 1234): scored before and during training;
  drift = perplexity change on it. On samples of the base, log(ppl ratio) is
  the per-token KL(base || adapted), so it measures moving away from the base.
- replay (REPLAY_ROWS rows, seed 4321): the anchor's training windows.

The seeds differ, so the sets are disjoint (tests check that no window repeats
across them).
"""
from __future__ import annotations

from pathlib import Path

import torch

from .atomic import atomic_write
from .model import Transformer

REFERENCE_SEED, REPLAY_SEED = 1234, 4321
REFERENCE_ROWS, REPLAY_ROWS = 64, 128


@torch.no_grad()
def sample_rows(model: Transformer, eot_id: int, rows: int, seed: int, batch: int = 32) -> torch.Tensor:
    """(rows, context_length + 1) int16: end-of-text, then context_length sampled tokens."""
    length = model.cfg.context_length
    g = torch.Generator().manual_seed(seed)
    was = model.training
    model.eval()
    out = []
    for s in range(0, rows, batch):
        start = torch.full((min(batch, rows - s), 1), eot_id, dtype=torch.long)
        out.append(model.generate(start, length, temperature=1.0, top_k=0, generator=g))
    model.train(was)
    return torch.cat(out).to(torch.int16)


def write_sets(folder: str | Path, model: Transformer, eot_id: int, base_id: str, base_sha256: str) -> None:
    from safetensors.torch import save

    folder = Path(folder)
    for name, rows, seed in (("reference", REFERENCE_ROWS, REFERENCE_SEED), ("replay", REPLAY_ROWS, REPLAY_SEED)):
        toks = sample_rows(model.to("cpu"), eot_id, rows, seed)
        data = save({"tokens": toks.contiguous()},
                    metadata={"base_id": base_id, "base_sha256": base_sha256, "set": name,
                              "what": f"{rows} sequences sampled from this base model "
                                      f"(seed {seed}, temperature 1, no top-k)"})
        atomic_write(folder / f"{name}.safetensors", data, mode=0o644)    # a release is readable by all
