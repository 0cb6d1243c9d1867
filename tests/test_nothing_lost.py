"""Nothing a person owns is ever damaged: killing NormFit while it exports or
trains leaves no partial adapter file; an existing file is replaced only when
asked (--force); a read-only folder or a full disk gives a message and the
result can still be saved elsewhere."""
from __future__ import annotations

import errno
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import torch

from desktop import cli
from desktop.engine import adapter_file
from desktop.engine.adapter_file import parse, save_adapter, to_bytes

from .conftest import ROOT
from .test_adapter_fuzz import EXPECTED, gains, metadata

POSIX = os.name == "posix"


def _versions():
    old = to_bytes(gains(), metadata(label="old"))
    g = {k: v * 1.5 for k, v in gains().items()}
    new = to_bytes(g, metadata(label="new", steps=99))
    assert old != new
    return old, new


def _leftovers(folder: Path, target: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != target.name)


# ------------------------------------------------------------------ kill during export
@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork() to kill a writer many times quickly")
def test_killing_an_export_at_random_moments_leaves_the_old_or_the_new_file(tmp_path):
    """A child process saves over the same file again and again; we kill it at
    random moments. Every time, the target is one complete file: the old
    version or the new one, never a mix, never cut short."""
    old, new = _versions()
    target = tmp_path / "mine.safetensors"
    target.write_bytes(old)
    rng = random.Random(7)
    for trial in range(40):
        pid = os.fork()
        if pid == 0:     # child: write new/old alternately, forever
            try:
                i = 0
                while True:
                    adapter_file.atomic_write(target, new if i % 2 == 0 else old)
                    i += 1
            finally:
                os._exit(0)
        time.sleep(rng.uniform(0, 0.02))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        data = target.read_bytes()
        assert data in (old, new), f"trial {trial}: the file is neither version ({len(data)} bytes)"
        parse(data, EXPECTED)
    # Temporary files of killed writers are hidden and cleared by the next save.
    save_adapter(target, gains(), metadata(), overwrite=True)
    assert _leftovers(tmp_path, target) == []


@pytest.mark.skipif(not POSIX, reason="SIGKILL is POSIX")
def test_killing_a_real_export_process_leaves_the_old_file(tmp_path):
    """The same with a separate Python process doing real save_adapter calls,
    killed at several random moments."""
    old, _ = _versions()
    target = tmp_path / "mine.safetensors"
    target.write_bytes(old)
    script = (
        "import sys, torch\n"
        "from desktop.engine.adapter_file import save_adapter\n"
        "from tests.test_adapter_fuzz import gains, metadata\n"
        "g = {k: v * 1.5 for k, v in gains().items()}\n"
        "print('ready', flush=True)\n"
        "while True:\n"
        "    save_adapter(sys.argv[1], g, metadata(label='new'), overwrite=True)\n")
    rng = random.Random(11)
    labels = set()
    for _ in range(4):
        proc = subprocess.Popen([sys.executable, "-c", script, str(target)], cwd=ROOT, stdout=subprocess.PIPE,
                                text=True)
        try:
            assert proc.stdout.readline().strip() == "ready"
            time.sleep(rng.uniform(0.0, 0.3))
        finally:
            proc.kill()
            proc.wait(30)
        labels.add(parse(target.read_bytes(), EXPECTED).metadata["label"])
    assert labels <= {"old", "new"} and "new" in labels


# ------------------------------------------------------------------ never overwrite unasked
def test_saving_over_an_existing_file_needs_overwrite(tmp_path):
    old, _ = _versions()
    target = tmp_path / "mine.safetensors"
    target.write_bytes(old)
    with pytest.raises(FileExistsError):
        save_adapter(target, gains(), metadata(label="new"))
    assert target.read_bytes() == old
    save_adapter(target, gains(), metadata(label="new"), overwrite=True)
    assert parse(target.read_bytes()).metadata["label"] == "new"
    assert _leftovers(tmp_path, target) == []


def test_a_file_that_appears_while_saving_is_not_replaced(tmp_path, monkeypatch):
    """Between the check and the write someone else saves the same name: ours must not clobber it."""
    target = tmp_path / "race.safetensors"
    real_fsync = os.fsync

    def fsync_then_race(fd):
        real_fsync(fd)
        if not target.exists():
            target.write_bytes(b"theirs")
    monkeypatch.setattr(os, "fsync", fsync_then_race)
    with pytest.raises(FileExistsError):
        save_adapter(target, gains(), metadata())
    assert target.read_bytes() == b"theirs"
    assert _leftovers(tmp_path, target) == []


def test_cli_train_refuses_to_replace_without_force(tmp_path, capsys):
    old, _ = _versions()
    target = tmp_path / "mine.safetensors"
    target.write_bytes(old)
    (tmp_path / "d.txt").write_text("words " * 50, encoding="utf-8")
    rc = cli.main(["train", str(tmp_path / "d.txt"), "--out", str(target)])
    err = capsys.readouterr().err
    assert rc == 2 and "--force" in err and len(err.strip().splitlines()) == 1
    assert target.read_bytes() == old


# ------------------------------------------------------------------ full disk, read-only folder
def _fail_at(m, where: str, code: int, folder: Path) -> None:
    """Make saving into `folder` fail where the real failure happens: a read-only
    folder refuses the temporary file (mkstemp); a full disk fails the write or
    the fsync. (Tests run as root, so chmod would prove nothing.)"""
    import tempfile
    err = OSError(code, os.strerror(code))
    if where == "mkstemp":
        real = tempfile.mkstemp

        def mkstemp(*a, dir=None, **k):
            if dir is not None and Path(dir) == folder:
                raise err
            return real(*a, dir=dir, **k)
        m.setattr(tempfile, "mkstemp", mkstemp)
    elif where == "fsync":
        def fsync(fd):
            raise err
        m.setattr(os, "fsync", fsync)
    else:
        real_fdopen = os.fdopen

        class Full:
            def __init__(self, f):
                self.f = f

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                self.f.close()

            def write(self, data):
                self.f.write(data[:len(data) // 2])     # part of it lands, then the disk is full
                self.f.flush()
                raise err

            def __getattr__(self, name):
                return getattr(self.f, name)
        m.setattr(os, "fdopen", lambda fd, *a, **k: Full(real_fdopen(fd, *a, **k)))


@pytest.mark.parametrize("where, code", [("mkstemp", errno.EROFS), ("mkstemp", errno.EACCES),
                                         ("write", errno.ENOSPC), ("fsync", errno.ENOSPC)])
def test_full_disk_or_read_only_folder_keeps_the_old_file_and_the_result(tmp_path, monkeypatch, where, code):
    old, _ = _versions()
    target = tmp_path / "mine.safetensors"
    target.write_bytes(old)
    tensors = gains()
    with monkeypatch.context() as m:
        _fail_at(m, where, code, tmp_path)
        with pytest.raises(OSError) as e:
            save_adapter(target, tensors, metadata(label="new"), overwrite=True)
        assert e.value.errno == code
        with pytest.raises(OSError):
            save_adapter(tmp_path / "fresh.safetensors", tensors, metadata(label="new"))
    assert target.read_bytes() == old
    assert _leftovers(tmp_path, target) == []      # no temporary or half-written file left
    # The tensors are untouched in memory and save fine elsewhere.
    other = tmp_path / "elsewhere"
    other.mkdir()
    save_adapter(other / "mine.safetensors", tensors, metadata(label="new"))
    assert parse((other / "mine.safetensors").read_bytes()).metadata["label"] == "new"


def test_cli_saves_to_the_user_folder_when_the_chosen_folder_is_read_only(
        tmp_path, monkeypatch, capsys, tiny_base_dir, docs_dir):
    """Through the command line, with a real training result: the chosen folder
    refuses the file, so it goes to the user's adapters folder, complete."""
    home = tmp_path / "home"
    monkeypatch.setenv("NORMFIT_HOME", str(home))
    ro = tmp_path / "ro"
    ro.mkdir()
    with monkeypatch.context() as m:
        _fail_at(m, "mkstemp", errno.EROFS, ro)
        rc = cli.main(["train", str(docs_dir), "--steps", "2", "--base", str(tiny_base_dir),
                       "--out", str(ro / "a.safetensors")])
    err = capsys.readouterr().err
    assert rc == 0 and "saving to" in err
    assert list(ro.iterdir()) == []
    saved = home / "adapters" / "a.safetensors"
    assert parse(saved.read_bytes()).metadata["method"] == "norm"
    # Nowhere left to write: one sentence, exit 2, nothing half-written anywhere.
    with monkeypatch.context() as m:
        _fail_at(m, "write", errno.ENOSPC, ro)
        _fail_at(m, "fsync", errno.ENOSPC, ro)
        rc = cli.main(["train", str(docs_dir), "--steps", "2", "--base", str(tiny_base_dir),
                       "--out", str(ro / "b.safetensors")])
    err = capsys.readouterr().err
    assert rc == 2 and "free some disk space" in err
    assert list(ro.iterdir()) == [] and sorted(p.name for p in saved.parent.iterdir()) == ["a.safetensors"]


# ------------------------------------------------------------------ kill during training
def _train_cmd(docs_dir, tiny_base_dir, target):
    return [sys.executable, "-m", "desktop", "train", str(docs_dir), "--base", str(tiny_base_dir),
            "--out", str(target), "--steps", "40", "--minutes", "2", "--threads", "1"]


@pytest.mark.skipif(not POSIX, reason="SIGKILL is POSIX")
def test_killing_training_at_any_moment_leaves_no_partial_adapter(tmp_path, tiny_base_dir, docs_dir):
    """Killed at random moments from the start of training to the save itself:
    the output folder holds nothing or one complete adapter, never a part."""
    env = {**os.environ, "NORMFIT_HOME": str(tmp_path / "home")}
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    # One whole run first, to know how long training-to-saved takes here.
    t0 = time.monotonic()
    subprocess.run(_train_cmd(docs_dir, tiny_base_dir, out_dir / "whole.safetensors"), cwd=ROOT, env=env,
                   check=True, capture_output=True, timeout=300)
    whole_s = time.monotonic() - t0
    rng = random.Random(5)
    outcomes = set()
    for trial in range(5):
        target = out_dir / f"mine{trial}.safetensors"
        proc = subprocess.Popen(_train_cmd(docs_dir, tiny_base_dir, target), cwd=ROOT, env=env,
                                stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
        # Stratified over the run (trial k in the k-th fifth), so one slow first run
        # (imports not yet in the page cache) cannot push every kill past the save.
        time.sleep(0.3 + (trial + rng.random()) / 5 * max(0.0, whole_s * 1.1 - 0.3))
        proc.kill()
        proc.wait(30)
        names = [p.name for p in out_dir.iterdir() if not p.name.startswith(".")]
        if target.exists():
            parse(target.read_bytes())     # complete and valid, or this raises
            outcomes.add("saved")
        else:
            outcomes.add("none")
        assert sorted(names) == sorted(["whole.safetensors"] + [f"mine{i}.safetensors" for i in range(trial + 1)
                                                               if (out_dir / f"mine{i}.safetensors").exists()])
    home = tmp_path / "home" / "adapters"
    assert not home.exists() or list(home.iterdir()) == []
    assert "none" in outcomes          # at least one kill landed before the save


# The real `normfit train`, killed (SIGKILL, as a power cut or the task manager
# would) in the middle of writing into the output folder (half the bytes
# written), or just before moving a file into it: moments of milliseconds that
# random kills almost never hit. Every file opened through Python's io.open
# (open, Path.write_bytes, os.fdopen) is watched; an audit hook sees renames.
KILL_AT = r'''
import io, os, runpy, signal, sys
out, when = os.path.realpath(sys.argv[1]), sys.argv[2]
sys.argv = ["normfit", *sys.argv[3:]]

def inside(path):
    return os.path.dirname(os.path.realpath(os.fsdecode(path))) == out

class HalfThenKill:
    def __init__(self, f):
        self._f = f
    def __getattr__(self, name):
        return getattr(self._f, name)
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        self._f.close()
    def write(self, data):
        self._f.write(data[:len(data) // 2])
        self._f.flush()
        os.kill(os.getpid(), signal.SIGKILL)

real_open = io.open

def watched_open(file, mode="r", *a, **k):
    f = real_open(file, mode, *a, **k)
    path = os.readlink(f"/proc/self/fd/{file}") if isinstance(file, int) else file
    if when == "write" and any(c in mode for c in "wax+") and inside(path):
        return HalfThenKill(f)
    return f
io.open = watched_open
import builtins
builtins.open = watched_open

def hook(event, args):
    if when == "move" and event in ("os.rename", "os.link") and inside(args[1]):
        os.kill(os.getpid(), signal.SIGKILL)
sys.addaudithook(hook)
runpy.run_module("desktop", run_name="__main__", alter_sys=True)
'''


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="finds an open file's name in /proc (Linux)")
@pytest.mark.parametrize("when", ["write", "move"])
def test_killed_while_saving_after_training_leaves_no_partial_adapter(tmp_path, tiny_base_dir, docs_dir, when):
    """Killed as the adapter is being written: the folder holds no adapter (the
    half-written one is a hidden temporary file), and the next save there
    clears that file away."""
    env = {**os.environ, "NORMFIT_HOME": str(tmp_path / "home")}
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "mine.safetensors"
    args = ["train", str(docs_dir), "--base", str(tiny_base_dir), "--out", str(target), "--steps", "2",
            "--threads", "1"]
    p = subprocess.run([sys.executable, "-c", KILL_AT, str(out_dir), when, *args], cwd=ROOT, env=env,
                       capture_output=True, text=True, timeout=300)
    assert p.returncode == -signal.SIGKILL, f"not killed while saving into {out_dir}: {p.stderr[-2000:]}"
    assert [q.name for q in out_dir.iterdir() if not q.name.startswith(".")] == []
    home = tmp_path / "home" / "adapters"
    assert not home.exists() or list(home.iterdir()) == []
    # The same save again, not killed: one complete adapter and nothing else.
    subprocess.run([sys.executable, "-m", "desktop", *args], cwd=ROOT, env=env, check=True, capture_output=True,
                   timeout=300)
    parse(target.read_bytes())
    assert _leftovers(out_dir, target) == []
