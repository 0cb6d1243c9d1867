"""Run engine calls off the UI thread.

A `Job` is a QThread running one function `fn(emit, should_stop)`. Engine events
reach the window as a queued Qt signal, so the window keeps painting while the
engine computes; `cancel()` makes `should_stop()` true, which the engine polls
every step. (benchmarks/bench_ui.py compares this with a child process.)
"""
from __future__ import annotations

import contextlib
import logging
import threading
import time
import traceback
from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QThread, Signal

from ..engine.errors import UserError
from .words import say, tr

log = logging.getLogger("normfit.ui")


@dataclass(frozen=True)
class Failure:
    message: str        # one plain sentence for the person
    details: str        # the traceback, for "Show Details..." and the log
    kind: str           # exception class name


# Exceptions whose text is already written for a person: the engine's UserError
# family (engine/errors.py, torch-free) and these two from the system.
PLAIN = (UserError, FileExistsError, PermissionError)


def failure_from(exc: BaseException) -> Failure:
    kind = type(exc).__name__
    details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    if isinstance(exc, PLAIN) or isinstance(exc, ValueError):
        msg = say(exc)          # the engine's sentence, worded in the language in use
        if isinstance(exc, PermissionError):
            msg = tr("NormFit is not allowed to write there. Choose another folder.")
    elif isinstance(exc, MemoryError):
        msg = tr("The computer ran out of memory. Close other programs or use fewer documents.")
    elif isinstance(exc, OSError):
        msg = tr("A file could not be read or written ({why}).").format(why=exc.strerror or exc)
    else:
        msg = tr("Something went wrong inside NormFit. The details below can help someone fix it; "
                 "they are also in the log.")
    return Failure(msg, details, kind)


class Job(QThread):
    event = Signal(object)        # whatever the function emits (engine events)
    succeeded = Signal(object)    # its return value
    failed = Signal(object)       # a Failure

    def __init__(self, name: str, fn: Callable[[Callable[[object], None], Callable[[], bool]], object],
                 parent=None, lock: threading.Lock | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self.name = name
        self.fn = fn
        self.lock = lock          # the window's base lock: jobs that use the base model run one at a time
        self._stop = threading.Event()
        self.outcome: str | None = None   # "ok", "failed" once finished

    def cancel(self) -> None:
        self._stop.set()

    @property
    def cancelled(self) -> bool:
        return self._stop.is_set()

    def run(self) -> None:
        try:
            with self.lock or contextlib.nullcontext():
                result = self.fn(self.event.emit, self._stop.is_set)
        except BaseException as e:   # reported to the window, never lost
            log.exception("job %s failed", self.name)
            self.outcome = "failed"
            self.failed.emit(failure_from(e))
            return
        self.outcome = "ok"
        self.succeeded.emit(result)


# Jobs still running when their window closed: kept alive (no parent) until they end.
LINGERING: set[Job] = set()


def linger(job: Job) -> None:
    log.warning("job %s still running at close; letting it finish", job.name)
    for sig in (job.event, job.succeeded, job.failed):
        try:
            sig.disconnect()
        except (RuntimeError, TypeError):
            pass
    job.setParent(None)
    LINGERING.add(job)
    job.finished.connect(lambda: LINGERING.discard(job))


def wait_for_lingering(seconds: float) -> bool:
    """True when no job is left running."""
    deadline = time.monotonic() + seconds
    for j in list(LINGERING):
        j.wait(max(0, int((deadline - time.monotonic()) * 1000)))
    return not any(j.isRunning() for j in LINGERING)
