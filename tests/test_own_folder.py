"""NormFit never writes inside its own folder (desktop/paths.py; a school lab
may make it read-only): until now only the packaged app's check_dist.sh said
so. Here the commands a person runs, with the bundled base, leave every file
of this checkout as it was (Python's own bytecode cache aside, which the
packaged app does not write)."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from desktop.engine.base import releases

from .conftest import ROOT, synthetic_text

NOT_OURS = {".venv", ".git", ".pytest_cache", "__pycache__", "node_modules"}


def _snapshot() -> dict[str, tuple[int, int]]:
    seen = {}
    for folder, dirs, files in os.walk(ROOT):
        dirs[:] = [d for d in dirs if d not in NOT_OURS and not d.endswith(".egg-info")]
        for f in files:
            p = os.path.join(folder, f)
            st = os.lstat(p)
            seen[os.path.relpath(p, ROOT)] = (st.st_size, st.st_mtime_ns)
    return seen


@pytest.mark.skipif(not releases(), reason="no bundled base model in assets/base")
def test_train_share_eval_and_read_write_nothing_inside_normfits_own_folder(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(3):
        (docs / f"n{i}.txt").write_text(synthetic_text(900, seed=70 + i), encoding="utf-8")
    stick = tmp_path / "stick"
    stick.mkdir()
    env = {**os.environ, "NORMFIT_HOME": str(tmp_path / "home"), "PYTHONDONTWRITEBYTECODE": "1"}
    adapter = tmp_path / "mine.safetensors"
    before = _snapshot()

    def normfit(*args):
        p = subprocess.run([sys.executable, "-m", "desktop", *map(str, args)], cwd=tmp_path, env=env,
                           capture_output=True, text=True, timeout=600)
        assert p.returncode == 0, p.stderr[-2000:]
    normfit("train", docs, "--steps", "2", "--minutes", "1", "--threads", "1", "--lr", "0.05", "--out", adapter)
    normfit("train", docs, "--steps", "2", "--minutes", "1", "--threads", "1", "--lr", "0.05")   # default folder
    assert adapter.exists()
    normfit("share", adapter, "--out", stick)
    normfit("eval", docs, "--adapter", adapter)
    normfit("read", docs)
    after = _snapshot()
    changed = sorted(k for k in before.keys() & after.keys() if before[k] != after[k])
    assert (sorted(after.keys() - before.keys()), changed, sorted(before.keys() - after.keys())) == ([], [], [])
