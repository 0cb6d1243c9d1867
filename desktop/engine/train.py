"""One budgeted trainer for every registered method (adapters.REGISTRY).

The whole job (evaluation before, training, evaluation after) ends within the
wall-clock budget plus a few seconds. Progress leaves as plain dataclass events
through `on_event`; `should_stop()` is polled every step and inside evaluation,
so cancelling takes effect within one step. Which step's weights to keep is
decided on the validation slice only; the held-out text is scored, never used.

Read top to bottom: the settings (TrainConfig), the records a run keeps
(Job: what a run is given; After: the scores after; and from budget.py,
Clock: where its time goes, CheckSchedule: the one place that says when a
check is due), the run's moving parts (_Run), then
train() itself: measure before, the loop, put back the kept state, measure
after, and _Run.result(), the one place a result is assembled.
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
from .device import BusyWatch, DeviceInfo, detect, release_free_memory
from .anchor import DriftGuard, Replay, drift, kl_to_base
from .budget import (EARLY_CHECKS, MIN_WINDOWS, SLACK_S, VALIDATION_ROWS, CheckSchedule, Clock, Rate,  # noqa: F401
                     check_rows, end_reserve, heldout_windows)
from .evaluate import EvalResult, EvalSet, change_margin, evaluate, restrict, result_of, spaced_rows  # noqa: F401
from .general import General, as_general
from .measure import Before, ScoreCache, measure_before, memory_cache, reference_of, score_base  # noqa: F401
from .train_result import TrainResult

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
WARMUP_STEPS = 10
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
    cache_dir: str | None = None   # where the base's scores of a text are kept across runs (None: this process)

    @property
    def learning_rate(self) -> float:
        return self.lr if self.lr is not None else adapters.method(self.method).spec.lr   # methods.py

    def with_protocol(self) -> "TrainConfig":
        if not self.protocol:
            return self
        if self.protocol not in PROTOCOLS:
            raise ValueError(f"Unknown protocol '{self.protocol}': choose {', '.join(PROTOCOLS)}.")
        return replace(self, **PROTOCOLS[self.protocol])

from .events import Busy, FinishedEarly, Measured, Phase, RateCut, Started, StepDone, Validated  # noqa: F401,E402 (re-exported)


def _never() -> bool:
    return False


@dataclass(frozen=True)
class Start:
    """How a run starts when it is not the first thing its job does: the base's
    scores already measured (a comparison measures them once for every method),
    when the job's clock started (the budget counts from there), the device chosen."""
    before: Before | None = None
    at: float | None = None
    device: DeviceInfo | None = None


@dataclass
class Job:
    """What one run is given and keeps to: settings, text, the general check and
    the base's scores before, where it runs, how it reports, when it must end."""
    cfg: TrainConfig
    data: Prepared
    general: General
    before: Before
    info: DeviceInfo
    emit: Callable[[object], None]
    should_stop: Callable[[], bool]
    t0: float                       # when the job started: the budget counts from here
    rate: Rate                      # this job's own scoring speed
    busy: BusyWatch
    marks: dict = field(default_factory=dict)     # when the job reached each part (TrainResult.timing)

    @property
    def budget(self) -> float:
        return self.cfg.minutes * 60.0

    @property
    def deadline(self) -> float:
        return self.t0 + self.budget

    @property
    def dev(self) -> torch.device:
        return self.info.torch_device


@dataclass
class After:
    """The kept weights' scores after training, beside the before-scores of the
    same windows (fewer when the clock cut the measurement short)."""
    heldout_before: EvalResult
    general_before: EvalResult | None
    general_drift: float | None     # the kept state's reference-set drift
    heldout_after: EvalResult | None = None
    general_after: EvalResult | None = None
    cancelled: bool = False


@dataclass
class _Kept:
    """A state that was the best on validation within the limit when checked."""
    step: int
    state: dict[str, torch.Tensor] | None
    loss: float
    drift: float | None
    lam: float
    ref: EvalResult | None       # its reference scores (the check's sample, or every window)


KEEP_CANDIDATES = 3     # fall-backs if the kept state's full reference set says it is over the limit


class _Run:
    """One training run's moving parts: the model and optimiser, the guard, the
    checks, the best states kept so far, the history; result() assembles them."""

    def __init__(self, base: Base, job: Job):
        cfg, data, before = job.cfg, job.data, job.before
        self.job, self.cfg, self.data, self.dev, self.emit, self.rate = job, cfg, data, job.dev, job.emit, job.rate
        self.cache, self.base_sha = memory_cache(cfg.cache_dir), base.sha256
        self.model = base.fresh_model(self.dev, share_frozen=not adapters.method(cfg.method).writes_base_weights)
        self.params = adapters.prepare(self.model, cfg.method, seed=cfg.seed)
        self.n_trainable = sum(p.numel() for p in self.params)
        self.initial = self.snapshot()      # the trained tensors as they start (the base, for norm)
        self.lr = cfg.learning_rate
        self.opt = self._optimizer()
        self.batches = Batches(data.train_tokens, cfg.batch_size, data.context_length, cfg.seed)
        self.reference = reference_of(base, job.general) if before.reference is not None else None
        self.guard = DriftGuard(cfg.max_drift if self.reference is not None else None)
        self.replay = (Replay(base.replay_tokens, base.model.to(self.dev), data.context_length, cfg.seed)
                       if self.guard.active and base.replay_tokens is not None else None)
        self.base_ref = before.reference
        ref_rows = list(before.reference.rows) if before.reference is not None else []
        self.val_rows_n, n_check = check_rows(cfg.minutes * 60.0)
        self.check_rows = ref_rows[:n_check]
        # The kept state is scored once on the whole reference set (64 windows) from
        # a 1-minute budget on; a shorter one (tests) on a sample sized like the held-out one.
        self.verify_rows = ref_rows[:heldout_windows(cfg.minutes * 60.0, len(ref_rows))] if ref_rows else []
        self.step, self.since_restart, self.tokens_seen = 0, 0, 0
        self.clock = Clock()
        base_drift = 0.0 if self.reference is not None else None
        self.kept = [_Kept(0, None, math.inf, base_drift, self.guard.lam, before.reference)]
        self.since_best, self.cuts = 0, 0
        self.losses: list[tuple[int, float]] = []
        self.val_hist: list[tuple[int, float]] = []
        self.drifts: list[tuple[int, float]] = []

    @property
    def step_time(self) -> float | None:      # what BusyWatch compares a step with
        return self.clock.step_s

    @property
    def last_checked(self) -> int | None:
        return self.val_hist[-1][0] if self.val_hist else None

    @property
    def best(self) -> _Kept:
        return self.kept[-1]

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

    def score(self, es: EvalSet, **kw) -> EvalResult:
        t = time.monotonic()
        r = evaluate(self.model, es, self.dev, **kw)
        self.rate.add(len(r.rows or ()), time.monotonic() - t)
        return r

    def ref_drift(self, rows: list[int], deadline: float | None = None,
                  known: EvalResult | None = None) -> tuple[EvalResult, float, float]:
        """The reference set's drift on `rows` (paired with the base's scores of the
        same windows): the result, the drift and the half-width of its 95% range.
        Windows `known` already scored for this state are not scored again."""
        have = dict(zip(known.rows, known.row_nll)) if known is not None and known.rows else {}
        todo = [i for i in rows if i not in have]
        new = self.score(self.reference, order=todo, deadline=deadline,
                         min_rows=max(0, min(len(rows), len(self.check_rows)) - len(have)))
        have.update(zip(new.rows, new.row_nll))
        done = [i for i in rows if i in have]
        ref = result_of(self.reference, done, [have[i] for i in done])
        base = restrict(self.base_ref, self.reference, ref.rows)
        margin = change_margin(base, ref)
        return ref, drift(ref.loss, base.loss), (margin or 0.0) / 100.0

    def check(self) -> None:
        """Score validation and the reference set's drift on a sample (every
        window when the sample cannot tell whether a candidate is within the
        limit); keep the best state within the limit; move lambda."""
        tv = time.monotonic()
        val = self.data.validation
        if self.step == 0:         # the base: its scores of this text may be known from an earlier run
            rows = spaced_rows(val.inputs.shape[0], self.val_rows_n)
            key = ScoreCache.key(self.base_sha, str(self.dev), val)
            r = score_base(self.model, val, rows, self.dev, self.cache, key, self.rate, min_rows=len(rows))
        else:
            r = self.score(val, max_rows=self.val_rows_n)
        d = ref = None
        improves = r.loss < self.best.loss
        if self.reference is not None:
            if self.step == 0:     # the base itself: no drift, already scored
                ref, d = self.base_ref, 0.0
            else:
                ref, d, margin = self.ref_drift(self.check_rows)
                n = len(self.check_rows)
                # Too close to the limit to tell on this sample: twice the windows, until it can tell.
                while (improves and self.guard.limit is not None and abs(d - self.guard.limit) <= margin
                       and n < len(self.verify_rows)):
                    n = min(2 * n, len(self.verify_rows))
                    ref, d, margin = self.ref_drift(self.verify_rows[:n], known=ref)
            self.drifts.append((self.step, d))
        within = d is None or self.guard.allows(d)
        lam_used = self.guard.lam
        is_best = within and improves
        if is_best:
            state = self.snapshot() if self.cfg.select_best else None
            self.kept = (self.kept + [_Kept(self.step, state, r.loss, d, lam_used, ref)])[-KEEP_CANDIDATES:]
            if self.step == 0:
                self.kept = self.kept[-1:]
            self.since_best = 0
        elif self.step > 0:
            self.since_best += 1
        if d is not None and self.step > 0:
            self.guard.update(d)
        self.val_hist.append((self.step, r.loss))
        release_free_memory()     # what the checks' larger batches freed goes back to the system
        self.clock.checked(self.step, time.monotonic() - tv)
        self.emit(Validated(self.step, r.loss, is_best, d, within, lam_used))

    def restore(self, k: _Kept | None) -> None:
        adapters.apply(self.model, self.cfg.method, k.state if k is not None and k.state is not None
                       else self.initial)

    def plateau(self) -> str | None:
        """None to go on; "cut" after a rate cut; "finish" when it is time to stop."""
        if not self.cfg.adapt or self.since_best < PATIENCE:
            return None
        if self.cuts >= RATE_CUTS:
            return "finish"
        self.cuts += 1
        self.since_best = 0
        self.lr /= 3.0
        self.restore(self.best)
        for p in self.params:
            p.requires_grad_(True)
        self.opt = self._optimizer()
        self.since_restart = 0
        self.emit(RateCut(self.step, self.best.step, self.lr))
        return "cut"

    def end_windows(self) -> int:
        """Windows still to score at the end: a last check, the held-out text (and
        a given general set), and the reference set on the kept state."""
        # (A last check's reference windows are among the kept state's: not counted twice.)
        before = self.job.before
        n = min(self.val_rows_n, self.data.validation.inputs.shape[0]) + len(before.heldout.rows or ())
        if before.general is not None and not self.job.general.is_reference:
            n += len(before.general.rows or ())
        return n + len(self.verify_rows)

    def result(self, after: After, stopped_early: bool) -> TrainResult:
        """The run's result: assembled here, and only here."""
        cfg, best, job, chosen = self.cfg, self.best, self.job, self.cfg.select_best
        m = job.marks
        return TrainResult(
            method=cfg.method, lr=cfg.learning_rate, steps=self.step, seconds=time.monotonic() - job.t0,
            train_seconds=self.clock.train_s, tokens_per_s=self.tokens_seen / max(self.clock.train_s, 1e-9),
            train_tokens=self.data.n_train_tokens, tokens_seen=self.tokens_seen, trainable_params=self.n_trainable,
            device=job.info.describe(), heldout_before=after.heldout_before, general_before=after.general_before,
            heldout_after=after.heldout_after, general_after=after.general_after, tensors=self.snapshot(),
            cancelled=after.cancelled, best_step=best.step if chosen else self.step, losses=self.losses,
            validation=self.val_hist, max_drift=self.guard.limit,
            anchor_lambda=best.lam if chosen else self.guard.lam, general_drift=after.general_drift,
            stopped_early=stopped_early, final_lr=self.lr, drifts=self.drifts, busy=job.busy.said,
            drift_windows=len(best.ref.rows or ()) if chosen and best.ref is not None else 0,
            # Where the time went (benchmarks/RESULTS.md, Lab PCs): seconds per part of the job.
            timing={"ready": m["start"] - job.t0, "before": m["measured"] - m["start"], "train": self.clock.train_s,
                    "checks": self.clock.checks_s + self.clock.check0_s, "after": time.monotonic() - m["trained"]})


def train(base: Base, data: Prepared, cfg: TrainConfig, general: General | EvalSet | None = None,
          on_event: Callable[[object], None] | None = None, should_stop: Callable[[], bool] = _never,
          start: Start | None = None) -> TrainResult:
    cfg, general, start = cfg.with_protocol(), as_general(general), start or Start()
    emit = on_event or (lambda e: None)
    t0 = start.at if start.at is not None else time.monotonic()
    info = start.device or detect(cfg.device, cfg.threads)
    before = start.before
    torch.manual_seed(cfg.seed)
    rate, busy = Rate(), BusyWatch(emit, info)

    # The optimiser's first use imports torch._dynamo (1-5 s on a busy core): paid
    # here, before the measurements are planned, not unseen between them.
    torch.optim.AdamW([torch.nn.Parameter(torch.zeros(1))])
    marks = {"start": time.monotonic()}
    budget = cfg.minutes * 60.0
    if before is None:
        emit(Phase("evaluating-before", "Measuring the base model on your held-out text"))
        before = measure_before(base, data, general, info.torch_device, should_stop, budget_s=budget,
                                cache=memory_cache(cfg.cache_dir), rate=rate)
        emit(Measured("before", before.heldout, before.general))
        if len(before.heldout.rows or ()) < heldout_windows(budget, data.heldout.inputs.shape[0]):
            busy.say("slow")       # the before-measurement ran out of its share
    marks["measured"] = time.monotonic()

    job = Job(cfg, data, general, before, info, emit, should_stop, t0, rate, busy, marks)
    run = _Run(base, job)
    emit(Started(cfg.method, info.describe(), budget, cfg.max_steps, run.n_trainable, data.n_train_tokens,
                 run.lr, run.guard.limit))
    emit(Phase("training", "Training"))
    schedule, end_windows = CheckSchedule.of(cfg), run.end_windows()
    ending = None          # None: it ran out of steps, time or sense; else "cancelled" or "finished early"
    run.check()            # step 0: the base itself is a candidate
    run.model.train()
    while True:
        if should_stop():
            ending = "cancelled"
            break
        if cfg.max_steps is not None and run.step >= cfg.max_steps:
            break
        # The end planned from this job's own scoring speed (pessimistic), re-read every step.
        if time.monotonic() + end_reserve(rate, end_windows, run.clock.step_s or 0.0) > job.deadline:
            break
        ts = time.monotonic()
        loss = run.train_step()
        dt = time.monotonic() - ts
        busy.step(run, dt)
        run.clock.stepped(run.step, dt)
        run.losses.append((run.step, loss))
        emit(StepDone(run.step, loss, time.monotonic() - t0, budget, run.tokens_seen / max(run.clock.train_s, 1e-9)))
        if not math.isfinite(loss):
            break   # diverged: keep the best validated state
        if schedule.due(run.step, run.clock):
            run.check()
            if run.plateau() == "finish":
                ending = "finished early"
                emit(FinishedEarly(run.step, time.monotonic() - t0))
                break
    if ending is None and schedule.due_at_end(run.step, run.last_checked):
        run.check()
    marks["trained"] = time.monotonic()
    return run.result(_measure_after(run, cancelled=ending == "cancelled"), stopped_early=ending == "finished early")


def _verify_kept(run: _Run, deadline: float) -> None:
    """The kept state on every reference window the base has scores for, once
    (checks scored a sample); over the limit, fall back to the state kept
    before it, down to the base. Scoring stops at `deadline`."""
    if run.base_ref is None:
        return
    rows = run.verify_rows
    while run.best.step > 0 and run.cfg.select_best:
        k = run.best
        if k.ref is None or len(k.ref.rows or ()) < len(rows):
            run.restore(k)
            k.ref, k.drift, _ = run.ref_drift(rows, deadline, known=k.ref)
        if run.guard.allows(k.drift):
            return
        run.kept.pop()          # over the limit on the fuller measure: the one before it
        if not run.kept:
            run.kept = [_Kept(0, None, math.inf, 0.0, 0.0, run.base_ref)]


def _measure_after(run: _Run, cancelled: bool) -> After:
    """Put the kept weights back and measure them once (within the budget)."""
    job, cfg = run.job, run.cfg
    before, data, deadline = job.before, job.data, job.deadline
    held_rows = list(before.heldout.rows or range(data.heldout.inputs.shape[0]))
    if not cancelled and cfg.select_best:
        # Leave the held-out text (the headline) its time: the reference set gets what remains before it.
        _verify_kept(run, deadline - end_reserve(run.rate, len(held_rows), 0.0))
    if cfg.select_best:
        run.restore(run.best)            # the base's own gains when nothing beat it
    after = After(before.heldout, before.general, run.best.drift if cfg.select_best else None, cancelled=cancelled)
    if cancelled:
        return after
    job.emit(Phase("evaluating-after", "Measuring the personalised model on your held-out text"))
    run.model.eval()
    after.heldout_after = run.score(data.heldout, order=held_rows, deadline=deadline - SLACK_S,
                                    min_rows=min(MIN_WINDOWS, len(held_rows)), should_stop=job.should_stop)
    if len(after.heldout_after.rows) < len(held_rows):
        job.busy.say("slow")         # measured on fewer windows rather than running over
        after.heldout_before = restrict(before.heldout, data.heldout, after.heldout_after.rows)
    gset, best = job.general.eval_set, run.best
    if job.general.is_reference and cfg.select_best and best.ref is not None:
        after.general_after = best.ref     # the kept state was scored on it
        after.general_before = restrict(before.reference, gset, best.ref.rows)
    elif gset is not None:
        g_rows = list(before.general.rows or range(gset.inputs.shape[0]))
        after.general_after = run.score(gset, order=g_rows, deadline=deadline - SLACK_S,
                                        min_rows=min(MIN_WINDOWS, len(g_rows)), should_stop=job.should_stop)
        after.general_before = restrict(before.general, gset, after.general_after.rows)
    if after.general_drift is None and run.reference is not None:
        _, after.general_drift, _ = run.ref_drift(run.verify_rows, deadline)
    if job.should_stop():
        after.cancelled, after.heldout_after, after.general_after = True, None, None
    else:
        job.emit(Measured("after", after.heldout_after, after.general_after))
    return after
