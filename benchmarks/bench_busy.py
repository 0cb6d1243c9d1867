"""Old lab PCs (issue 22): `normfit train` as a person runs it, on a busy or
quiet machine, with PyTorch's no-AVX2 kernels and a 4 GB address-space limit.
Per run: steps (kept), the share of the job spent training, held-out gain
(and its 95% range), reference drift, wall time against budget + 5 s.

    # every core busy: one CPU burner pinned to each core in --burn (here core 0
    # is already held by another job, so only core 1 gets one), jobs on core 1
    .venv/bin/python benchmarks/bench_busy.py --minutes 1 2 --burn 1 --cores 1 \
        --capability default --as-limit 4G --out benchmarks/results/busy.json
    # quiet: no burner; --code DIR runs another checkout's engine (before/after)
    .venv/bin/python benchmarks/bench_busy.py --minutes 1 5 --fixtures novelist --cores 1 [--code DIR]

The job's own threads are the app's default (`--threads` to force). The
memory limit is `prlimit --as` (virtual address space, which is stricter than
resident memory: PyTorch's own mappings count too).
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
USERS = ROOT.parent / "shared" / "data" / "users"
BURN = "while True: pass"


def _bytes(text: str) -> int:
    units = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    t = text.strip().upper()
    return int(float(t[:-1]) * units[t[-1]]) if t and t[-1] in units else int(t)


def run_one(fixture: str, minutes: float, a, home: str) -> dict:
    code = Path(a.code).resolve() if a.code else ROOT
    cmd = [sys.executable, "-m", "desktop", "train", str(USERS / fixture / "train"), "--heldout",
           str(USERS / fixture / "heldout"), "--minutes", str(minutes), "--json"]
    if a.threads:
        cmd += ["--threads", str(a.threads)]
    if a.cores:
        cmd = ["taskset", "-c", a.cores] + cmd
    if a.as_limit:
        cmd = ["prlimit", f"--as={_bytes(a.as_limit)}"] + cmd
    env = {**os.environ, "NORMFIT_HOME": home, "PYTHONPATH": str(code)}
    if a.capability:
        env["ATEN_CPU_CAPABILITY"] = a.capability
    t = time.monotonic()
    p = subprocess.run(cmd, cwd=code, env=env, capture_output=True, text=True)
    wall = time.monotonic() - t
    row = {"fixture": fixture, "minutes": minutes, "wall_s": round(wall, 1), "rc": p.returncode}
    if p.returncode != 0:
        row["error"] = p.stderr.strip().splitlines()[-1:] or ["?"]
        return row
    s = json.loads(p.stdout)
    dev = next((ln for ln in p.stderr.splitlines() if ln.startswith("Device:")), "")
    hb, ha = s["heldout_ppl_before"], s["heldout_ppl_after"]
    row.update(steps=s["steps"], kept=s["best_step"], job_s=s["seconds"], train_s=s["train_seconds"],
               train_share=round(s["train_seconds"] / s["seconds"], 3),
               gain_pct=round(100 * (1 - ha / hb), 2), margin_pct=s.get("heldout_change_margin_pct"),
               windows=s.get("heldout_windows"), drift_pct=None if s.get("general_drift") is None
               else round(100 * s["general_drift"], 2), drift_windows=s.get("drift_windows"),
               busy=s.get("busy"), timing=s.get("timing"), device=dev, within=wall <= minutes * 60 + 5,
               learned=s["best_step"] > 0)
    return row


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fixtures", nargs="+", default=["programmer", "novelist", "scientist"])
    ap.add_argument("--minutes", nargs="+", type=float, default=[1.0])
    ap.add_argument("--burn", default="", help="cores to keep busy, one burner each (e.g. 0,1)")
    ap.add_argument("--cores", default="", help="taskset cores for the jobs")
    ap.add_argument("--threads", type=int, default=None)
    ap.add_argument("--capability", default="", help="ATEN_CPU_CAPABILITY (default = no AVX2)")
    ap.add_argument("--as-limit", default="", help="address-space limit, e.g. 4G (prlimit --as)")
    ap.add_argument("--code", default="", help="another checkout to run (its desktop/ package)")
    ap.add_argument("--out", default="")
    a = ap.parse_args()
    burners = [subprocess.Popen(["taskset", "-c", c, sys.executable, "-c", BURN])
               for c in a.burn.split(",") if c.strip()]
    rows = []
    try:
        with tempfile.TemporaryDirectory() as home:
            for m in a.minutes:
                for f in a.fixtures:
                    rows.append(run_one(f, m, a, home))
                    print(json.dumps(rows[-1]), flush=True)
    finally:
        for b in burners:
            b.terminate()
            b.wait()
    head = {"machine": platform.machine(), "cpu": _cpu(), "cores": os.cpu_count(), "python": platform.python_version(),
            "torch": _torch(), "burn": a.burn, "cores_used": a.cores, "threads": a.threads or "default",
            "capability": a.capability or "best", "as_limit": a.as_limit or "none", "code": a.code or "this checkout",
            "loadavg_end": os.getloadavg(), "utc": time.strftime("%Y-%m-%d %H:%M", time.gmtime())}
    print(json.dumps(head))
    for r in rows:
        print(f"| {r['fixture']} | {r['minutes']:g} | {r.get('steps')} ({r.get('kept')}) | "
              f"{100 * r.get('train_share', 0):.0f}% | {r.get('gain_pct')}% +-{r.get('margin_pct') or 0:.2f} "
              f"({r.get('windows')} w) | {r.get('drift_pct')}% ({r.get('drift_windows')} w) | {r['wall_s']} s |")
    if a.out:
        Path(a.out).write_text(json.dumps({"settings": head, "runs": rows}, indent=1))
    return 0


def _cpu() -> str:
    sys.path.insert(0, str(ROOT))
    from desktop.sysinfo import cpu_name
    return cpu_name()


def _torch() -> str:
    import importlib.metadata
    return importlib.metadata.version("torch")


if __name__ == "__main__":
    sys.exit(main())
