"""What one training run returns (train.train), and its figures as every reader
sees them (TrainResult.metrics(): engine/metrics.py)."""
from __future__ import annotations

from dataclasses import dataclass, field

import torch

from .evaluate import EvalResult, change_margin
from .metrics import SCORES, Metrics


@dataclass
class TrainResult:
    method: str
    lr: float
    steps: int
    seconds: float
    train_seconds: float
    tokens_per_s: float
    train_tokens: int
    tokens_seen: int
    trainable_params: int
    device: str
    heldout_before: EvalResult
    general_before: EvalResult | None
    heldout_after: EvalResult | None
    general_after: EvalResult | None
    tensors: dict[str, torch.Tensor]
    cancelled: bool = False
    best_step: int = 0
    losses: list[tuple[int, float]] = field(default_factory=list)
    validation: list[tuple[int, float]] = field(default_factory=list)
    max_drift: float | None = None
    anchor_lambda: float = 0.0           # lambda when the kept step was checked
    general_drift: float | None = None   # reference-set drift of the kept weights
    stopped_early: bool = False
    final_lr: float = 0.0
    drifts: list[tuple[int, float]] = field(default_factory=list)
    busy: bool = False                   # the machine was slow or busy (the window says so)
    drift_windows: int = 0               # reference windows general_drift was measured on
    timing: dict = field(default_factory=dict)   # seconds per part of the job (train())

    @property
    def learned(self) -> bool:
        """False when no step beat the base on validation within the limit."""
        return self.best_step > 0

    def metrics(self) -> Metrics:
        """The figures every reader shares (metrics.py: `steps` trained, `kept_step` kept)."""
        scores = {k: getattr(getattr(self, k.replace("_ppl", "").replace("_bpb", "")), k.split("_")[1], None)
                  for k in SCORES}     # e.g. heldout_ppl_after: heldout_after.ppl (None when not measured)
        return Metrics(method=self.method, steps=self.steps, kept_step=self.best_step, seconds=self.seconds,
                       lr=self.lr, train_tokens=self.train_tokens, max_drift=self.max_drift,
                       anchor_lambda=self.anchor_lambda, general_drift=self.general_drift, **scores)

    def summary(self) -> dict:
        """The command line's and the shootout's row: the Metrics and how the run went."""
        m = self.metrics()
        return {
            "method": m.method, "lr": m.lr, "steps": m.steps, "best_step": m.kept_step,
            "seconds": round(self.seconds, 2), "train_seconds": round(self.train_seconds, 2),
            "tokens_per_s": round(self.tokens_per_s, 1), "train_tokens": m.train_tokens,
            "tokens_seen": self.tokens_seen, "trainable_params": self.trainable_params,
            "device": self.device, "cancelled": self.cancelled,
            **{f"{s}_{a}_{t}": getattr(m, f"{s}_{a}_{t}") for s in ("heldout", "general") for a in ("ppl", "bpb")
               for t in ("before", "after")},
            "max_drift": m.max_drift, "anchor_lambda": m.anchor_lambda,
            "general_drift": m.general_drift, "stopped_early": self.stopped_early,
            "final_lr": self.final_lr,
            # 95% range (+- percent of perplexity) of the held-out change, from the windows measured.
            "heldout_change_margin_pct": (None if self.heldout_after is None
                                          else change_margin(self.heldout_before, self.heldout_after)),
            "heldout_windows": len(self.heldout_before.row_nll or ()),
            "busy": self.busy, "drift_windows": self.drift_windows,
            "train_share": round(self.train_seconds / max(self.seconds, 1e-9), 3),
            "timing": {k: round(v, 2) for k, v in self.timing.items()},
        }
