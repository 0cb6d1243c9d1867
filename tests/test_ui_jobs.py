"""The window's background jobs: a slow write never freezes it, and the jobs that
use the shared base model run one at a time."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

pytest.importorskip("pytestqt")
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QFileDialog  # noqa: E402

from tests.test_ui import base, home, needs_base, outcome, window, written  # noqa: E402,F401 (fixtures)


@needs_base
def test_a_slow_usb_stick_does_not_freeze_the_window(qtbot, window, outcome, tmp_path, monkeypatch):
    """Saving runs off the window's thread: while a deliberately slow write takes 1.5 s,
    the window keeps repainting (a timer keeps firing inside the write) and a second Save is refused politely."""
    import time

    from PySide6.QtCore import QTimer

    from desktop.engine import api
    window.results.show_outcome(outcome)
    real = api.export_adapter

    inside = []        # (start, end) of the slow write, as the writer saw it

    def slow(*a, **k):
        inside.append(time.monotonic())
        time.sleep(1.5)
        out = real(*a, **k)
        inside.append(time.monotonic())
        return out
    monkeypatch.setattr(api, "export_adapter", slow)
    target = tmp_path / "slow.safetensors"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(50)
    qtbot.mouseClick(window.results_page.save, Qt.MouseButton.LeftButton)
    assert len(inside) < 2, "the click waited for the write to finish"
    qtbot.mouseClick(window.results_page.save, Qt.MouseButton.LeftButton)     # refused while writing
    assert "Still writing" in window.statusBar().currentMessage()
    written(window, qtbot)
    timer.stop()
    assert target.is_file()
    # What "never freezes" means: the event loop kept turning while the writer was inside
    # its 1.5 s write (a 50 ms timer; a frozen window would have 0 ticks there).
    during = [t for t in ticks if inside[0] < t < inside[1]]
    assert len(during) >= 5, f"the window's event loop ran {len(during)} times during a 1.5 s write"


def test_jobs_that_use_the_base_model_run_one_at_a_time(qtbot, tiny_base):
    """The window's jobs share one Base: those that use it queue on one lock, so two
    never run at once; a job that only reads files runs beside them."""
    import threading
    import time

    from desktop.ui.settings import Settings
    from desktop.ui.window import MainWindow
    w = MainWindow(base=tiny_base, settings=Settings())
    qtbot.addWidget(w, before_close_func=lambda w: w.stop_jobs(30.0))
    spans, lock = {}, threading.Lock()

    def job(name):
        def work(emit, stop):
            t0 = time.monotonic()
            time.sleep(0.4)
            with lock:
                spans[name] = (t0, time.monotonic())
        return work
    for name in ("explain", "generate", "guess"):
        w._start_job(name, job(name), lambda _: None)
    w._start_job("collect", job("collect"), lambda _: None, uses_base=False)
    qtbot.waitUntil(lambda: len(spans) == 4, timeout=20_000)
    base_jobs = sorted(spans[n] for n in ("explain", "generate", "guess"))
    for (_, end), (start, _) in zip(base_jobs, base_jobs[1:]):
        assert start >= end, "two jobs used the base model at the same time"
    c0, c1 = spans["collect"]
    assert c0 < base_jobs[0][1] and c1 > base_jobs[0][0], "reading files waited for the base model"
