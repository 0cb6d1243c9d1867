"""What the window knows, apart from its widgets: the documents it skipped,
the outcome of a run, the state of a run in progress; and small helpers the
window's steps share (window.py, documents_step.py, training_step.py, results_step.py)."""
from __future__ import annotations

import importlib
import logging
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..engine.session import Outcome  # noqa: F401  (torch-free; the steps share it)
from .words import QT_TR_NOOP, say, tr

log = logging.getLogger("normfit.ui")
ADAPTER_FILTER = QT_TR_NOOP("NormFit adapter (*.safetensors)")
# The engine's names for kinds of document (documents.register), shown in the Type column.
KINDS = {k: k for k in (QT_TR_NOOP("Text"), QT_TR_NOOP("Source code"), QT_TR_NOOP("PDF"),
                        QT_TR_NOOP("Word document"), QT_TR_NOOP("OpenDocument text"), QT_TR_NOOP("Rich Text"),
                        QT_TR_NOOP("Web page"), QT_TR_NOOP("E-book"))}
DOCUMENTS, PERSONALISE, RESULTS = range(3)


def engine():
    """The engine's public API, imported on first use (it pulls in PyTorch)."""
    return importlib.import_module("desktop.engine.api")


def samples_dir() -> Path:
    """The bundled sample documents (NORMFIT_SAMPLES overrides, e.g. in tests)."""
    env = os.environ.get("NORMFIT_SAMPLES")
    if env:
        return Path(env)
    from ..paths import assets_dir
    return assets_dir() / "samples"


def device_words(info) -> str:
    if info.kind == "cuda":
        return tr("Using your NVIDIA graphics card ({name})").format(name=info.name)
    if info.kind == "mps":
        return tr("Using your Mac's graphics processor")
    if info.threads == 1:
        return tr("Using the processor, 1 core")
    return tr("Using the processor, {n} cores").format(n=info.threads)


@dataclass
class Skipped:
    path: str
    reason: str
    ours: bool = False      # the reason is the window's own (translated when shown), not the engine's

    @property
    def name(self) -> str:
        return Path(self.path).name

    @property
    def why(self) -> str:
        return tr(self.reason) if self.ours else say(self.reason)


SAME_TEXT = QT_TR_NOOP("The same text as another document; counted once.")


@dataclass
class RunState:
    methods: tuple[str, ...]
    budget_s: float
    max_steps: int | None
    t0: float = field(default_factory=time.monotonic)
    method: str = "norm"
    phase: str = ""
    step: int = 0
    elapsed_in_method: float = 0.0
    tokens_per_s: float = 0.0
    cancel_at: float | None = None
    last_step_at: float | None = None
    step_seconds: float = 0.0      # the longest gap between two steps seen so far



