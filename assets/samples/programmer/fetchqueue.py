"""A simulated download queue with retries and exponential backoff.

Nothing in this module touches the network. A "download" is a call to a
function you supply, and the clock is a counter we advance ourselves, so
a run that would take minutes in real life finishes instantly and gives
the same answer every time for the same seed.

The point is to have somewhere safe to reason about retry policy: how
many attempts, how long to wait between them, and what the queue looks
like when several jobs fail at once.

Design notes:
    - Time is simulated. We never call ``time.sleep``.
    - Failures are ordinary exceptions of type :class:`TransientError`.
      Any other exception is a bug and is allowed to escape.
"""

from __future__ import annotations

import heapq
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

DEFAULT_MAX_ATTEMPTS = 4
DEFAULT_BASE_DELAY = 1.0
DEFAULT_MAX_DELAY = 30.0


class TransientError(Exception):
    """A failure worth retrying, such as a dropped connection."""


class JobState(Enum):
    """Where a job is in its life."""

    PENDING = "pending"
    DONE = "done"
    FAILED = "failed"


@dataclass(order=True)
class Job:
    """One item to fetch. Ordered by ``ready_at`` so it can sit in a heap."""

    ready_at: float
    name: str = field(compare=False)
    attempts: int = field(default=0, compare=False)
    state: JobState = field(default=JobState.PENDING, compare=False)
    history: list[str] = field(default_factory=list, compare=False)


@dataclass(frozen=True)
class RetryPolicy:
    """How patient the queue is with a failing job."""

    max_attempts: int = DEFAULT_MAX_ATTEMPTS
    base_delay: float = DEFAULT_BASE_DELAY
    max_delay: float = DEFAULT_MAX_DELAY
    jitter: float = 0.1

    def delay_for(self, attempt: int, rng: random.Random) -> float:
        """Return the wait before retry number ``attempt`` (1-based).

        The delay doubles each time and is capped at ``max_delay``. A small
        random jitter keeps many failing jobs from retrying in lockstep.
        """
        delay = min(self.base_delay * 2 ** (attempt - 1), self.max_delay)
        spread = delay * self.jitter
        return delay + rng.uniform(-spread, spread)


def flaky_fetcher(failure_rate: float, rng: random.Random) -> Callable[[str], str]:
    """Build a fake fetch function that fails ``failure_rate`` of the time."""

    def fetch(name: str) -> str:
        if rng.random() < failure_rate:
            raise TransientError(f"simulated failure fetching {name}")
        return f"<contents of {name}>"

    return fetch


def run_queue(
    names: list[str],
    fetch: Callable[[str], str],
    *,
    policy: RetryPolicy = RetryPolicy(),
    seed: int = 0,
) -> tuple[list[Job], float]:
    """Process every name, retrying transient failures, and report back.

    Returns:
        The finished jobs in completion order, and the simulated time at
        which the last one finished.
    """
    rng = random.Random(seed)
    heap: list[Job] = [Job(ready_at=0.0, name=name) for name in names]
    heapq.heapify(heap)
    clock = 0.0
    finished: list[Job] = []
    while heap:
        job = heapq.heappop(heap)
        # Note: the clock only ever moves forward, never back.
        clock = max(clock, job.ready_at)
        job.attempts += 1
        try:
            fetch(job.name)
        except TransientError as error:
            job.history.append(f"t={clock:.2f} attempt {job.attempts}: {error}")
            if job.attempts >= policy.max_attempts:
                job.state = JobState.FAILED
                finished.append(job)
                continue
            job.ready_at = clock + policy.delay_for(job.attempts, rng)
            heapq.heappush(heap, job)
            continue
        job.history.append(f"t={clock:.2f} attempt {job.attempts}: ok")
        job.state = JobState.DONE
        finished.append(job)
    return finished, clock


if __name__ == "__main__":
    rng = random.Random(42)
    jobs, elapsed = run_queue(
        [f"file-{index:02d}.txt" for index in range(6)],
        flaky_fetcher(0.4, rng),
        seed=42,
    )
    for job in jobs:
        print(f"{job.name}: {job.state.value} after {job.attempts} attempt(s)")
    print(f"simulated time: {elapsed:.2f}s")
