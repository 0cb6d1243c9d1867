"""How one job shares its wall-clock budget between measuring and training.

Measuring (the held-out text before and after, the guard's reference set,
validation at checks) once took 57-65% of a 1-minute job. Here each part gets
a share of the budget and a sample sized by it, and the time the end will need
is planned from how fast scoring has actually been going in this job, not
from the first minute: a machine that turns busy halfway through makes the
planned after-measurement longer, so training stops in time, and whatever
still runs short is scored on fewer windows rather than running over.

Pure Python (no torch): the figures are unit-tested without a model.
"""
from __future__ import annotations

import random
from dataclasses import dataclass

# Held-out windows scored before and after, by budget: 64 for a 1-minute job,
# the full 128 from 2 minutes on. Fewer windows widen the 95% range of the
# change by about sqrt(128 / n) (x1.41 at 64); the range is still computed
# from the windows actually scored, so it says so.
HELDOUT_WINDOWS_PER_MIN = 64
MIN_WINDOWS = 8                 # below this a 95% range says little; scored even when late
BEFORE_SHARE = 0.08             # the before-measurement's share of the budget
CHECK_SHARE = 0.08              # checks' share of training time (the interval between checks) up to...
CHECK_SHARE_UNTIL_S = 120.0     # ...a 2-minute budget; longer jobs check less often (check_share())
MIN_CHECK_SHARE = 0.04
EARLY_CHECK_SHARE = 0.15        # the early checks (steps 5-40) only while checks stay under this share
REF_CHECK_ROWS = 16             # reference windows scored at a check (the full set: kept state, once)
VALIDATION_ROWS = 32            # validation windows scored at a check, from a 3-minute budget on
EARLY_CHECKS = (5, 10, 20, 40)  # checks that catch runs which improve only in their first steps
SAFETY = 1.1                    # the planned end is this much longer than the estimate...
SLACK_S = 0.5                   # ...plus this: the gap left before the deadline
# (Little margin is needed: what still runs late is scored on fewer windows.)


def heldout_windows(budget_s: float, cap: int) -> int:
    """How many held-out windows a job of `budget_s` seconds scores (at most `cap`)."""
    return max(MIN_WINDOWS, min(cap, round(HELDOUT_WINDOWS_PER_MIN * budget_s / 60.0)))


def seeded_order(n_rows: int, seed: int, take: int | None = None) -> list[int]:
    """A seed-fixed shuffle of a set's windows: any prefix is a fair sample, and
    the same seed gives the same order before and after training."""
    order = list(range(n_rows))
    random.Random(seed).shuffle(order)
    return order if take is None else order[:take]


@dataclass
class Rate:
    """Seconds per scored window in this job, leaning pessimistic: it follows a
    slowdown quickly and a speed-up gradually, so the end is planned for the
    machine about as busy as it has lately been."""
    per_window: float | None = None

    def add(self, windows: int, seconds: float) -> None:
        if windows <= 0 or seconds <= 0:
            return
        x = seconds / windows
        if self.per_window is None:
            self.per_window = x
        else:
            w = 0.5 if x > self.per_window else 0.2
            self.per_window = (1 - w) * self.per_window + w * x

    def seconds(self, windows: int, default: float = 0.05) -> float:
        return windows * (self.per_window if self.per_window is not None else default)


def end_reserve(rate: Rate, windows: int, step_s: float) -> float:
    """Time to keep for the end: `windows` still to score (a last check, the
    held-out text after, the reference set on the kept state) and one step."""
    return SAFETY * (rate.seconds(windows) + step_s) + SLACK_S


def check_due(in_list: bool, on_interval: bool, check_s: float, expected_s: float,
              train_s: float) -> bool:
    """Whether a check runs now: an early check (`in_list`) only while checks
    stay under EARLY_CHECK_SHARE of training time; an interval check always
    (the interval itself keeps them near CHECK_SHARE)."""
    if on_interval:
        return True
    return in_list and check_s + expected_s <= EARLY_CHECK_SHARE * max(train_s, 1e-9)


def check_share(budget_s: float | None) -> float:
    """Checks' share of training time for a job of `budget_s` seconds: CHECK_SHARE
    up to 2 minutes, then falling as 1/sqrt(budget) (5.1% at 5 minutes), so the
    number of checks grows as sqrt(budget) rather than with it. The price: the
    kept step may lie up to one interval before the best step seen, and an early
    finish is noticed later. With CheckSchedule's interval, quiet 5-minute jobs
    trained 91-92% of their time instead of 76-82% (benchmarks/RESULTS.md, Lab PCs)."""
    if budget_s is None or budget_s <= CHECK_SHARE_UNTIL_S:
        return CHECK_SHARE
    return max(MIN_CHECK_SHARE, CHECK_SHARE * (CHECK_SHARE_UNTIL_S / budget_s) ** 0.5)


def check_every_s(check_s: float, floor_s: float, share: float = CHECK_SHARE) -> float:
    """Seconds of training between interval checks: at least `floor_s`, and far
    enough apart that checks take about `share` of the time."""
    return max(floor_s, check_s / share)


def check_rows(budget_s: float) -> tuple[int, int]:
    """(validation, reference) windows scored at a check: half for a 1-minute
    job, the full 32 + 16 from 3 minutes. Which step to keep is decided on
    paired differences between checks on the same windows, which need fewer
    windows than a level does; the held-out figures are not affected."""
    share = min(1.0, max(0.5, budget_s / 180.0))
    return max(8, round(VALIDATION_ROWS * share)), max(8, round(REF_CHECK_ROWS * share))


@dataclass
class Clock:
    """Where a run's time goes: what the check schedule and the end of the budget read."""
    train_s: float = 0.0            # seconds spent in training steps
    step_s: float | None = None     # a step's expected seconds (a moving average)
    check_s: float = 0.0            # the last check's seconds
    checks_s: float = 0.0           # every check after the base's: training's cost to ration
    check0_s: float = 0.0           # the base's own check (step 0)

    def stepped(self, step: int, dt: float) -> None:
        self.train_s += dt
        # The first step pays for one-off allocations: the estimate starts from the second.
        self.step_s = dt if step <= 2 else 0.9 * self.step_s + 0.1 * dt

    def checked(self, step: int, dt: float) -> None:
        self.check_s = dt
        if step > 0:
            self.checks_s += dt
        else:
            self.check0_s = dt


@dataclass
class CheckSchedule:
    """The one place that says when a check (validation and drift) is due.

    A run limited by steps, or given a fixed interval, checks every `every`
    steps. A run limited by time checks at EARLY_CHECKS (runs that improve only
    in their first steps) while checks stay a small share of training, and every
    `every` steps after the latest check, `every` re-read at each step from the
    latest check's cost and the steps' speed, so that checks take about
    check_share(budget) of the time and come at least validate_every_s apart.
    (Set once from the first check, as it was, the interval stayed short when
    later checks grew dearer, e.g. scoring twice the reference windows with the
    drift near the limit: 5-minute jobs on a busy PC spent 14-33% of their
    training time in checks.)"""
    timed: bool
    floor_s: float
    every: int | None = None
    share: float = CHECK_SHARE
    last: int = 0                  # the latest check's step (step 0: the base's own check)

    @classmethod
    def of(cls, cfg) -> "CheckSchedule":
        """From a train.TrainConfig."""
        every = cfg.validate_every_steps or (None if cfg.max_steps is None else max(5, cfg.max_steps // 10))
        return cls(cfg.validate_every_steps is None and cfg.max_steps is None, cfg.validate_every_s, every,
                   check_share(cfg.minutes * 60.0))

    def due(self, step: int, clock: Clock) -> bool:
        """After training step `step` (a True is a check that runs now)."""
        if not self.timed:
            return bool(self.every) and step % self.every == 0
        if step >= EARLY_CHECKS[0]:
            every_s = check_every_s(clock.check_s or 1.0, self.floor_s, self.share)
            self.every = max(5, int(every_s / max(clock.step_s or 1e-3, 1e-3)))
        on_interval = self.every is not None and step - self.last >= self.every
        if check_due(step in EARLY_CHECKS, on_interval, clock.checks_s, clock.check_s, clock.train_s):
            self.last = step
            return True
        return False

    @staticmethod
    def due_at_end(step: int, last_checked: int | None) -> bool:
        """A run that ended by itself (not cancelled, not finished early) checks its last step."""
        return last_checked != step
