"""The window reaches the screen before PyTorch is imported: torch (over a
second to import on a lab PC) loads with the base model in the background."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from .conftest import ROOT

pytest.importorskip("PySide6")

# A fresh interpreter (sys.modules of the test process already hold torch). The
# background loading of the base is held back, so anything that still imports
# torch did it on the way to the screen.
SCRIPT = r'''
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from desktop.sysinfo import tune_allocator     # what desktop/ui/app.py main() does first
tune_allocator()
from PySide6.QtWidgets import QApplication
app = QApplication([])
from desktop.ui.window import MainWindow
MainWindow._load_base = lambda self: None
w = MainWindow()
w.show()
for _ in range(5):
    app.processEvents()
print("torch imported" if "torch" in sys.modules else "no torch")
'''


def test_building_and_showing_the_window_does_not_import_torch(tmp_path):
    env = {**os.environ, "NORMFIT_HOME": str(tmp_path / "home")}
    p = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, timeout=120,
                       env=env)
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip().splitlines()[-1] == "no torch"
