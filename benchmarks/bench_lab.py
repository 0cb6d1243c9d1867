"""Lab PCs: how much memory the window takes while it trains (issue 14).

    python benchmarks/bench_lab.py [--minutes 1] [--langs en ml] [--sample novelist] [--json]

Each run is a fresh process that opens the real window offscreen the way
`normfit` does (one glibc arena, bundled fonts, the chosen language), loads the
sample documents, trains norm-only for --minutes with the default general-text
limit, and reports its resident memory: with the window up and the base model
loaded, the peak while training (the kernel's VmHWM, and 20 Hz samples of
VmRSS), and with the result shown. A class run (File > Class..., three
students) is measured the same way with --class-run. Prints machine,
versions and settings. Linux only (/proc).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def status_kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def child(lang: str, minutes: float, sample: str, class_run: bool, threads: int | None) -> dict:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["NORMFIT_HOME"] = tempfile.mkdtemp(prefix="normfit-lab-")
    sys.path.insert(0, str(ROOT))
    from desktop.engine.device import tune_allocator
    tune_allocator()      # as app.main does, before torch starts its threads
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.ui import language
    from desktop.ui.settings import Settings
    from desktop.ui.window import MainWindow
    _app = QApplication([sys.argv[0]])     # kept alive for the whole run
    language.load_fonts()
    language.apply(lang)
    samples = []
    timer = QTimer()
    timer.timeout.connect(lambda: samples.append(status_kb("VmRSS")))
    timer.start(50)

    def wait(cond, timeout=3600.0):
        t0 = time.monotonic()
        while not cond():
            if time.monotonic() - t0 > timeout:
                raise TimeoutError
            loop = QEventLoop()
            QTimer.singleShot(50, loop.quit)
            loop.exec()

    win = MainWindow(settings=Settings(budget_minutes=1, compare=False),
                     train_overrides={"minutes": minutes, **({"threads": threads} if threads else {})})
    win.resize(1366, 768)
    win.show()
    wait(lambda: win.base is not None and win.docs.min_words is not None)
    win.docs.add_samples(sample)
    wait(lambda: not win.docs.reading() and win.docs.documents)
    wait(lambda: not win.jobs)                    # warm-up done too
    idle = status_kb("VmRSS")
    t0 = time.monotonic()
    if class_run:
        klass = Path(tempfile.mkdtemp()) / "class"
        for name in ("novelist", "programmer", "scientist"):
            (klass / name).mkdir(parents=True)
            for f in (ROOT / "assets" / "samples" / name).iterdir():
                (klass / name / f.name).write_bytes(f.read_bytes())
        from PySide6.QtGui import QDesktopServices
        QDesktopServices.openUrl = lambda url: True
        win.open_class()
        win.class_dialog.set_folder(klass)
        win.class_dialog.start.click()
        wait(lambda: not win.class_dialog.running() and win.class_dialog.job is None)
    else:
        win.go(1)
        win.train_page.start.click()
        wait(lambda: win.personalise.run_job is None and win.results.outcome is not None)
    seconds = time.monotonic() - t0
    after = status_kb("VmRSS")
    r = win.results.outcome.by_method()["norm"] if win.results.outcome else None
    out = {"lang": lang, "class_run": class_run, "idle_mb": idle / 1024, "peak_hwm_mb": status_kb("VmHWM") / 1024,
           "peak_sampled_mb": max(samples) / 1024, "after_mb": after / 1024, "seconds": round(seconds, 1),
           "steps": r.steps if r else None, "tokens_per_s": round(r.tokens_per_s) if r else None,
           "threads": __import__("torch").get_num_threads()}
    print("RESULT " + json.dumps(out), flush=True)
    os._exit(0)


def cli_peer(minutes: float, sample: str, threads: int | None) -> dict:
    """The same job from the command line (no window) in a fresh process: its peak RSS."""
    out = Path(tempfile.mkdtemp(prefix="normfit-lab-")) / "peer.safetensors"
    cmd = [sys.executable, "-m", "desktop", "train", str(ROOT / "assets" / "samples" / sample),
           "--minutes", str(minutes), "--out", str(out), "--json"] + (["--threads", str(threads)] if threads else [])
    code = ("import json, resource, subprocess, sys; p = subprocess.run(sys.argv[1:], capture_output=True, text=True);"
            "print(json.dumps({'rc': p.returncode, 'out': p.stdout, "
            "'maxrss_kb': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))")
    env = dict(os.environ, NORMFIT_HOME=tempfile.mkdtemp(prefix="normfit-lab-"))
    p = subprocess.run([sys.executable, "-c", code, *cmd], capture_output=True, text=True, cwd=ROOT, env=env)
    r = json.loads(p.stdout)
    s = json.loads(r["out"]) if r["rc"] == 0 else {}
    return {"peak_mb": r["maxrss_kb"] / 1024, "steps": s.get("steps"), "tokens_per_s": s.get("tokens_per_s"),
            "seconds": s.get("seconds")}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--minutes", type=float, default=1.0)
    ap.add_argument("--langs", nargs="+", default=["en", "ml"])
    ap.add_argument("--sample", default="novelist")
    ap.add_argument("--class-run", action="store_true", help="also a File > Class... run of three students")
    ap.add_argument("--no-peer", action="store_true", help="skip the command-line run of the same job")
    ap.add_argument("--threads", type=int, default=None, help="training threads (default: the app's, all cores)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--child", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--child-class", action="store_true", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        child(a.child, a.minutes, a.sample, a.child_class, a.threads)
        return 0
    import PySide6
    import torch
    info = {"machine": platform.machine(), "cpus": os.cpu_count(), "python": platform.python_version(),
            "torch": torch.__version__, "pyside6": PySide6.__version__, "os": platform.platform(),
            "mem_total_mb": int(Path("/proc/meminfo").read_text().split()[1]) // 1024,
            "minutes": a.minutes, "sample": a.sample, "threads": a.threads or "all", "method": "norm", "max_drift": "3% (default)"}
    print(json.dumps(info), file=sys.stderr)
    runs = [(lang, False) for lang in a.langs] + ([("en", True)] if a.class_run else [])
    results = []
    for lang, cls in runs:
        cmd = [sys.executable, __file__, "--child", lang, "--minutes", str(a.minutes), "--sample", a.sample] + \
            (["--threads", str(a.threads)] if a.threads else [])
        p = subprocess.run(cmd + (["--child-class"] if cls else []), capture_output=True, text=True)
        line = [x for x in p.stdout.splitlines() if x.startswith("RESULT ")]
        if not line:
            print(p.stderr[-2000:], file=sys.stderr)
            return 1
        results.append(json.loads(line[-1][7:]))
        print(json.dumps(results[-1]), file=sys.stderr)
    peer = None if a.no_peer else cli_peer(a.minutes, a.sample, a.threads)
    if peer:
        print(json.dumps({"cli_peer": peer}), file=sys.stderr)
    if a.json:
        print(json.dumps({"info": info, "runs": results, "cli_peer": peer}, indent=2))
    else:
        print("| run | window idle, base loaded | peak while training (VmHWM) | after | steps | tokens/s | wall |")
        print("|---|---|---|---|---|---|---|")
        for r in results:
            what = "class of 3 (File > Class...)" if r["class_run"] else f"1 person, window in {r['lang']}"
            print(f"| {what} | {r['idle_mb']:.0f} MB | {r['peak_hwm_mb']:.0f} MB | {r['after_mb']:.0f} MB | "
                  f"{r['steps'] or '—'} | {r['tokens_per_s'] or '—'} | {r['seconds']:.0f} s |")
        if peer:
            print(f"| peer: `normfit train` (no window), same job | — | {peer['peak_mb']:.0f} MB | — | {peer['steps']} | "
                  f"{peer['tokens_per_s']:.0f} | {peer['seconds']:.0f} s |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
