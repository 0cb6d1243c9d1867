"""The attacker trial of issue 23, on the bundled base: a shared folder mixing
20 good entries with every hostile kind tests/hostile.py knows.

    .venv/bin/python benchmarks/attack_trial.py [--text FILE] [--json OUT]

Steps, each `normfit` command a fresh process (as a person would run it):
1. `normfit route TEXT --adapters LAB` on the 20 good entries alone: the pick.
2. The hostile files are planted (plus a valid adapter of gains 65504 that must
   lose), and the same route is run again: the pick, exit code, seconds, and
   how many "skipped" sentences it printed against how many bad files there are.
3. `normfit verify` on every hostile entry, withdrawal and list, in one process
   (main() called per file, each under a 30 s alarm): exit codes and the slowest.
Prints the machine, versions and settings with the figures.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def route(text_file: Path, folder: Path, env: dict) -> dict:
    t0 = time.monotonic()
    p = subprocess.run([sys.executable, "-m", "desktop", "route", str(text_file), "--adapters", str(folder),
                        "--json"], capture_output=True, text=True, env=env, timeout=300, cwd=ROOT)
    seconds = time.monotonic() - t0
    out = json.loads(p.stdout) if p.returncode == 0 else {}
    return {"exit": p.returncode, "seconds": round(seconds, 2), "best": out.get("best"),
            "used": sum(1 for s in out.get("scores", []) if s["signer"]), "skipped": len(out.get("skipped", [])),
            "stderr_lines": len(p.stderr.splitlines()), "traceback": "Traceback" in p.stderr}


def scan_seconds(base, folder: Path) -> dict:
    """The scanner alone, in this process: reading and checking the folder and
    loading the usable adapters (find_candidates), without scoring any text."""
    from desktop.engine.routing import find_candidates
    t0 = time.monotonic()
    cands, skipped = find_candidates(folder, base)
    return {"seconds": round(time.monotonic() - t0, 3), "candidates": len(cands), "skipped": len(skipped)}


def verify_all(folder: Path, names) -> dict:
    from desktop.cli import main
    codes, slowest = {}, 0.0

    def boom(*_):
        raise TimeoutError
    signal.signal(signal.SIGALRM, boom)
    for name in names:
        if not name.endswith((".entry.json", ".withdrawal.json", ".withdrawals.json")):
            continue
        t0 = time.monotonic()
        signal.alarm(30)
        try:
            codes[name] = main(["verify", str(folder / name)])
        except TimeoutError:
            codes[name] = "hung"
        finally:
            signal.alarm(0)
        slowest = max(slowest, time.monotonic() - t0)
    return {"files": len(codes), "exit_codes": sorted({str(c) for c in codes.values()}),
            "exit_0": sorted(n for n, c in codes.items() if c == 0),
            "slowest_s": round(slowest, 3)}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--text", default=str(ROOT / "assets" / "samples" / "novelist"))
    ap.add_argument("--chars", type=int, default=3000,
                    help="score this many characters of --text (route's time is mostly scoring 22 models)")
    ap.add_argument("--json", default=None)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="normfit-attack-"))
    os.environ["NORMFIT_HOME"] = str(tmp / "home")
    env = dict(os.environ, PYTHONPATH=str(ROOT))

    import torch
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from desktop import __version__
    from desktop.engine import share
    from desktop.engine.base import load_base
    from tests.hostile import absurd_adapter, plant_hostile, share_good
    base = load_base()
    folder, work = tmp / "lab", tmp / "work"
    folder.mkdir()
    work.mkdir()
    good = share_good(folder, work, base, 20)
    from desktop.engine.api import collect
    text = "\n\n".join(d.text for d in collect([args.text]).documents)[:args.chars]
    text_file = tmp / "text.txt"
    text_file.write_text(text, "utf-8")
    clean = route(text_file, folder, env)
    clean_scan = scan_seconds(base, folder)
    bad = plant_hostile(folder, base, good[0], share.load_or_create_key(), Ed25519PrivateKey.generate())
    absurd_adapter(folder, base)
    hostile = route(text_file, folder, env)
    hostile_scan = scan_seconds(base, folder)
    verified = verify_all(folder, sorted(bad))
    report = {
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, {platform.platform()}",
        "versions": f"python {platform.python_version()}, torch {torch.__version__}, normfit {__version__}",
        "settings": f"base {base.base_id}; text: first {len(text):,} characters of {Path(args.text).name}; 20 good entries (own key) + {len(bad)} hostile "
                    "files + 1 signed adapter of 65504s",
        "hostile_kinds": sorted(set(bad.values())),
        "good_only": clean, "with_hostile": hostile, "bad_files": len(bad),
        "scan_good_only": clean_scan, "scan_with_hostile": hostile_scan,
        "same_pick": clean["best"] == hostile["best"], "verify_hostile": verified}
    print(json.dumps(report, indent=2, ensure_ascii=True))
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2, ensure_ascii=True) + "\n")
    return 0 if report["same_pick"] and hostile["exit"] == 0 and hostile["skipped"] == len(bad) else 1


if __name__ == "__main__":
    raise SystemExit(main())
