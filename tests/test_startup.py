"""The window reaches the screen before PyTorch is imported: torch (over a
second to import on a lab PC) loads with the base model in the background.

Through the real door: `python -m desktop` with no arguments (what `normfit`
runs: desktop/__main__.py -> cli.main -> ui.app.main), in a fresh interpreter.
The only additions are watchers: an import hook that notes any import of torch
on the main thread (with where it came from) and holds the background job's
import of torch until the window is shown, and a wrapper round
MainWindow.show that reports and ends the process once the window is up."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from .conftest import ROOT

pytest.importorskip("PySide6")

WATCH = r'''
import importlib.abc, importlib.util, json, os, runpy, sys, threading, traceback
os.environ["QT_QPA_PLATFORM"] = "offscreen"
shown = threading.Event()
on_main = []

class Watch(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name == "torch" and not shown.is_set():
            if threading.current_thread() is threading.main_thread():
                on_main.append("".join(traceback.format_stack(limit=30)))
            else:
                shown.wait(30)          # the background job: let the window get there first
        if name != "desktop.ui.window":
            return None
        sys.meta_path.remove(self)
        try:
            spec = importlib.util.find_spec(name)
        finally:
            sys.meta_path.insert(0, self)
        run_module = spec.loader.exec_module

        def exec_module(module):
            run_module(module)
            real_show = module.MainWindow.show

            def show(win):
                real_show(win)
                from PySide6.QtWidgets import QApplication
                for _ in range(5):
                    QApplication.processEvents()
                print(json.dumps({"shown": win.isVisible(), "torch_loaded": "torch" in sys.modules,
                                  "torch_on_main_thread": on_main}), flush=True)
                os._exit(0)
            module.MainWindow.show = show
        spec.loader.exec_module = exec_module
        return spec

sys.meta_path.insert(0, Watch())
sys.argv = ["normfit"]
runpy.run_module("desktop", run_name="__main__", alter_sys=True)
'''


def test_normfit_shows_its_window_before_torch_is_imported(tmp_path):
    env = {**os.environ, "NORMFIT_HOME": str(tmp_path / "home")}
    p = subprocess.run([sys.executable, "-c", WATCH], cwd=ROOT, capture_output=True, text=True, timeout=180,
                       env=env)
    assert p.returncode == 0, p.stderr
    report = json.loads(p.stdout.strip().splitlines()[-1])
    assert report["shown"]
    assert not report["torch_on_main_thread"], "torch imported on the way to the screen:\n" + \
        report["torch_on_main_thread"][0]
    assert not report["torch_loaded"]
