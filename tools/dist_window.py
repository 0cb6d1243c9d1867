"""Open the packaged app's window on an X server, time it, screenshot it, close it.

Run under xvfb-run (tools/check_dist.sh does):

    xvfb-run -a -s "-screen 0 1280x900x24" .venv/bin/python tools/dist_window.py \
        dist/NormFit/NormFit --out docs/screenshots/07-packaged-app.png

Prints `window S` (seconds from launch until the NormFit window is mapped) and
`base S` (until the bundled base model has loaded and the window reports it),
then grabs the window with Qt (from this venv, a separate X client) and closes
the app.  Needs `xwininfo` (Debian package x11-utils).  Exit 1 if the window
does not appear, the app dies, or the screenshot is blank.
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def window_geometry(name: str) -> tuple[int, int, int, int] | None:
    p = subprocess.run(["xwininfo", "-name", name], capture_output=True, text=True)
    if p.returncode != 0 or "IsViewable" not in p.stdout:
        return None
    num = lambda key: int(re.search(rf"{key}:\s+(-?\d+)", p.stdout).group(1))
    return num("Absolute upper-left X"), num("Absolute upper-left Y"), num("Width"), num("Height")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("app")
    ap.add_argument("--out", default=None, help="PNG of the window")
    ap.add_argument("--timeout", type=float, default=180.0)
    args = ap.parse_args()
    if not os.environ.get("DISPLAY"):
        print("dist_window: no DISPLAY; run under xvfb-run", file=sys.stderr)
        return 1
    home = Path(tempfile.mkdtemp(prefix="normfit-window-"))
    env = dict(os.environ, NORMFIT_HOME=str(home), QT_QPA_PLATFORM="xcb")
    log = home / "logs" / "normfit.log"
    t0 = time.perf_counter()
    proc = subprocess.Popen([args.app], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    t_window = t_base = None
    geo = None
    try:
        while time.perf_counter() - t0 < args.timeout:
            if proc.poll() is not None:
                print(f"dist_window: the app exited ({proc.returncode}): {proc.stderr.read()[-2000:]}",
                      file=sys.stderr)
                return 1
            if t_window is None:
                geo = window_geometry("NormFit")
                if geo:
                    t_window = time.perf_counter() - t0
                    print(f"window {t_window:.2f}", flush=True)
            # The window logs the warm-up job right after the base model has loaded.
            elif log.exists() and "job warm-up started" in log.read_text(encoding="utf-8", errors="replace"):
                t_base = time.perf_counter() - t0
                print(f"base {t_base:.2f}", flush=True)
                break
            time.sleep(0.05)
        if t_base is None:
            print("dist_window: the window or the base model did not appear in time", file=sys.stderr)
            return 1
        time.sleep(1.0)     # let the status bar repaint
        geo = window_geometry("NormFit") or geo
        from PySide6.QtGui import QGuiApplication
        app = QGuiApplication([sys.argv[0], "-platform", "xcb"])
        x, y, w, h = geo
        shot = app.primaryScreen().grabWindow(0, x, y, w, h)
        img = shot.toImage()
        colours = {img.pixel(img.width() * i // 17, img.height() * j // 13) for i in range(17) for j in range(13)}
        print(f"screenshot {w}x{h}, {len(colours)} distinct colours sampled", flush=True)
        if w < 300 or h < 200 or len(colours) < 4:
            print("dist_window: the screenshot looks blank", file=sys.stderr)
            return 1
        if args.out:
            Path(args.out).parent.mkdir(parents=True, exist_ok=True)
            shot.save(args.out)
            print(f"saved {args.out}", flush=True)
        return 0
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
        print(f"closed (exit {proc.returncode})", flush=True)


if __name__ == "__main__":
    sys.exit(main())
