"""The one way NormFit writes a file that must never be seen half-written:
write a temporary file in the same folder, fsync it, rename it over the target,
fsync the folder. A reader sees the old file or the new one; a process killed at
any point leaves the target as it was, and its temporary file is swept up by the
next write of the same name; a write that fails removes its temporary file.

Adapters, keys, directory entries, trust lists, class reports and state, the
window's settings and the developer tools' caches all write through here.
Torch-free, so the window may use it before the engine loads.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


def _tmp_prefix(path: Path) -> str:
    return f".{path.name}."


def _sweep_stale_temps(path: Path) -> None:
    """Remove temporary files that a killed NormFit left next to `path` (their
    names carry the writer's process id; a live writer's file is kept)."""
    if os.name != "posix":
        return
    try:
        names = os.listdir(path.parent)
    except OSError:
        return
    prefix = _tmp_prefix(path)
    for name in names:
        if not (name.startswith(prefix) and name.endswith(".tmp")):
            continue
        pid = name[len(prefix):].split(".", 1)[0]
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            os.kill(int(pid), 0)
            continue                       # that writer is still running
        except ProcessLookupError:
            pass
        except OSError:
            continue
        try:
            os.unlink(path.parent / name)
        except OSError:
            pass


def atomic_write(path: str | Path, data: bytes, overwrite: bool = True, mode: int | None = None,
                 durable: bool = True) -> None:
    """Write to a temporary file in the same folder, fsync, then rename over the
    target: a reader sees the old file or the new one, never half of either, and
    a process killed at any point leaves the target as it was.

    With overwrite=False an existing target is never replaced, even if it
    appears while we write (FileExistsError). ``mode`` (POSIX) is set on the
    temporary file before the first byte: 0o600 for a private key (failing if
    it cannot be set), 0o644 for a file meant to be shared (FAT sticks refuse
    chmod, and their files are readable by all anyway).

    durable=False skips both fsyncs, for caches: still never half-written, but
    a power cut may lose the newest version, and an fsync on a slow lab disk
    would otherwise be paid out of a job's time budget."""
    path = Path(path)
    _sweep_stale_temps(path)
    fd, tmp = tempfile.mkstemp(prefix=f"{_tmp_prefix(path)}{os.getpid()}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:    # closes the descriptor whatever fails below
            if mode is not None and os.name == "posix":
                try:
                    os.fchmod(f.fileno(), mode)
                except OSError:
                    if not mode & 0o077:      # a private file that cannot be made private: stop
                        raise
            f.write(data)
            f.flush()
            if durable:
                os.fsync(f.fileno())
        if overwrite:
            os.replace(tmp, path)
        else:
            _place_new(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    if not durable:
        return
    try:  # make the rename itself durable
        dfd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
    except OSError:
        pass


def _place_new(tmp: str, path: Path) -> None:
    """Move tmp to path only if path does not exist, atomically where the file
    system has hard links (a link fails if the name is taken)."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise FileExistsError(f"{path} already exists.") from None
    except OSError:      # no hard links here (e.g. FAT USB sticks): check, then rename
        if path.exists():
            raise FileExistsError(f"{path} already exists.") from None
        os.replace(tmp, path)
        return
    os.unlink(tmp)


def atomic_write_text(path: str | Path, text: str, overwrite: bool = True, mode: int | None = None,
                      durable: bool = True) -> None:
    """atomic_write of UTF-8 text, written exactly as given (no newline translation)."""
    atomic_write(path, text.encode("utf-8"), overwrite=overwrite, mode=mode, durable=durable)
