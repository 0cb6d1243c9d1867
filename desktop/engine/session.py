"""One personalisation job, from documents to results with their file sizes,
run the same way by the window and the command line.

The budget's clock starts when the job starts, so getting the text ready
counts against it (a 20 MB file once spent 15 s tokenising before the clock
started), and a long selection is tokenised only as far as the budget can use
(data.train_chars_for).

Importing this module does not import torch (the window builds its screens
before the engine loads): the engine is imported when a job runs.
"""
from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, replace
from typing import Callable, Sequence

from .events import Phase
from .methods import SHAREABLE
from .names import clean_label

log = logging.getLogger("normfit.engine")


@dataclass
class Outcome:
    """What one job produced: results per method, their adapter files' sizes,
    and the prepared data (to measure opened adapters on the same held-out text)."""
    results: list
    sizes: dict[str, int]
    data: object                 # data.Prepared
    general: object              # general.General: the general-text check and its name
    compare: bool
    label: str | None = None     # "Who is this for?" (cleaned), written into the files

    @property
    def general_label(self) -> str:
        return self.general.label

    @property
    def heldout_words(self) -> int:
        return getattr(self.data, "heldout_words", 0)

    def by_method(self) -> dict:
        return {r.method: r for r in self.results}

    @property
    def cancelled(self) -> bool:
        return any(r.cancelled for r in self.results)


class Session:
    """prepare(docs) then run(data). Two calls, so that a caller can let go of
    the documents' text before training (a 50 MB file is 50 MB held for the
    whole run otherwise).

    ``on_event(method, event)`` gets the engine's events; ``should_stop`` is
    polled between steps and batches."""

    def __init__(self, base, cfg, methods: Sequence[str] = (SHAREABLE,), general_path=None,
                 label: str | None = None, on_event: Callable[[str, object], None] | None = None,
                 should_stop: Callable[[], bool] = lambda: False, started_at: float | None = None):
        from . import api
        self.api, self.base, self.cfg = api, base, cfg.with_protocol()
        self.methods = tuple(methods)
        # Every path (window, CLI, class) stores a label cleaned by the one rule.
        self.general_path, self.label = general_path, clean_label(label)
        self.emit = on_event or (lambda m, e: None)
        self.should_stop = should_stop
        self.t0 = time.monotonic() if started_at is None else started_at
        from .general import General
        self.general = General.none()
        # The optimiser's first use imports torch._dynamo: 1-3 s of one core that
        # the budget would pay mid-job. Done beside reading and measuring instead
        # (on a second core in parallel; on one, no worse than before).
        threading.Thread(target=api.warm_up, name="normfit-warm-up", daemon=True).start()

    @property
    def general_label(self) -> str:
        return self.general.label

    def prepare(self, docs, heldout=None):
        """Split and tokenise (raising NotEnoughText with the amount missing),
        and load the general-text check."""
        from .data import train_chars_for
        self.emit(self.methods[0], Phase("preparing", "Getting your text ready"))
        data = self.api.prepare_documents(self.base, docs, heldout, seed=self.cfg.seed,
                                          train_chars=train_chars_for(self.cfg.minutes * 60.0))
        self.general = self.api.general_set(self.base, self.general_path)
        return data

    def run(self, data) -> Outcome:
        api, cfg = self.api, self.cfg
        if len(self.methods) == 1:
            m = self.methods[0]
            cfg1 = cfg if cfg.method == m else replace(cfg, method=m)
            results = [api.personalise(self.base, data, cfg1, self.general, lambda e: self.emit(m, e),
                                       self.should_stop, started_at=self.t0)]
        else:
            results = api.compare(self.base, data, cfg, self.general, self.methods, self.emit, self.should_stop,
                                  started_at=self.t0)
        return Outcome(results, self.sizes(results), data, self.general, len(self.methods) > 1, self.label)

    def sizes(self, results) -> dict[str, int]:
        """The size each result's adapter file has (its exact bytes, not written anywhere)."""
        out = {}
        for r in results:
            try:
                out[r.method] = len(self.api.adapter_bytes(r, self.base, self.label, self.general))
            except Exception:   # the size is informative only
                log.exception("could not size the %s adapter", r.method)
        return out


def run(base, cfg, docs, heldout=None, **kw) -> Outcome:
    """Session(base, cfg, **kw): prepare(docs, heldout), then run."""
    s = Session(base, cfg, **kw)
    return s.run(s.prepare(docs, heldout))
