"""Cold start to window: this checkout against another (an older commit in a
git worktree), launched alternately so both see the same machine state.

    git worktree add /tmp/before <commit>
    .venv/bin/python benchmarks/bench_startup.py --other /tmp/before --rounds 7

Each launch is a fresh interpreter running the app with --quit-when-ready; the
times are process start to "window shown (event loop turning)" and to "base
model loaded". The window should not wait for PyTorch: ui/ imports the engine
in the background (tests/test_startup.py checks torch is not imported on the
way to the screen).
"""
from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from benchmarks.bench_ui import launch_times  # noqa: E402


def commit(tree: Path) -> str:
    return subprocess.run(["git", "log", "-1", "--format=%h %s"], cwd=tree, capture_output=True,
                          text=True).stdout.strip()[:70]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--other", required=True, help="another checkout of NormFit (e.g. a git worktree)")
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "startup.json"))
    a = ap.parse_args()
    trees = {"this": ROOT, "other": Path(a.other).resolve()}
    runs = {k: {"window": [], "ready": []} for k in trees}
    for _ in range(a.rounds):
        for k, tree in trees.items():
            r = launch_times(None, 1, cwd=tree)
            runs[k]["window"] += r["window_all"]
            runs[k]["ready"] += r["ready_all"]
    import torch
    from PySide6 import __version__ as pyside
    from desktop.sysinfo import cpu_name
    res = {"machine": cpu_name(), "cores": len(__import__("os").sched_getaffinity(0)), "python": platform.python_version(),
           "torch": torch.__version__, "pyside6": pyside, "rounds": a.rounds, "trees": {}}
    for k, tree in trees.items():
        w, b = runs[k]["window"], runs[k]["ready"]
        res["trees"][k] = {"commit": commit(tree), "window_median_s": statistics.median(w),
                           "window_min_s": min(w), "window_max_s": max(w), "ready_median_s": statistics.median(b),
                           "window_all": w, "ready_all": b}
    t, o = res["trees"]["this"], res["trees"]["other"]
    res["window_ratio_this_over_other"] = t["window_median_s"] / o["window_median_s"]
    Path(a.out).write_text(json.dumps(res, indent=1))
    for k in trees:
        r = res["trees"][k]
        print(f"{k:5} {r['commit'][:50]:50}  window {r['window_median_s']:.2f} s "
              f"({r['window_min_s']:.2f}-{r['window_max_s']:.2f})  base ready {r['ready_median_s']:.2f} s")
    print(f"window shown: this / other = {res['window_ratio_this_over_other']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
