"""UI benchmarks: launch time, and how smooth the window stays while training.

    python benchmarks/bench_ui.py [--base FOLDER] [--minutes 0.5] [--launches 3] [--json]

1. Launch: wall time from starting a fresh `python` process to (a) the window
   shown with its event loop turning, (b) the base model loaded and usable.
2. Event-loop stall while training: a 10 ms precise QTimer on the UI thread
   records the gap between its ticks, from pressing Start until the result is
   in, while the real window trains on the
   novelist sample (chart, progress bar and labels repainting at 10 Hz). A gap
   far over 10 ms means the window froze that long. Two worker designs are
   compared in the same run on the same machine:
     - thread:  the app's design (engine in a QThread, events as queued signals)
     - process: the engine in a child process (spawn), events over a
                multiprocessing queue polled every 50 ms
3. Cancel latency: time from pressing Cancel (mid-training) to the run ending.

Prints machine, versions and settings. Numbers from a shared, loaded machine are
noisy; compare the two designs by their ratio within one run.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import platform
import queue
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def pct(xs, q):
    xs = sorted(xs)
    if not xs:
        return float("nan")
    k = min(len(xs) - 1, max(0, int(round(q / 100 * (len(xs) - 1)))))
    return xs[k]


# ------------------------------------------------------------------ launch
def launch_times(base: str | None, n: int, cwd: Path = ROOT) -> dict:
    """Process start to window shown and to base loaded, median of n launches
    of the app checked out at `cwd` (bench_startup.py compares two checkouts)."""
    code = ("import sys; from desktop.ui.app import main; "
            f"sys.exit(main(['--quit-when-ready'] + ({base!r} and ['--base', {base!r}] or [])))")
    win, ready = [], []
    for _ in range(n):
        env = dict(os.environ, NORMFIT_HOME=tempfile.mkdtemp(prefix="nf-bench-"))
        t0 = time.perf_counter()
        p = subprocess.Popen([sys.executable, "-c", code], cwd=cwd, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, text=True)
        for line in p.stdout:
            if line.startswith("window"):
                win.append(time.perf_counter() - t0)
            elif line.startswith("base"):
                ready.append(time.perf_counter() - t0)
        p.wait(timeout=120)
    return {"window_shown_s": statistics.median(win), "base_ready_s": statistics.median(ready),
            "runs": n, "window_all": [round(x, 3) for x in win], "ready_all": [round(x, 3) for x in ready]}


# ------------------------------------------------------------------ child-process worker (for comparison)
def _child(base_folder, texts, cfg, q, stop):
    from desktop.engine import api
    base = api.load_base(base_folder)
    docs = [api.Document(path=f"doc{i}.txt", kind="Text", text=t) for i, t in enumerate(texts)]
    data = api.prepare_documents(base, docs)
    general = api.general_set(base)
    r = api.personalise(base, data, api.TrainConfig(**cfg), general,
                        on_event=lambda e: q.put(("norm", e)), should_stop=stop.is_set)
    q.put(("done", r.steps))


class Ticks:
    """Record the gaps between ticks of a 10 ms timer on the UI thread."""

    def __init__(self):
        from PySide6.QtCore import Qt, QTimer
        self.gaps: list[float] = []
        self.last = None
        self.on = False
        self.t = QTimer()
        self.t.setTimerType(Qt.TimerType.PreciseTimer)
        self.t.setInterval(10)
        self.t.timeout.connect(self.tick)
        self.t.start()

    def tick(self):
        now = time.perf_counter()
        if self.on and self.last is not None:
            self.gaps.append((now - self.last) * 1000)
        self.last = now


def summary(gaps):
    return {"ticks": len(gaps), "p50_ms": round(pct(gaps, 50), 1), "p99_ms": round(pct(gaps, 99), 1),
            "max_ms": round(max(gaps), 1) if gaps else None, "over_100ms": sum(g > 100 for g in gaps)}


def stall_run(win, mode: str, minutes: float, base_folder: str | None, pump) -> dict:
    from desktop.ui.window import RunState
    ticks = Ticks()
    steps = 0
    if mode == "thread":
        win.personalise.train_overrides = {"minutes": minutes}
        win.go(1)
        ticks.on = True
        win.train_page.start.click()
        t_end = time.monotonic() + minutes * 60 + 120
        while win.personalise.run_job is not None and time.monotonic() < t_end:
            pump(0.01)
        ticks.on = False
        steps = win.train_page.chart.point_count()
        if win.personalise.keep_box is not None:
            win.personalise.keep_box.close()
    else:
        from PySide6.QtCore import QTimer
        ctx = mp.get_context("spawn")
        q, stop = ctx.Queue(), ctx.Event()
        texts = [d.text for d in win.docs.documents]
        p = ctx.Process(target=_child, args=(base_folder, texts, {"minutes": minutes}, q, stop), daemon=True)
        win.train_page.chart.clear()
        win.personalise.run = RunState(("norm",), minutes * 60, None)
        win.personalise.ticker.start()
        done = {"v": False}

        def poll():
            while True:
                try:
                    item = q.get_nowait()
                except queue.Empty:
                    return
                if item[0] == "done":
                    done["v"] = True
                else:
                    win.personalise.engine_event(item)
        poller = QTimer()
        poller.setInterval(50)
        poller.timeout.connect(poll)
        poller.start()
        ticks.on = True
        p.start()
        t_end = time.monotonic() + minutes * 60 + 180
        while not done["v"] and time.monotonic() < t_end:
            pump(0.01)
        ticks.on = False
        poller.stop()
        win.personalise.ticker.stop()
        win.personalise.run = None
        p.join(10)
        steps = win.train_page.chart.point_count()
    ticks.t.stop()
    out = summary(ticks.gaps)
    out["steps"] = steps
    return out


def cancel_latency(win, pump, after_steps=5) -> float | None:
    win.personalise.train_overrides = {"minutes": 2.0}
    win.train_page.start.click()
    t_end = time.monotonic() + 180
    while win.train_page.chart.point_count() < after_steps and time.monotonic() < t_end:
        pump(0.01)
    win.train_page.cancel.click()
    while win.personalise.run_job is not None and time.monotonic() < t_end:
        pump(0.01)
    if win.personalise.keep_box is not None:
        win.personalise.keep_box.close()
    return win.personalise.last_cancel_latency


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", default=os.environ.get("NORMFIT_BASE"))
    ap.add_argument("--minutes", type=float, default=0.5)
    ap.add_argument("--launches", type=int, default=3)
    ap.add_argument("--sample", default="novelist")
    ap.add_argument("--modes", default="thread,process")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    os.environ["NORMFIT_HOME"] = tempfile.mkdtemp(prefix="nf-bench-")

    import PySide6
    import torch
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    info = {"machine": platform.machine(), "cpu": platform.processor() or platform.machine(),
            "cpus": os.cpu_count(), "load_avg_at_start": [round(x, 2) for x in os.getloadavg()],
            "python": platform.python_version(), "pyside6": PySide6.__version__, "torch": torch.__version__,
            "os": platform.platform(), "qpa": os.environ.get("QT_QPA_PLATFORM"),
            "settings": {"train_minutes": args.minutes, "sample": args.sample, "launches": args.launches}}
    res = {"info": info}
    print(json.dumps(info), file=sys.stderr)
    res["launch"] = launch_times(args.base, args.launches)
    print("launch", res["launch"], file=sys.stderr)

    from desktop.ui.settings import Settings
    from desktop.ui.window import MainWindow
    app = QApplication.instance() or QApplication(sys.argv[:1])

    def pump(s):
        loop = QEventLoop()
        QTimer.singleShot(int(s * 1000), loop.quit)
        loop.exec()

    win = MainWindow(base_folder=args.base, settings=Settings(compare=False))
    win.resize(1280, 820)
    win.show()
    while win.base is None or win.docs.min_words is None:
        pump(0.05)
    win.docs.add_samples(args.sample)
    while win.jobs or not win.docs.documents:
        pump(0.05)
    res["stall"] = {}
    for mode in args.modes.split(","):
        res["stall"][mode] = stall_run(win, mode, args.minutes, args.base, pump)
        print("stall", mode, res["stall"][mode], file=sys.stderr)
    res["cancel_latency_s"] = round(cancel_latency(win, pump) or float("nan"), 2)
    print("cancel", res["cancel_latency_s"], file=sys.stderr)
    info["load_avg_at_end"] = [round(x, 2) for x in os.getloadavg()]
    win.close()
    if args.json:
        print(json.dumps(res, indent=2))
    else:
        L = res["launch"]
        print(f"machine: {info['cpus']} CPUs, load {info['load_avg_at_start']} -> {info['load_avg_at_end']}, "
              f"Python {info['python']}, PySide6 {info['pyside6']}, torch {info['torch']}, {info['os']}")
        print(f"launch (median of {L['runs']}): window usable {L['window_shown_s']:.2f} s, "
              f"base model ready {L['base_ready_s']:.2f} s")
        for m, s in res["stall"].items():
            print(f"stall while training ({m:7s}): p50 {s['p50_ms']} ms, p99 {s['p99_ms']} ms, max {s['max_ms']} ms, "
                  f"{s['over_100ms']} of {s['ticks']} ticks over 100 ms, {s['steps']} steps")
        print(f"cancel latency: {res['cancel_latency_s']} s")
    os._exit(0)   # skip interpreter teardown of Qt objects (not what we measure)


if __name__ == "__main__":
    main()
