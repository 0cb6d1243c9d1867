"""Facts about this computer and the C allocator, without importing torch
(the window and the command line use these before the engine loads)."""
from __future__ import annotations

import os
from pathlib import Path


def cpu_name() -> str:
    """The processor's model name, for benchmark and report headers."""
    import platform
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "?"


def usable_cpus() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return max(1, os.cpu_count() or 1)


def tune_allocator() -> bool:
    """Keep glibc from hoarding freed memory in per-thread arenas (Linux only;
    a no-op elsewhere).

    PyTorch frees and re-allocates tens of MB of activations every step from
    several threads; with one arena a norm-only job's peak RSS drops by ~50-100 MB
    at no cost in speed. (Also trimming on every free, M_TRIM_THRESHOLD=0, saves
    more but halves training speed through page faults: measured, rejected.)
    Call once, early, before torch starts its threads."""
    import sys

    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = _libc()
        M_ARENA_MAX = -8
        return libc.mallopt(M_ARENA_MAX, 1) == 1
    except (OSError, AttributeError):
        return False


_LIBC = None


def _libc():
    """glibc by its fixed name: ctypes.util.find_library("c") runs ldconfig (and
    gcc when that fails) as child processes, at every start."""
    import ctypes
    return ctypes.CDLL("libc.so.6")


def release_free_memory() -> None:
    """Hand memory that is free inside the process back to the system (glibc's
    malloc_trim; a no-op elsewhere). Checks and the guard's replay allocate
    differently sized buffers from the training steps, and without this the
    freed pieces stay counted in RSS for the rest of a long job. Cheap enough
    for once per check (milliseconds), unlike trimming on every free."""
    global _LIBC
    import sys
    if not sys.platform.startswith("linux"):
        return
    try:
        if _LIBC is None:
            _LIBC = _libc()
        _LIBC.malloc_trim(0)
    except (OSError, AttributeError):
        pass


def process_started_at() -> float:
    """When this process started, on time.monotonic()'s clock (Linux; elsewhere:
    now). A `normfit train` typed at a prompt counts its budget from here, so
    Python and PyTorch starting (2 s on a quiet PC, 15 s on a busy one) is inside
    the time the person asked for, not added to it."""
    import time
    now = time.monotonic()
    try:
        ticks = os.sysconf("SC_CLK_TCK")
        start = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19]) / ticks
        uptime = float(Path("/proc/uptime").read_text().split()[0])
    except (OSError, ValueError, IndexError, AttributeError):
        return now
    age = uptime - start
    return now - age if age >= 0 else now
