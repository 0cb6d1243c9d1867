"""Run engine calls off the UI thread.

A `Job` is a QThread running one function `fn(emit, should_stop)`. Engine events
reach the window as a queued Qt signal, so the window keeps painting while the
engine computes; `cancel()` makes `should_stop()` true, which the engine polls
every step (and every long computation between its units of work), raising
engine.errors.Stopped when it is asked to. (benchmarks/bench_ui.py compares
this with a child process.)
"""
from __future__ import annotations

import atexit
import contextlib
import logging
import threading
import time
import traceback
from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QThread, Signal
from shiboken6 import Shiboken

from ..engine.errors import Stopped, UserError
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
    """One background computation. Its lifetime is its thread's, not its window's:
    a Job has no Qt parent, and LIVE holds it from start() until the thread has
    really ended, so closing or destroying the window (or a dialog, or a test's
    window being collected) never destroys a running QThread, which Qt answers by
    aborting the process. ``detach()`` (at close) cancels it and cuts it off from
    whoever started it: nothing it computes afterwards reaches them."""
    event = Signal(object)        # whatever the function emits (engine events)
    succeeded = Signal(object)    # its return value
    failed = Signal(object)       # a Failure

    def __init__(self, name: str, fn: Callable[[Callable[[object], None], Callable[[], bool]], object],
                 lock: threading.Lock | None = None, owner=None, on_end: Callable[["Job"], None] | None = None):
        super().__init__()
        self.setObjectName(name)
        self.name = name
        self.fn = fn
        self.lock = lock          # the window's base lock: jobs that use the base model run one at a time
        self.owner = owner        # a QObject; once it is deleted nothing is delivered to it
        self._on_end = on_end
        self._stop = threading.Event()
        self.detached = False
        self._relayed: list = []          # (signal, slot) pairs made by relay(), cut by detach()
        self.outcome: str | None = None   # "ok", "failed", "stopped" once finished
        # A bound method of this QObject (which lives in the main thread): queued
        # there, so it runs once run() has returned and the thread is finishing.
        self.finished.connect(self._ended)

    def cancel(self) -> None:
        self._stop.set()

    @property
    def cancelled(self) -> bool:
        return self._stop.is_set()

    def start(self) -> None:
        LIVE.add(self)
        super().start()

    def relay(self, signal, fn: Callable[[object], None]) -> None:
        """Connect ``fn`` to one of this job's signals so that it is called only while the
        job is attached and its owner exists (a value already queued when the window
        closed is dropped, not shown on a window that is gone)."""
        def deliver(value, fn=fn):
            if not self.detached and (self.owner is None or Shiboken.isValid(self.owner)):
                fn(value)
        signal.connect(deliver)
        self._relayed.append((signal, deliver))

    def detach(self) -> None:
        self.cancel()
        self.detached = True
        relayed, self._relayed = self._relayed, []
        for sig, slot in relayed:
            try:
                sig.disconnect(slot)
            except (RuntimeError, TypeError):
                pass

    def run(self) -> None:
        try:
            with self.lock or contextlib.nullcontext():
                if self.cancelled:
                    raise Stopped()
                result = self.fn(self.event.emit, self._stop.is_set)
        except Stopped:
            self.outcome = "stopped"      # asked to stop: its half-made result is nobody's
            return
        except BaseException as e:   # reported to the window, never lost
            log.exception("job %s failed", self.name)
            self.outcome = "failed"
            self.failed.emit(failure_from(e))
            return
        self.outcome = "ok"
        self.succeeded.emit(result)

    def _ended(self) -> None:
        # wait() returns at once here (Qt waits out the thread's last instructions);
        # only then may the last reference to this object go.
        self.wait()
        on_end, self._on_end = self._on_end, None
        try:
            if on_end is not None and not self.detached:
                on_end(self)
        finally:
            self.detach()                 # also breaks the job <-> slot reference cycles
            try:
                self.finished.disconnect(self._ended)
            except (RuntimeError, TypeError):
                pass
            LIVE.discard(self)


# Every job whose thread has not ended yet, whatever became of its window.
LIVE: set[Job] = set()


def wait_for_jobs(seconds: float) -> bool:
    """Cancel every job still running and wait up to ``seconds`` for them; True when none is left."""
    deadline = time.monotonic() + seconds
    for j in list(LIVE):
        j.cancel()
    for j in list(LIVE):
        j.wait(max(0, int((deadline - time.monotonic()) * 1000)))
    return not any(j.isRunning() for j in LIVE)


def running_jobs() -> list[str]:
    return sorted(j.name for j in LIVE if j.isRunning())


@atexit.register
def _end_of_process() -> None:
    # Python's teardown would otherwise collect a Job whose thread still runs.
    # Every job checks its stop flag between units of work, so this is short.
    if not wait_for_jobs(30.0):
        log.warning("exiting with jobs still running: %s", ", ".join(running_jobs()))
