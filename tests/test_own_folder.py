"""NormFit never writes inside its own folder (desktop/paths.py; a school lab
may make it read-only): until now only the packaged app's check_dist.sh said
so. Here the commands a person runs, with the bundled base, are watched by an
audit hook that records every file opened for writing, created, renamed,
linked or removed; none may lie inside this checkout (Python's own bytecode
cache aside, which the packaged app does not write). A hook, not a before/after
listing, so an editor saving files while the tests run cannot turn it red."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from desktop.engine.base import releases

from .conftest import ROOT, synthetic_text

WATCH = r'''
import json, os, runpy, sys
log = open(sys.argv[1], "a", encoding="utf-8")
sys.argv = ["normfit", *sys.argv[2:]]
WRITE = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC

def hook(event, args):
    paths = []
    if event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
        mode, flags = args[1] or "", args[2] or 0
        if any(c in mode for c in "wax+") or flags & WRITE:
            paths = [args[0]]
    elif event in ("os.rename", "os.link", "os.symlink"):
        paths = [args[1]]
    elif event in ("os.remove", "os.rmdir", "os.mkdir", "os.truncate", "os.chmod"):
        paths = [args[0]]
    for p in paths:
        if isinstance(p, (str, bytes, os.PathLike)):
            log.write(json.dumps([event, os.path.realpath(os.fsdecode(p))]) + "\n")
            log.flush()
sys.addaudithook(hook)
runpy.run_module("desktop", run_name="__main__", alter_sys=True)
'''


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
    writes = tmp_path / "writes.jsonl"

    def normfit(*args):
        p = subprocess.run([sys.executable, "-c", WATCH, str(writes), *map(str, args)], cwd=tmp_path, env=env,
                           capture_output=True, text=True, timeout=600)
        assert p.returncode == 0, p.stderr[-2000:]
    normfit("train", docs, "--steps", "2", "--minutes", "1", "--threads", "1", "--lr", "0.05", "--out", adapter)
    normfit("train", docs, "--steps", "2", "--minutes", "1", "--threads", "1", "--lr", "0.05")   # default folder
    assert adapter.exists()
    normfit("share", adapter, "--out", stick)
    normfit("eval", docs, "--adapter", adapter)
    normfit("read", docs)
    seen = [json.loads(line) for line in writes.read_text(encoding="utf-8").splitlines()]
    assert any(p.startswith(str(stick.resolve())) for _, p in seen)     # the hook does see the writes
    root = str(ROOT.resolve()) + os.sep
    inside = [(e, p) for e, p in seen if p.startswith(root) and "__pycache__" not in p]
    assert inside == []
