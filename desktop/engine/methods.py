"""The ways of personalising, listed once (torch-free, so the window and the
command line can list them before the engine loads).

Each method is one `Method` in adapters.py (which parameters train, how its
tensors leave and re-enter a model, their shapes) carrying a `Spec` (its name,
the words people read, its default learning rate, whether its file is the
shareable kind, its colour in charts). `adapters.register(method)` puts it in
adapters.REGISTRY and its Spec here; the window's comparison, the command
line's `--method` and the shootout read `names()` when they run, so a method
registered anywhere appears in all three. The three built-in Specs are here,
not in adapters.py, only so that they are known before torch is imported.
"""
from __future__ import annotations

from dataclasses import dataclass

from .messages import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Spec:
    name: str
    title: str                # what people read (the window translates it: context "")
    lr: float                 # default learning rate (benchmarks/lr_sweep.py, benchmarks/RESULTS.md)
    shareable: bool = False   # its file is the small one that goes to the federation (at most 9 KB)
    colour: str = "#8a8f98"   # in the window's charts

    def __post_init__(self):
        if not self.name.isidentifier() or self.name == "base":   # "base" is the base model's row
            raise ValueError(f"A method's name must be a plain word other than 'base', not {self.name!r}.")


_SPECS: dict[str, Spec] = {}


def register(spec: Spec) -> None:
    _SPECS[spec.name] = spec


def unregister(name: str) -> None:
    _SPECS.pop(name, None)


def names() -> tuple[str, ...]:
    """Every registered method, the shareable one first."""
    return tuple(_SPECS)


def spec(name: str) -> Spec | None:
    return _SPECS.get(name)


for _s in (
    # The sweep's rates on the fixtures' validation slices.
    Spec("norm", QT_TRANSLATE_NOOP("", "Norm-only (NormFit)"), 1e-2, shareable=True, colour="#2f7ed8"),
    Spec("lora", QT_TRANSLATE_NOOP("", "LoRA rank 4"), 1e-2, colour="#e8890c"),
    Spec("full", QT_TRANSLATE_NOOP("", "Full fine-tuning"), 1e-3, colour="#b04ac2"),
):
    register(_s)

METHODS = names()          # the built-in three (norm: the RMSNorm gains, the small shareable adapter)
SHAREABLE = "norm"         # the method whose adapter goes to the federation
assert spec(SHAREABLE).shareable
