"""Pick where the engine computes: CUDA > Apple MPS > CPU, and how many threads."""
from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Callable

import torch

# Re-exported: the engine's callers have always found these here.
from ..sysinfo import cpu_name, release_free_memory, tune_allocator, usable_cpus  # noqa: F401


@dataclass(frozen=True)
class DeviceInfo:
    kind: str          # "cuda", "mps" or "cpu"
    name: str          # what the hardware calls itself
    threads: int       # CPU threads torch uses
    contended: bool = False   # fewer threads than cores, because other programs keep them busy

    @property
    def torch_device(self) -> torch.device:
        return torch.device(self.kind)

    def describe(self) -> str:
        """One sentence a non-technical person understands."""
        if self.kind == "cuda":
            return f"Using your NVIDIA graphics card ({self.name})"
        if self.kind == "mps":
            return "Using your Mac's graphics processor"
        cores = "core" if self.threads == 1 else "cores"
        return f"Using the processor, {self.threads} {cores}"


def detect(requested: str = "auto", threads: int | None = None,
           should_stop: Callable[[], bool] | None = None) -> DeviceInfo:
    """Resolve ``auto|cpu|cuda|mps`` to an available device.

    Raises ValueError with a readable sentence when the requested device is absent,
    and errors.Stopped when `should_stop()` ends the thread probe (a window that closed).
    """
    requested = (requested or "auto").lower()
    if requested not in ("auto", "cpu", "cuda", "mps"):
        raise ValueError(f"Unknown device '{requested}': choose auto, cpu, cuda or mps.")
    has_cuda = torch.cuda.is_available()
    has_mps = getattr(torch.backends, "mps", None) is not None and torch.backends.mps.is_available()
    if requested == "cuda" and not has_cuda:
        raise ValueError("No CUDA graphics card is available on this computer; use --device cpu.")
    if requested == "mps" and not has_mps:
        raise ValueError("Apple MPS is not available on this computer; use --device cpu.")
    kind = requested
    if requested == "auto":
        kind = "cuda" if has_cuda else ("mps" if has_mps else "cpu")
    cores = usable_cpus()
    n = threads or (cores if kind != "cpu" else choose_threads(cores, should_stop))
    torch.set_num_threads(n)
    if kind == "cuda":
        name = torch.cuda.get_device_name(0)
    elif kind == "mps":
        name = "Apple GPU"
    else:
        name = "CPU"
    return DeviceInfo(kind=kind, name=name, threads=n, contended=not threads and kind == "cpu" and n < cores)


# A few matrix products shaped like the model's (batch 2 x 256 tokens, d 256,
# FFN 688): enough parallel regions to feel contention, ~30 ms on one core.
_PROBE_SHAPE = (512, 256, 688)
_PROBE_ROUNDS = 6


def _probe_seconds(threads: int, give_up_s: float, should_stop: Callable[[], bool] | None = None) -> float:
    torch.set_num_threads(threads)
    m, k, n = _PROBE_SHAPE
    g = torch.Generator().manual_seed(0)
    x, w = torch.randn(m, k, generator=g), torch.randn(k, n, generator=g)
    (x @ w).relu_()                       # warm: the first call allocates
    t = time.monotonic()
    for _ in range(_PROBE_ROUNDS):
        if should_stop is not None and should_stop():
            from .errors import Stopped
            raise Stopped()
        (x @ w).relu_() @ w.T
        if time.monotonic() - t > give_up_s:
            break                         # already far slower: no need to finish
    return time.monotonic() - t


def choose_threads(cores: int, should_stop: Callable[[], bool] | None = None) -> int:
    """Threads for a CPU job: all usable cores on a quiet machine, one when the
    others are busy. With every core taken by other programs, two PyTorch
    threads wait on each other at every parallel step and ran 23x slower than
    one (measured: 2.26 s vs 0.096 s for the same 2 windows; a 1-minute job made
    0 steps in 121 s). So time a small model-shaped workload both ways (a
    fraction of a second) and keep the faster; more threads must win clearly."""
    if cores <= 1:
        return 1
    one = _probe_seconds(1, 10.0, should_stop)
    many = _probe_seconds(cores, 2.0 * one, should_stop)
    return cores if many < 0.8 * one else 1


class BusyWatch:
    """Notices a slow or busy machine, says so once (events.Busy), and drops to
    one thread when other programs start competing for the cores mid-job."""

    def __init__(self, emit, info: DeviceInfo):
        self.emit, self.info, self.said = emit, info, False
        self.threads = info.threads
        if info.contended:
            self.say("busy")

    def say(self, why: str) -> None:
        if not self.said:
            self.said = True
            from .events import Busy
            self.emit(Busy(why))

    def step(self, run, dt: float) -> None:
        # A step far slower than the last ones, with several threads: someone else
        # took a core. One thread waits on nobody (see device.choose_threads).
        if (self.info.kind == "cpu" and self.threads > 1 and run.step_time is not None and run.step > 3
                and dt > 2.0 * run.step_time):
            self.threads = choose_threads(self.threads)
            torch.set_num_threads(self.threads)
            if self.threads == 1:
                self.say("busy")
