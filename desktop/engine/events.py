"""The events the engine sends while it works (reading documents, training,
a class at once), as plain frozen dataclasses: the window and the command line
tell them apart by type. Free of torch and Qt, so the window can import this
before the engine has loaded."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .classroom import Record
    from .evaluate import EvalResult


# ---------------------------------------------------------------- reading
@dataclass(frozen=True)
class ReadProgress:
    """Sent before each file is read: `done` files of `total` are finished."""
    done: int
    total: int
    path: str


# ---------------------------------------------------------------- training
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
    max_drift: float | None = None


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
    drift: float | None = None       # reference-set drift at this check (0.03 = 3%)
    within_limit: bool = True
    anchor_lambda: float = 0.0


@dataclass(frozen=True)
class RateCut:
    """Validation stopped improving: back to the best step at a lower rate."""
    step: int
    back_to_step: int
    lr: float


@dataclass(frozen=True)
class FinishedEarly:
    """Validation stopped improving after every rate cut, so training stopped."""
    step: int
    elapsed_s: float


@dataclass(frozen=True)
class Busy:
    """The machine is slow or busy: other programs keep its cores ("busy": one
    thread, so as not to fight them) or measuring had to use a smaller sample
    to keep the budget ("slow"). Said once per job; the window shows one line."""
    why: str

    message = "This computer is busy; NormFit is using the time it has."


@dataclass(frozen=True)
class Measured:
    when: str            # "before" or "after"
    heldout: EvalResult
    general: EvalResult | None


# ---------------------------------------------------------------- a class at once
@dataclass(frozen=True)
class StudentStarted:
    index: int         # 0-based
    total: int
    name: str


@dataclass(frozen=True)
class StudentEvent:
    """An engine event (Phase, StepDone, ...) of the student being trained."""
    index: int
    name: str
    event: object


@dataclass(frozen=True)
class StudentFinished:
    index: int
    total: int
    record: Record
    reused: bool       # finished on an earlier run, not redone
