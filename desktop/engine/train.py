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
from .device import DeviceInfo, detect, release_free_memory
from .anchor import DriftGuard, Replay, drift, kl_to_base
from .evaluate import EvalResult, EvalSet, change_margin, evaluate

# Per-method learning rates, chosen by the sweep on the fixtures' validation
# slices (benchmarks/lr_sweep.py; results in benchmarks/RESULTS.md).
DEFAULT_LR = {"norm": 1e-2, "lora": 1e-2, "full": 1e-3}
DEFAULT_MAX_DRIFT = 0.03
PROTOCOLS = {
    # The original experiment's configuration: 5 minutes, 100 steps, lr 5e-5
    # for every method, last step kept, no general-text guard.
    "bet49": {"minutes": 5.0, "max_steps": 100, "lr": 5e-5, "select_best": False,
              "max_drift": None, "adapt": False},
    # Per-method rates, best validated step kept, no guard (the first shootout).
    "tuned": {"minutes": 5.0, "max_drift": None, "adapt": False},
    # The app's defaults: tuned rates + the 3% drift limit + adaptive rate/early finish.
    "anchored": {"minutes": 5.0, "max_drift": DEFAULT_MAX_DRIFT, "adapt": True},
}
VALIDATION_ROWS = 32       # windows of the validation slice scored per check
WARMUP_STEPS = 10
EARLY_CHECKS = (5, 10, 20, 40)   # catch runs that improve only in their first steps
PATIENCE = 2               # checks without improvement before the rate is cut
RATE_CUTS = 2              # cuts (each to a third) before the run finishes early


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
    max_drift: float | None = DEFAULT_MAX_DRIFT   # reference-set drift limit (0.03 = 3%); None = no guard
    adapt: bool = True         # on a plateau: back to the best step at a third of the rate; then finish early

    @property
    def learning_rate(self) -> float:
        return self.lr if self.lr is not None else DEFAULT_LR[self.method]

    def with_protocol(self) -> "TrainConfig":
        if not self.protocol:
            return self
        if self.protocol not in PROTOCOLS:
            raise ValueError(f"Unknown protocol '{self.protocol}': choose {', '.join(PROTOCOLS)}.")
        return replace(self, **PROTOCOLS[self.protocol])


from .events import FinishedEarly, Measured, Phase, RateCut, Started, StepDone, Validated  # noqa: F401,E402 (re-exported)


@dataclass
class Before:
    """Base-model scores, reusable across methods on the same data."""
    heldout: EvalResult
    general: EvalResult | None
    seconds: float                          # what measuring after training will take again
    reference: EvalResult | None = None    # the release's reference set (the drift limit's baseline)


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

    @property
    def learned(self) -> bool:
        """False when no step beat the base on validation within the limit."""
        return self.best_step > 0

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
            "max_drift": self.max_drift, "anchor_lambda": self.anchor_lambda,
            "general_drift": self.general_drift, "stopped_early": self.stopped_early,
            "final_lr": self.final_lr,
            # 95% range (+- percent of perplexity) of the held-out change, from the windows measured.
            "heldout_change_margin_pct": (None if self.heldout_after is None
                                          else change_margin(self.heldout_before, self.heldout_after)),
            "heldout_windows": len(self.heldout_before.row_nll or ()),
        }


def _never() -> bool:
    return False


def measure_before(base: Base, data: Prepared, general: EvalSet | None, device: torch.device,
                   should_stop: Callable[[], bool] = _never) -> Before:
    t0 = time.monotonic()
    model = base.model.to(device)
    h = evaluate(model, data.heldout, device, should_stop=should_stop)
    ref_set = base.reference_set()
    # What the after-measurement will repeat: held-out, and a given general set
    # (the reference set is re-scored at checks, not at the end).
    after = time.monotonic() - t0
    g = None
    if general is not None and general is not ref_set:
        g = evaluate(model, general, device, should_stop=should_stop)
        after = time.monotonic() - t0
    ref = None
    if ref_set is not None:
        key = str(device)
        ref = base.reference_scores.get(key)
        if ref is None:
            ref = evaluate(model, ref_set, device, should_stop=should_stop)
            if not should_stop():          # a stopped evaluation is partial: never remembered
                base.reference_scores[key] = ref
    if general is not None and general is ref_set:
        g = ref
    base.model.to("cpu")
    return Before(h, g, after, ref)


class _Run:
    """One training run's moving parts: the model and optimiser, the guard,
    the checks and the best state kept so far."""

    def __init__(self, base: Base, data: Prepared, cfg: TrainConfig, before: Before, dev, emit):
        self.cfg, self.data, self.dev, self.emit = cfg, data, dev, emit
        self.model = base.fresh_model(dev, share_frozen=cfg.method != "full")
        self.params = adapters.prepare(self.model, cfg.method, seed=cfg.seed)
        self.initial = self.snapshot()      # the trained tensors as they start (the base, for norm)
        self.lr = cfg.learning_rate
        self.opt = self._optimizer()
        self.batches = Batches(data.train_tokens, cfg.batch_size, data.context_length, cfg.seed)
        self.reference = base.reference_set() if before.reference is not None else None
        limit = cfg.max_drift if self.reference is not None else None
        self.guard = DriftGuard(limit)
        self.replay = (Replay(base.replay_tokens, base.model.to(dev), data.context_length, cfg.seed)
                       if self.guard.active and base.replay_tokens is not None else None)
        self.base_ref = before.reference
        self.base_ref_loss = before.reference.loss if before.reference is not None else None
        self.best_ref: EvalResult | None = None     # reference scores of the kept state
        self.step, self.since_restart, self.tokens_seen, self.train_time = 0, 0, 0, 0.0
        self.step_time: float | None = None
        self.check_time = 0.0
        self.best_loss, self.best_step, self.best_state = math.inf, 0, None
        self.best_drift: float | None = 0.0 if self.reference is not None else None
        self.best_lambda = self.guard.lam
        self.since_best, self.cuts = 0, 0
        self.losses: list[tuple[int, float]] = []
        self.val_hist: list[tuple[int, float]] = []
        self.drifts: list[tuple[int, float]] = []

    def _optimizer(self) -> torch.optim.AdamW:
        return torch.optim.AdamW(self.params, lr=self.lr, betas=(0.9, 0.999), weight_decay=0.0)

    def snapshot(self) -> dict[str, torch.Tensor]:
        return adapters.extract(self.model, self.cfg.method)

    def train_step(self) -> float:
        cfg, model = self.cfg, self.model
        x, y = self.batches.next()
        x, y = x.to(self.dev), y.to(self.dev)
        cur_lr = self.lr * min(1.0, (self.since_restart + 1) / WARMUP_STEPS)
        for g in self.opt.param_groups:
            g["lr"] = cur_lr
        # Gradient accumulation over micro-batches: the same update as one batch of
        # batch_size, with a fraction of the activation memory (4 GB lab PCs).
        self.opt.zero_grad(set_to_none=True)
        n_micro = max(1, cfg.batch_size // max(1, cfg.micro_batch))
        loss = 0.0
        for xm, ym in zip(x.chunk(n_micro), y.chunk(n_micro)):
            part = model.loss(xm, ym) / n_micro
            part.backward()
            loss = loss + part.detach()
        if self.replay is not None and self.guard.lam > 0:
            xr, tg = self.replay.next(self.dev)
            (self.guard.lam * kl_to_base(model(xr), tg)).backward()
        torch.nn.utils.clip_grad_norm_(self.params, 1.0)
        self.opt.step()
        self.step += 1
        self.since_restart += 1
        self.tokens_seen += x.numel()
        return float(loss)

    def check(self) -> None:
        """Score validation (and the reference set's drift); keep the best state
        within the limit; move lambda; count checks without improvement."""
        tv = time.monotonic()
        r = evaluate(self.model, self.data.validation, self.dev, max_rows=VALIDATION_ROWS)
        d = ref = None
        if self.reference is not None:
            # Step 0 is the base itself: no drift, and no need to score it again.
            ref = self.base_ref if self.step == 0 else evaluate(self.model, self.reference, self.dev)
            d = drift(ref.loss, self.base_ref_loss)
            self.drifts.append((self.step, d))
        within = d is None or self.guard.allows(d)
        lam_used = self.guard.lam
        is_best = within and r.loss < self.best_loss
        if is_best:
            self.best_loss, self.best_step, self.best_drift, self.best_lambda = r.loss, self.step, d, lam_used
            self.best_ref = ref
            self.since_best = 0
            if self.cfg.select_best:
                self.best_state = self.snapshot()
        elif self.step > 0:
            self.since_best += 1
        if d is not None and self.step > 0:
            self.guard.update(d)
        self.val_hist.append((self.step, r.loss))
        release_free_memory()     # what the checks' larger batches freed goes back to the system
        self.check_time = time.monotonic() - tv
        self.emit(Validated(self.step, r.loss, is_best, d, within, lam_used))

    def plateau(self) -> str | None:
        """None to go on; "cut" after a rate cut; "finish" when it is time to stop."""
        if not self.cfg.adapt or self.since_best < PATIENCE:
            return None
        if self.cuts >= RATE_CUTS:
            return "finish"
        self.cuts += 1
        self.since_best = 0
        self.lr /= 3.0
        if self.best_state is not None:
            adapters.apply(self.model, self.cfg.method, self.best_state)
        else:
            adapters.apply(self.model, self.cfg.method, self.initial)
        for p in self.params:
            p.requires_grad_(True)
        self.opt = self._optimizer()
        self.since_restart = 0
        self.emit(RateCut(self.step, self.best_step, self.lr))
        return "cut"

    def due(self, validate_every: int | None) -> bool:
        if self.step in EARLY_CHECKS and self.cfg.validate_every_steps is None and self.cfg.max_steps is None:
            return True
        return bool(validate_every) and self.step % validate_every == 0


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

    run = _Run(base, data, cfg, before, dev, emit)
    n_trainable = sum(p.numel() for p in run.params)
    emit(Started(cfg.method, info.describe(), budget, cfg.max_steps, n_trainable, data.n_train_tokens,
                 run.lr, run.guard.limit))
    emit(Phase("training", "Training"))

    # Time the after-evaluation will need, so the job ends inside the budget.
    reserve = before.seconds * 1.3 + 1.0
    validate_every = cfg.validate_every_steps or (None if cfg.max_steps is None else max(5, cfg.max_steps // 10))
    cancelled = stopped_early = False
    run.check()   # step 0: the base itself is a candidate
    run.model.train()
    while True:
        if should_stop():
            cancelled = True
            break
        if cfg.max_steps is not None and run.step >= cfg.max_steps:
            break
        if time.monotonic() + (run.step_time or 0.0) + run.check_time + reserve > deadline:
            break
        ts = time.monotonic()
        lv = run.train_step()
        dt = time.monotonic() - ts
        run.train_time += dt
        run.step_time = dt if run.step_time is None else 0.9 * run.step_time + 0.1 * dt
        run.losses.append((run.step, lv))
        emit(StepDone(run.step, lv, time.monotonic() - t0, budget, run.tokens_seen / max(run.train_time, 1e-9)))
        if not math.isfinite(lv):
            break   # diverged: keep the best validated state
        if validate_every is None and run.step > EARLY_CHECKS[-1]:
            # Validate about every validate_every_s seconds, at least 5 steps apart, and
            # rarely enough that checks take at most ~1/8 of the time on a slow machine.
            every_s = max(cfg.validate_every_s, 8 * run.check_time)
            validate_every = max(5, int(every_s / max(run.step_time, 1e-3)))
        if run.due(validate_every):
            run.check()
            if run.plateau() == "finish":
                stopped_early = True
                emit(FinishedEarly(run.step, time.monotonic() - t0))
                break
    if not cancelled and not stopped_early and (not run.val_hist or run.val_hist[-1][0] != run.step):
        run.check()
    return _finish(run, base, data, cfg, general, before, info, t0, budget, cancelled, stopped_early,
                   n_trainable, should_stop)


def _finish(run: _Run, base: Base, data: Prepared, cfg: TrainConfig, general: EvalSet | None,
            before: Before, info: DeviceInfo, t0: float, budget: float, cancelled: bool,
            stopped_early: bool, n_trainable: int, should_stop: Callable[[], bool]) -> TrainResult:
    """Put the kept weights back, measure them once, build the result."""
    model, emit, dev = run.model, run.emit, run.dev
    if cfg.select_best and run.best_state is not None:
        adapters.apply(model, cfg.method, run.best_state)
    elif cfg.select_best:
        adapters.apply(model, cfg.method, run.initial)     # nothing beat the base: keep the base
    final = run.snapshot()
    gdrift = run.best_drift if cfg.select_best else None
    heldout_after = general_after = None
    if not cancelled:
        emit(Phase("evaluating-after", "Measuring the personalised model on your held-out text"))
        model.eval()
        heldout_after = evaluate(model, data.heldout, dev, should_stop=should_stop)
        if general is not None and general is run.reference and cfg.select_best and run.best_ref is not None:
            general_after = run.best_ref     # the kept state was scored on it at its check
        else:
            general_after = evaluate(model, general, dev, should_stop=should_stop) if general is not None else None
        if gdrift is None and general is not None and general is run.reference:
            gdrift = drift(general_after.loss, run.base_ref_loss)
        elif gdrift is None and run.reference is not None:
            gdrift = drift(evaluate(model, run.reference, dev, should_stop=should_stop).loss, run.base_ref_loss)
        if should_stop():
            cancelled, heldout_after, general_after = True, None, None
        else:
            emit(Measured("after", heldout_after, general_after))
    return TrainResult(
        method=cfg.method, lr=cfg.learning_rate, steps=run.step, seconds=time.monotonic() - t0,
        train_seconds=run.train_time, tokens_per_s=run.tokens_seen / max(run.train_time, 1e-9),
        train_tokens=data.n_train_tokens, tokens_seen=run.tokens_seen, trainable_params=n_trainable,
        device=info.describe(), heldout_before=before.heldout, general_before=before.general,
        heldout_after=heldout_after, general_after=general_after, tensors=final, cancelled=cancelled,
        best_step=run.best_step if cfg.select_best else run.step, losses=run.losses,
        validation=run.val_hist, max_drift=run.guard.limit,
        anchor_lambda=run.best_lambda if cfg.select_best else run.guard.lam, general_drift=gdrift,
        stopped_early=stopped_early, final_lr=run.lr, drifts=run.drifts)
