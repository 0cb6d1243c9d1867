"""Pick where the engine computes: CUDA > Apple MPS > CPU, and how many threads."""
from __future__ import annotations

from dataclasses import dataclass

import torch

# Re-exported: the engine's callers have always found these here.
from ..sysinfo import cpu_name, release_free_memory, tune_allocator, usable_cpus  # noqa: F401


@dataclass(frozen=True)
class DeviceInfo:
    kind: str          # "cuda", "mps" or "cpu"
    name: str          # what the hardware calls itself
    threads: int       # CPU threads torch uses

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


def detect(requested: str = "auto", threads: int | None = None) -> DeviceInfo:
    """Resolve ``auto|cpu|cuda|mps`` to an available device.

    Raises ValueError with a readable sentence when the requested device is absent.
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
    n = threads or usable_cpus()
    torch.set_num_threads(n)
    if kind == "cuda":
        name = torch.cuda.get_device_name(0)
    elif kind == "mps":
        name = "Apple GPU"
    else:
        name = "CPU"
    return DeviceInfo(kind=kind, name=name, threads=n)
