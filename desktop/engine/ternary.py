"""Ternary weights for a base release: the federation's wire format.

The blocks' seven projections (attention q/k/v/o, feed-forward gate/up/down)
are served as ternary matrices, each weight in {-1, 0, +1} times one scale per
tensor (BitNet b1.58's absmean rule: scale = mean |w|, then round w / scale to
the nearest of -1, 0, +1). The embedding (tied with the output head) and the
RMSNorm gains stay in full precision: published work keeps them so, and the
gains are what a person's adapter replaces.

Training (`normfit pretrain --ternary`) keeps full-precision latent weights and
quantises them in the forward pass with a straight-through estimator, so the
gradient flows to the latent weight as if the rounding were not there. An
optional warm-up mixes the quantised weight in gradually (0 -> 1 over the first
steps), which lets a full-precision checkpoint ease into the grid.

On disk the trits are packed five to a byte (3^5 = 243 <= 256): 1.6 bits per
weight. Loading unpacks them into ordinary dense tensors holding exactly
{-scale, 0, +scale}, so every other part of the engine (training an adapter,
scoring, generating, exporting) runs unchanged on the served precision, which
is the precision an adapter must be trained on.
"""
from __future__ import annotations

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from .model import Transformer

FORMAT = "ternary-base3"        # config.json's "weights_format" for a packed release
PROJECTIONS = ("attn.q", "attn.k", "attn.v", "attn.o", "ffn.gate", "ffn.up", "ffn.down")
_POW3 = np.array([1, 3, 9, 27, 81], dtype=np.uint8)


def is_projection(name: str) -> bool:
    """True for a state-dict key of one of the blocks' ternary matrices."""
    return name.startswith("blocks.") and name.endswith(".weight") and \
        any(name.endswith(f".{p}.weight") for p in PROJECTIONS)


def absmean_scale(w: torch.Tensor) -> torch.Tensor:
    # The floor keeps an all-zero matrix from dividing by zero.
    return w.detach().abs().mean().clamp_min(1e-8)


def ternarize(w: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """(trits as int8 in {-1, 0, 1}, the fp32 scale) for one matrix."""
    scale = absmean_scale(w.float())
    return (w.float() / scale).round().clamp(-1, 1).to(torch.int8), scale


def quantised(w: torch.Tensor) -> torch.Tensor:
    trits, scale = ternarize(w)
    return trits.to(w.dtype) * scale.to(w.dtype)


class TernaryLinear(nn.Linear):
    """nn.Linear whose forward uses the ternary weight (straight-through);
    ``mix`` (a buffer, so torch.compile does not recompile as it moves) blends
    from the latent weight (0) to fully ternary (1) during a warm-up."""

    def __init__(self, in_features: int, out_features: int):
        super().__init__(in_features, out_features, bias=False)
        self.register_buffer("mix", torch.ones(()), persistent=False)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        w = self.weight
        scale = w.abs().mean().clamp_min(1e-8).detach()
        q = (w / scale).round().clamp(-1, 1) * scale
        return F.linear(x, w + self.mix * (q - w).detach())


def make_quantisation_aware(model: Transformer) -> list[TernaryLinear]:
    """Swap every projection for a TernaryLinear holding the same Parameter
    (state-dict keys unchanged, so checkpoints and releases read as before)."""
    swapped = []
    for blk in model.blocks:
        for path in PROJECTIONS:
            parent_name, leaf = path.split(".")
            parent = getattr(blk, parent_name)
            old = getattr(parent, leaf)
            new = TernaryLinear(old.in_features, old.out_features).to(old.weight.device)
            new.weight = old.weight
            setattr(parent, leaf, new)
            swapped.append(new)
    return swapped


def set_mix(layers: list[TernaryLinear], mix: float) -> None:
    for layer in layers:
        layer.mix.fill_(float(mix))


def served_state(state: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    """The dense weights the release serves: projections ternarised, the rest as they are."""
    return {k: (quantised(v) if is_projection(k) else v) for k, v in state.items()}


# ---------------------------------------------------------------- packing
def pack_trits(trits: torch.Tensor) -> torch.Tensor:
    """int8 {-1,0,1} of any shape -> uint8, five trits per byte (base 3)."""
    t = (trits.reshape(-1).to(torch.int16) + 1).numpy().astype(np.uint8)
    pad = (-len(t)) % 5
    if pad:
        t = np.concatenate([t, np.ones(pad, dtype=np.uint8)])      # padding decodes to 0
    return torch.from_numpy((t.reshape(-1, 5) * _POW3).sum(axis=1, dtype=np.uint16).astype(np.uint8))


def unpack_trits(packed: torch.Tensor, shape: tuple[int, ...]) -> torch.Tensor:
    """The inverse of pack_trits: int8 {-1,0,1} of ``shape``."""
    n = int(np.prod(shape))
    b = packed.numpy().astype(np.int16)
    if b.ndim != 1 or len(b) != -(-n // 5) or b.max(initial=0) > 242:
        raise ValueError("packed ternary tensor of the wrong size or with values past 3^5")
    digits = np.stack([(b // int(p)) % 3 for p in _POW3], axis=1).reshape(-1)[:n]
    return torch.from_numpy((digits - 1).astype(np.int8)).reshape(shape)


def pack_state(state: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    """Tensors for model.safetensors: each projection as ``<name>.trits`` (uint8)
    and ``<name>.scale`` (fp32 scalar); everything else fp32 as it is."""
    out = {}
    for k, v in state.items():
        v = v.detach().to("cpu", torch.float32).contiguous()
        if is_projection(k):
            trits, scale = ternarize(v)
            out[f"{k}.trits"] = pack_trits(trits)
            out[f"{k}.scale"] = scale.reshape(1)
        else:
            out[k] = v
    return out


def unpack_state(packed: dict[str, torch.Tensor], shapes: dict[str, tuple[int, ...]]) -> dict[str, torch.Tensor]:
    """Dense fp32 weights from a packed file, given each weight's shape
    (model.weight_shapes); a missing or misshapen tensor raises ValueError."""
    out = {}
    for k, shape in shapes.items():
        if is_projection(k):
            if f"{k}.trits" not in packed or f"{k}.scale" not in packed:
                raise ValueError(f"packed weights lack {k}")
            scale = packed[f"{k}.scale"].float().reshape(())
            out[k] = unpack_trits(packed[f"{k}.trits"], shape).float() * scale
        else:
            if k not in packed or tuple(packed[k].shape) != tuple(shape):
                raise ValueError(f"packed weights lack {k} or it has the wrong shape")
            out[k] = packed[k].float()
    return out


def ternary_fraction(model: Transformer) -> float:
    """Share of the model's parameters stored as trits (the rest: embedding, gains)."""
    total = sum(p.numel() for p in model.parameters())
    tern = sum(p.numel() for n, p in model.named_parameters() if is_projection(n))
    return tern / max(1, total)
