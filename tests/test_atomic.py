"""One atomic writer (engine/atomic.py) for every file that must never be seen
half-written: it fsyncs, and a write that fails leaves neither a temporary file
nor a changed target. Every other module writes through it."""
from __future__ import annotations

import ast
import os

import pytest

from desktop.engine import atomic

from .conftest import ROOT

# Renames that are not writes: retiring a key moves the key file aside.
NOT_A_WRITE = {("desktop/engine/withdrawal_list.py", "replace")}


def test_atomic_write_fsyncs_the_file_and_its_folder(tmp_path, monkeypatch):
    synced = []
    real = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: synced.append(fd) or real(fd))
    atomic.atomic_write(tmp_path / "a.json", b"{}")
    assert (tmp_path / "a.json").read_bytes() == b"{}"
    assert len(synced) == 2              # the data, then the rename (the folder)
    atomic.atomic_write(tmp_path / "cache.json", b"{}", durable=False)       # a cache: no fsync
    assert len(synced) == 2 and (tmp_path / "cache.json").read_bytes() == b"{}"


@pytest.mark.parametrize("fails", ["fsync", "replace"])
def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path, monkeypatch, fails):
    target = tmp_path / "state.json"
    target.write_text("old", encoding="utf-8")

    def boom(*a, **k):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(os, fails, boom)
    with pytest.raises(OSError):
        atomic.atomic_write_text(target, "new")
    monkeypatch.undo()
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["state.json"]


def test_the_windows_settings_and_the_class_state_clean_up_after_a_failed_write(tmp_path, monkeypatch):
    """They had writers of their own that left a temporary file behind when the
    rename failed (and never fsynced)."""
    monkeypatch.setenv("NORMFIT_HOME", str(tmp_path / "home"))
    from desktop.engine import classroom
    from desktop.paths import config_dir
    from desktop.ui.settings import Settings

    Settings(budget_minutes=2).save()
    out = tmp_path / "class"
    out.mkdir()
    with monkeypatch.context() as m:
        m.setattr(os, "replace", lambda *a: (_ for _ in ()).throw(OSError(5, "I/O error")))
        Settings(budget_minutes=10).save()            # logs, never raises: a read-only profile must not stop the app
        with pytest.raises(OSError):
            classroom.save_state(out, {}, {"minutes": 1})
    assert [p.name for p in config_dir().iterdir()] == ["settings.json"]
    assert Settings.load().budget_minutes == 2
    assert list(out.iterdir()) == []


def _renames_and_temp_files(path) -> list[tuple[str, int]]:
    calls = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = getattr(node.func.value, "id", "")
            if (owner, node.func.attr) in {("os", "replace"), ("os", "rename"), ("tempfile", "mkstemp"),
                                           ("tempfile", "NamedTemporaryFile")}:
                calls.append((node.func.attr, node.lineno))
    return calls


def test_no_module_but_atomic_py_renames_a_temporary_file_into_place():
    others = []
    for f in sorted((ROOT / "desktop").rglob("*.py")):
        rel = f.relative_to(ROOT).as_posix()
        if rel == "desktop/engine/atomic.py":
            continue
        others += [f"{rel}:{line} {name}" for name, line in _renames_and_temp_files(f)
                   if (rel, name) not in NOT_A_WRITE]
    assert not others, f"write through desktop/engine/atomic.py instead: {others}"
