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
    """The same with a separate Python process doing a real save_adapter."""
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
    proc = subprocess.Popen([sys.executable, "-c", script, str(target)], cwd=ROOT, stdout=subprocess.PIPE,
                            text=True)
    try:
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(0.2)
    finally:
        proc.kill()
        proc.wait(30)
    af = parse(target.read_bytes(), EXPECTED)
    assert af.metadata["label"] in ("old", "new")


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
@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS, errno.EACCES])
def test_full_disk_or_read_only_folder_keeps_the_old_file_and_the_result(tmp_path, monkeypatch, code):
    old, _ = _versions()
    target = tmp_path / "mine.safetensors"
    target.write_bytes(old)
    tensors = gains()

    def fail(*a, **k):
        raise OSError(code, os.strerror(code))
    with monkeypatch.context() as m:
        m.setattr(os, "replace", fail)
        m.setattr(os, "link", fail)
        with pytest.raises(OSError):
            save_adapter(target, tensors, metadata(label="new"), overwrite=True)
        with pytest.raises(OSError):
            save_adapter(tmp_path / "fresh.safetensors", tensors, metadata(label="new"))
    assert target.read_bytes() == old
    assert _leftovers(tmp_path, target) == []      # no temporary or half-written file left
    # The tensors are untouched in memory and save fine elsewhere.
    other = tmp_path / "elsewhere"
    other.mkdir()
    save_adapter(other / "mine.safetensors", tensors, metadata(label="new"))
    assert parse((other / "mine.safetensors").read_bytes()).metadata["label"] == "new"


def test_cli_saves_to_the_user_folder_when_the_chosen_folder_fails(tmp_path, monkeypatch, capsys):
    from desktop.engine import api
    monkeypatch.setenv("NORMFIT_HOME", str(tmp_path / "home"))
    calls = []

    def export(path, result, base, overwrite=False, label=None, general_label=None):
        calls.append(Path(path))
        if len(calls) == 1:
            raise OSError(errno.EROFS, "Read-only file system")
        Path(path).write_bytes(b"ok")
        return 2
    monkeypatch.setattr(api, "export_adapter", export)
    result = type("R", (), {"method": "norm"})()
    path, n = cli._save(result, None, tmp_path / "ro" / "a.safetensors", False, "reference", None)
    assert path == tmp_path / "home" / "adapters" / "a.safetensors" and path.read_bytes() == b"ok"
    assert "saving to" in capsys.readouterr().err

    def always_fail(*a, **k):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(api, "export_adapter", always_fail)
    with pytest.raises(cli.UsageError, match="free some disk space"):
        cli._save(result, None, tmp_path / "ro" / "b.safetensors", False, "reference", None)


# ------------------------------------------------------------------ kill during training
@pytest.mark.skipif(not POSIX, reason="SIGKILL is POSIX")
def test_killing_training_leaves_no_adapter_file(tmp_path, tiny_base_dir, docs_dir):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "mine.safetensors"
    env = {**os.environ, "NORMFIT_HOME": str(tmp_path / "home")}
    proc = subprocess.Popen([sys.executable, "-m", "desktop", "train", str(docs_dir), "--base", str(tiny_base_dir),
                             "--out", str(target), "--minutes", "2", "--threads", "1"], cwd=ROOT,
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env)
    reached = False
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and not reached:
            line = proc.stderr.readline()
            if not line:
                break
            reached = line.startswith("Training")
        time.sleep(random.uniform(0.1, 0.8))
    finally:
        proc.kill()
        proc.wait(30)
    assert reached, "training never started"
    assert list(out_dir.iterdir()) == []
    home = tmp_path / "home" / "adapters"
    assert not home.exists() or list(home.iterdir()) == []
