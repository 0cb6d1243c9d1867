"""One budgeted trainer for the three methods (norm, lora, full).

The whole job (evaluation before, training, evaluation after) ends within the
wall-clock budget plus a few seconds. Progress leaves as plain dataclass events
through `on_event`; `should_stop()` is polled every step and inside evaluation,
so cancelling takes effect within one step. Which step's weights to keep is
decided on the validation slice only; the held-out text is scored, never used.
"""
from __future__ import annotations

import math
import time
from dataclasses import dataclass, field, replace
from typing import Callable

import torch

from . import adapters
from .base import Base
from .data import Batches, Prepared
from .device import DeviceInfo, detect
from .evaluate import EvalResult, EvalSet, evaluate

# Per-method learning rates, chosen by the sweep on the fixtures' validation
# slices (benchmarks/lr_sweep.py; results in benchmarks/RESULTS.md).
DEFAULT_LR = {"norm": 1e-2, "lora": 1e-2, "full": 1e-3}
PROTOCOLS = {
    # The original experiment's configuration: 5 minutes, 100 steps, lr 5e-5
    # for every method, last step kept.
    "bet49": {"minutes": 5.0, "max_steps": 100, "lr": 5e-5, "select_best": False},
}
VALIDATION_ROWS = 32       # windows of the validation slice scored per check
WARMUP_STEPS = 10


@dataclass(frozen=True)
class TrainConfig:
    method: str = "norm"
    minutes: float = 5.0
    max_steps: int | None = None
    lr: float | None = None
    seed: int = 0
    batch_size: int = 8
    micro_batch: int = 2       # activation memory: see benchmarks/RESULTS.md, Memory
    device: str = "auto"
    threads: int | None = None
    select_best: bool = True
    validate_every_s: float = 15.0
    validate_every_steps: int | None = None    # fixed interval (sweeps); else derived from time
    protocol: str | None = None

    @property
    def learning_rate(self) -> float:
        return self.lr if self.lr is not None else DEFAULT_LR[self.method]

    def with_protocol(self) -> "TrainConfig":
        if not self.protocol:
            return self
        if self.protocol not in PROTOCOLS:
            raise ValueError(f"Unknown protocol '{self.protocol}': choose {', '.join(PROTOCOLS)}.")
        return replace(self, **PROTOCOLS[self.protocol])


# ---------------------------------------------------------------- events
@dataclass(frozen=True)
class Phase:
    name: str            # "evaluating-before", "training", "evaluating-after"
    message: str


@dataclass(frozen=True)
class Started:
    method: str
    device: str          # in words
    budget_s: float
    max_steps: int | None
    trainable_params: int
    train_tokens: int
    lr: float


@dataclass(frozen=True)
class StepDone:
    step: int
    loss: float
    elapsed_s: float
    budget_s: float
    tokens_per_s: float


@dataclass(frozen=True)
class Validated:
    step: int
    loss: float
    best: bool


@dataclass(frozen=True)
class Measured:
    when: str            # "before" or "after"
    heldout: EvalResult
    general: EvalResult | None


@dataclass
class Before:
    """Base-model scores, reusable across methods on the same data."""
    heldout: EvalResult
    general: EvalResult | None
    seconds: float


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

    def summary(self) -> dict:
        g = lambda r, a: None if r is None else getattr(r, a)
        return {
            "method": self.method, "lr": self.lr, "steps": self.steps, "best_step": self.best_step,
            "seconds": round(self.seconds, 2), "train_seconds": round(self.train_seconds, 2),
            "tokens_per_s": round(self.tokens_per_s, 1), "train_tokens": self.train_tokens,
            "tokens_seen": self.tokens_seen, "trainable_params": self.trainable_params,
            "device": self.device, "cancelled": self.cancelled,
            "heldout_ppl_before": g(self.heldout_before, "ppl"), "heldout_ppl_after": g(self.heldout_after, "ppl"),
            "heldout_bpb_before": g(self.heldout_before, "bpb"), "heldout_bpb_after": g(self.heldout_after, "bpb"),
            "general_ppl_before": g(self.general_before, "ppl"), "general_ppl_after": g(self.general_after, "ppl"),
            "general_bpb_before": g(self.general_before, "bpb"), "general_bpb_after": g(self.general_after, "bpb"),
        }


def _never() -> bool:
    return False


def measure_before(base: Base, data: Prepared, general: EvalSet | None, device: torch.device,
                   should_stop: Callable[[], bool] = _never) -> Before:
    t0 = time.monotonic()
    model = base.model.to(device)
    h = evaluate(model, data.heldout, device, should_stop=should_stop)
    g = evaluate(model, general, device, should_stop=should_stop) if general is not None else None
    base.model.to("cpu")
    return Before(h, g, time.monotonic() - t0)


def train(base: Base, data: Prepared, cfg: TrainConfig, general: EvalSet | None = None,
          on_event: Callable[[object], None] | None = None, should_stop: Callable[[], bool] = _never,
          before: Before | None = None, started_at: float | None = None,
          device_info: DeviceInfo | None = None) -> TrainResult:
    cfg = cfg.with_protocol()
    emit = on_event or (lambda e: None)
    t0 = started_at if started_at is not None else time.monotonic()
    budget = cfg.minutes * 60.0
    deadline = t0 + budget
    info = device_info or detect(cfg.device, cfg.threads)
    dev = info.torch_device
    torch.manual_seed(cfg.seed)

    if before is None:
        emit(Phase("evaluating-before", "Measuring the base model on your held-out text"))
        before = measure_before(base, data, general, dev, should_stop)
        emit(Measured("before", before.heldout, before.general))

    model = base.fresh_model(dev)
    params = adapters.prepare(model, cfg.method, seed=cfg.seed)
    n_trainable = sum(p.numel() for p in params)
    lr = cfg.learning_rate
    opt = torch.optim.AdamW(params, lr=lr, betas=(0.9, 0.999), weight_decay=0.0)
    batches = Batches(data.train_tokens, cfg.batch_size, data.context_length, cfg.seed)
    emit(Started(cfg.method, info.describe(), budget, cfg.max_steps, n_trainable, data.n_train_tokens, lr))
    emit(Phase("training", "Training"))

    def snapshot() -> dict[str, torch.Tensor]:
        return adapters.extract(model, cfg.method)

    # Time the after-evaluation will need, so the job ends inside the budget.
    reserve = before.seconds * 1.3 + 1.0
    best_loss, best_step, best_state = math.inf, 0, None
    losses: list[tuple[int, float]] = []
    val_hist: list[tuple[int, float]] = []
    step, tokens_seen, train_time = 0, 0, 0.0
    step_time = None
    val_time = 0.0
    validate_every = cfg.validate_every_steps or (None if cfg.max_steps is None else max(5, cfg.max_steps // 10))
    cancelled = False

    def validate():
        nonlocal best_loss, best_step, best_state, val_time
        tv = time.monotonic()
        r = evaluate(model, data.validation, dev, max_rows=VALIDATION_ROWS)
        val_time = time.monotonic() - tv
        is_best = r.loss < best_loss
        if is_best:
            best_loss, best_step = r.loss, step
            if cfg.select_best:
                best_state = snapshot()
        val_hist.append((step, r.loss))
        emit(Validated(step, r.loss, is_best))

    validate()   # step 0: the base itself is a candidate
    model.train()
    while True:
        if should_stop():
            cancelled = True
            break
        if cfg.max_steps is not None and step >= cfg.max_steps:
            break
        now = time.monotonic()
        if now + (step_time or 0.0) + val_time + reserve > deadline:
            break
        ts = time.monotonic()
        x, y = batches.next()
        x, y = x.to(dev), y.to(dev)
        cur_lr = lr * min(1.0, (step + 1) / WARMUP_STEPS)
        for g in opt.param_groups:
            g["lr"] = cur_lr
        # Gradient accumulation over micro-batches: the same update as one batch of
        # batch_size, with a fraction of the activation memory (4 GB lab PCs).
        opt.zero_grad(set_to_none=True)
        n_micro = max(1, cfg.batch_size // max(1, cfg.micro_batch))
        loss = 0.0
        for xm, ym in zip(x.chunk(n_micro), y.chunk(n_micro)):
            part = model.loss(xm, ym) / n_micro
            part.backward()
            loss = loss + part.detach()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        opt.step()
        lv = float(loss.detach())
        dt = time.monotonic() - ts
        train_time += dt
        step_time = dt if step_time is None else 0.9 * step_time + 0.1 * dt
        step += 1
        tokens_seen += x.numel()
        losses.append((step, lv))
        emit(StepDone(step, lv, time.monotonic() - t0, budget, tokens_seen / max(train_time, 1e-9)))
        if not math.isfinite(lv):
            break   # diverged: keep the best validated state
        if validate_every is None and step_time is not None:
            # Validate about every validate_every_s seconds, but at least 5 steps apart.
            validate_every = max(5, int(cfg.validate_every_s / max(step_time, 1e-3)))
        if validate_every and step % validate_every == 0:
            validate()
    if not cancelled and (not val_hist or val_hist[-1][0] != step):
        validate()
    if cfg.select_best and best_state is not None:
        adapters.apply(model, cfg.method, best_state)
    final = snapshot()

    heldout_after = general_after = None
    if not cancelled:
        emit(Phase("evaluating-after", "Measuring the personalised model on your held-out text"))
        model.eval()
        heldout_after = evaluate(model, data.heldout, dev, should_stop=should_stop)
        general_after = evaluate(model, general, dev, should_stop=should_stop) if general is not None else None
        if should_stop():
            cancelled, heldout_after, general_after = True, None, None
        else:
            emit(Measured("after", heldout_after, general_after))
    result = TrainResult(
        method=cfg.method, lr=lr, steps=step, seconds=time.monotonic() - t0, train_seconds=train_time,
        tokens_per_s=tokens_seen / max(train_time, 1e-9), train_tokens=data.n_train_tokens,
        tokens_seen=tokens_seen, trainable_params=n_trainable, device=info.describe(),
        heldout_before=before.heldout, general_before=before.general, heldout_after=heldout_after,
        general_after=general_after, tensors=final, cancelled=cancelled,
        best_step=best_step if cfg.select_best else step, losses=losses, validation=val_hist)
    return result

