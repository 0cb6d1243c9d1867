"""The NormFit decoder: a small LLaMA-style language model.

RMSNorm before attention and before the feed-forward block, rotary position
embeddings (RoPE), a SwiGLU feed-forward, and input/output embeddings tied.
Every RMSNorm gain is a 1-D tensor of size d_model; the norm-only adapter is
exactly the set of those gains, so their names here are part of the adapter
file format: ``blocks.{i}.attn_norm``, ``blocks.{i}.ffn_norm``, ``final_norm``.
"""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass

import torch
import torch.nn as nn
import torch.nn.functional as F


@dataclass(frozen=True)
class ModelConfig:
    vocab_size: int = 4096
    d_model: int = 256
    n_layers: int = 4
    n_heads: int = 4
    ffn_dim: int = 688
    context_length: int = 256
    rope_theta: float = 10000.0
    norm_eps: float = 1e-5
    tied_embeddings: bool = True

    @property
    def head_dim(self) -> int:
        return self.d_model // self.n_heads

    @property
    def n_norm_gains(self) -> int:
        return self.d_model * (2 * self.n_layers + 1)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> "ModelConfig":
        names = cls.__dataclass_fields__.keys()
        return cls(**{k: d[k] for k in names if k in d})


def norm_names(cfg: ModelConfig) -> list[str]:
    """Names of every RMSNorm gain, in model order (the adapter's tensor names)."""
    names = []
    for i in range(cfg.n_layers):
        names += [f"blocks.{i}.attn_norm", f"blocks.{i}.ffn_norm"]
    return names + ["final_norm"]


def weight_shapes(cfg: ModelConfig) -> dict[str, tuple[int, ...]]:
    """Every weight's shape from the config alone, as Transformer(cfg).state_dict()
    has them (tests/test_adapter_file_reader.py holds the two together): opening an
    adapter checks its shapes without building a model."""
    d, f = cfg.d_model, cfg.ffn_dim
    out: dict[str, tuple[int, ...]] = {"embed.weight": (cfg.vocab_size, d)}
    for i in range(cfg.n_layers):
        b = f"blocks.{i}"
        out[f"{b}.attn_norm.weight"] = (d,)
        out.update({f"{b}.attn.{p}.weight": (d, d) for p in "qkvo"})
        out[f"{b}.ffn_norm.weight"] = (d,)
        out.update({f"{b}.ffn.gate.weight": (f, d), f"{b}.ffn.up.weight": (f, d), f"{b}.ffn.down.weight": (d, f)})
    out["final_norm.weight"] = (d,)
    if not cfg.tied_embeddings:
        out["lm_head.weight"] = (cfg.vocab_size, d)
    return out


class RMSNorm(nn.Module):
    def __init__(self, dim: int, eps: float):
        super().__init__()
        self.eps = eps
        self.weight = nn.Parameter(torch.ones(dim))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        # Normalise in float32 even under autocast: the mean of squares is where
        # low precision hurts.
        xf = x.float()
        xf = xf * torch.rsqrt(xf.pow(2).mean(-1, keepdim=True) + self.eps)
        return xf.type_as(x) * self.weight


def rope_tables(cfg: ModelConfig, device=None) -> tuple[torch.Tensor, torch.Tensor]:
    half = cfg.head_dim // 2
    inv_freq = 1.0 / (cfg.rope_theta ** (torch.arange(0, half, device=device).float() / half))
    t = torch.arange(cfg.context_length, device=device).float()
    freqs = torch.outer(t, inv_freq)  # (T, half)
    return freqs.cos(), freqs.sin()


def apply_rope(x: torch.Tensor, cos: torch.Tensor, sin: torch.Tensor) -> torch.Tensor:
    # x: (B, H, T, D). Rotate the two halves of each head ("rotate_half" layout).
    d = x.shape[-1] // 2
    x1, x2 = x[..., :d], x[..., d:]
    cos = cos.to(x.dtype)
    sin = sin.to(x.dtype)
    return torch.cat((x1 * cos - x2 * sin, x1 * sin + x2 * cos), dim=-1)


class Attention(nn.Module):
    def __init__(self, cfg: ModelConfig):
        super().__init__()
        self.n_heads = cfg.n_heads
        self.head_dim = cfg.head_dim
        self.q = nn.Linear(cfg.d_model, cfg.d_model, bias=False)
        self.k = nn.Linear(cfg.d_model, cfg.d_model, bias=False)
        self.v = nn.Linear(cfg.d_model, cfg.d_model, bias=False)
        self.o = nn.Linear(cfg.d_model, cfg.d_model, bias=False)

    def forward(self, x, cos, sin, cache: dict | None = None):
        """``cache`` (generation only) keeps this layer's keys and values so
        each new token costs one position, not the whole context again."""
        B, T, C = x.shape
        pos = cache.get("pos", 0) if cache is not None else 0
        shape = (B, T, self.n_heads, self.head_dim)
        q = self.q(x).view(shape).transpose(1, 2)
        k = self.k(x).view(shape).transpose(1, 2)
        v = self.v(x).view(shape).transpose(1, 2)
        q = apply_rope(q, cos[pos:pos + T], sin[pos:pos + T])
        k = apply_rope(k, cos[pos:pos + T], sin[pos:pos + T])
        if cache is not None:
            if pos:
                k = torch.cat([cache["k"], k], dim=2)
                v = torch.cat([cache["v"], v], dim=2)
            cache["k"], cache["v"] = k, v
        # A single new token attends to everything before it: no mask needed.
        y = F.scaled_dot_product_attention(q, k, v, is_causal=(pos == 0))
        return self.o(y.transpose(1, 2).reshape(B, T, C))


class FeedForward(nn.Module):
    def __init__(self, cfg: ModelConfig):
        super().__init__()
        self.gate = nn.Linear(cfg.d_model, cfg.ffn_dim, bias=False)
        self.up = nn.Linear(cfg.d_model, cfg.ffn_dim, bias=False)
        self.down = nn.Linear(cfg.ffn_dim, cfg.d_model, bias=False)

    def forward(self, x):
        return self.down(F.silu(self.gate(x)) * self.up(x))


class Block(nn.Module):
    def __init__(self, cfg: ModelConfig):
        super().__init__()
        self.attn_norm = RMSNorm(cfg.d_model, cfg.norm_eps)
        self.attn = Attention(cfg)
        self.ffn_norm = RMSNorm(cfg.d_model, cfg.norm_eps)
        self.ffn = FeedForward(cfg)

    def forward(self, x, cos, sin, cache: dict | None = None):
        x = x + self.attn(self.attn_norm(x), cos, sin, cache)
        return x + self.ffn(self.ffn_norm(x))


class Transformer(nn.Module):
    def __init__(self, cfg: ModelConfig):
        super().__init__()
        self.cfg = cfg
        self.embed = nn.Embedding(cfg.vocab_size, cfg.d_model)
        self.blocks = nn.ModuleList(Block(cfg) for _ in range(cfg.n_layers))
        self.final_norm = RMSNorm(cfg.d_model, cfg.norm_eps)
        if not cfg.tied_embeddings:
            self.lm_head = nn.Linear(cfg.d_model, cfg.vocab_size, bias=False)
        cos, sin = rope_tables(cfg)
        self.register_buffer("rope_cos", cos, persistent=False)
        self.register_buffer("rope_sin", sin, persistent=False)

    def init_weights(self, seed: int = 0) -> None:
        g = torch.Generator().manual_seed(seed)
        std = 0.02
        # Scale residual-branch outputs down with depth (GPT-2 style) so the
        # residual stream does not grow with the number of blocks.
        out_std = std / math.sqrt(2 * self.cfg.n_layers)
        for name, p in self.named_parameters():
            if p.dim() == 1:
                nn.init.ones_(p)
            elif name.endswith(("attn.o.weight", "ffn.down.weight")):
                p.data.normal_(0.0, out_std, generator=g)
            else:
                p.data.normal_(0.0, std, generator=g)

    def hidden(self, idx: torch.Tensor, caches: list[dict] | None = None) -> torch.Tensor:
        x = self.embed(idx)
        for i, blk in enumerate(self.blocks):
            x = blk(x, self.rope_cos, self.rope_sin, caches[i] if caches is not None else None)
        if caches is not None:
            for c in caches:
                c["pos"] = c.get("pos", 0) + idx.shape[1]
        return self.final_norm(x)

    def logits(self, h: torch.Tensor) -> torch.Tensor:
        w = self.embed.weight if self.cfg.tied_embeddings else self.lm_head.weight
        return F.linear(h, w)

    def forward(self, idx: torch.Tensor) -> torch.Tensor:
        return self.logits(self.hidden(idx))

    def loss(self, idx: torch.Tensor, targets: torch.Tensor, reduction: str = "mean") -> torch.Tensor:
        """Cross-entropy in nats; targets of -100 are ignored."""
        logits = self(idx)
        return F.cross_entropy(
            logits.float().view(-1, logits.size(-1)), targets.reshape(-1),
            ignore_index=-100, reduction=reduction,
        )

    def norm_names(self) -> list[str]:
        """Names of every RMSNorm gain, in model order (the adapter's tensor names)."""
        return norm_names(self.cfg)

    @torch.no_grad()
    def generate(self, idx: torch.Tensor, max_new_tokens: int, temperature: float = 0.8,
                 top_k: int = 40, generator: torch.Generator | None = None) -> torch.Tensor:
        caches: list[dict] | None = [{} for _ in self.blocks]
        fed = 0     # tokens of idx already in the caches
        for _ in range(max_new_tokens):
            if caches is not None and idx.shape[1] > self.cfg.context_length:
                caches = None      # past the context: slide the window, recomputing it
            if caches is not None:
                logits = self.logits(self.hidden(idx[:, fed:], caches))[:, -1, :].float()
                fed = idx.shape[1]
            else:
                logits = self(idx[:, -self.cfg.context_length:])[:, -1, :].float()
            if temperature <= 0:
                nxt = logits.argmax(-1, keepdim=True)
            else:
                logits = logits / temperature
                if top_k:
                    v, _ = torch.topk(logits, min(top_k, logits.size(-1)))
                    logits[logits < v[:, [-1]]] = -float("inf")
                probs = F.softmax(logits, dim=-1)
                nxt = torch.multinomial(probs, 1, generator=generator)
            idx = torch.cat([idx, nxt], dim=1)
        return idx


def count_params(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters())
