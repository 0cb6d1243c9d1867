"""Before the window opens: are the system libraries Qt's Linux plugins load present?

    python tools/qt_libs.py           (make run)   the xcb (X11) plugin's libraries, when Qt will use xcb
    python tools/qt_libs.py --bundle  (make dist)  the four that build.spec bundles into dist/NormFit

PySide6's wheels carry Qt itself but not the X11 libraries its xcb plugin links to;
when one is missing Qt prints "Could not load the Qt platform plugin xcb" and the
window never opens (Qt >= 6.5 added libxcb-cursor.so.0, which several Debian and
Ubuntu desktops do not install). Each library is looked up on its own in
`ldconfig -p`; when any is missing: as root with apt-get, install them (as `make
dist` does); otherwise say in one sentence what to install and exit 1. Stdlib
only, so it runs before anything else is known to work. Exits 0 off Linux, when
Qt will not use xcb (QT_QPA_PLATFORM=offscreen in CI, wayland), and when there
is no ldconfig to ask (then Qt's own message is all we could add to).
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

# soname -> Debian/Ubuntu package: what libqxcb.so and libQt6XcbQpa.so.6 of
# PySide6 6.12 link to outside the wheel (ldd), less what every desktop has
# (libc, libstdc++, glib, fontconfig, freetype, zlib...).
XCB = {
    "libxcb.so.1": "libxcb1",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
}
# What build.spec requires on the build machine so the packaged app carries them
# (its NEEDED); the rest of XCB is in the .deb's Depends or on every desktop.
BUNDLE = {so: XCB[so] for so in ("libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1")}
BUNDLE["libwayland-cursor.so.0"] = "libwayland-cursor0"


def ldconfig_text() -> str | None:
    """`ldconfig -p` (in /sbin for most users), or None when it cannot be asked."""
    exe = shutil.which("ldconfig") or next(
        (p for p in ("/sbin/ldconfig", "/usr/sbin/ldconfig") if os.access(p, os.X_OK)), None)
    if exe is None:
        return None
    try:
        return subprocess.run([exe, "-p"], capture_output=True, text=True, timeout=30, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return None


def missing(needed: dict[str, str], cache: str) -> dict[str, str]:
    """The entries of `needed` whose soname no line of `ldconfig -p` names."""
    # A line reads "\tlibxcb-cursor.so.0 (libc6,x86-64) => /lib/.../libxcb-cursor.so.0";
    # the name before " (" is matched whole, so libxcb.so.1 is not found in libxcb-util.so.1.
    present = set(re.findall(r"^\s*(\S+) \(", cache, re.M))
    return {so: pkg for so, pkg in needed.items() if so not in present}


def uses_xcb(env: dict[str, str]) -> str:
    """'yes': Qt will load xcb; 'fallback': only if its first choice fails; 'no'."""
    wanted = env.get("QT_QPA_PLATFORM", "").strip()
    if not wanted:
        # Qt 6 on a Wayland session tries wayland first, then xcb; elsewhere xcb.
        wayland = env.get("XDG_SESSION_TYPE") == "wayland" or bool(env.get("WAYLAND_DISPLAY"))
        return "fallback" if wayland else "yes"
    # e.g. "xcb", "offscreen", "wayland;xcb", "xcb:dpi=96"
    choices = [c.split(":", 1)[0].strip() for c in wanted.split(";")]
    if "xcb" not in choices:
        return "no"
    return "yes" if choices[0] == "xcb" else "fallback"


def sentence(lack: dict[str, str], purpose: str) -> str:
    pkgs = " ".join(sorted(set(lack.values())))
    return (f"{purpose} needs {pkgs} (Debian/Ubuntu package names, for {', '.join(sorted(lack))}): "
            f"install with `sudo apt-get install {pkgs}` and try again.")


def apt_install(pkgs: list[str], run=subprocess.run) -> bool:
    """apt-get install, with one `apt-get update` first retry (a fresh machine's lists may be stale)."""
    cmd = ["apt-get", "install", "-y", "-q", *pkgs]
    quiet = {"stdout": subprocess.DEVNULL}
    if run(cmd, **quiet).returncode == 0:
        return True
    return run(["apt-get", "update", "-q"], **quiet).returncode == 0 and run(cmd, **quiet).returncode == 0


def main(argv: list[str] | None = None, env: dict[str, str] | None = None, *, platform: str = sys.platform,
         read_cache=ldconfig_text, is_root: bool | None = None, run=subprocess.run) -> int:
    args = sys.argv[1:] if argv is None else argv
    env = dict(os.environ) if env is None else env
    bundle = "--bundle" in args
    if not platform.startswith("linux"):
        return 0
    xcb = "yes" if bundle else uses_xcb(env)
    if xcb == "no":
        return 0
    cache = read_cache()
    if cache is None:
        return 0
    needed = BUNDLE if bundle else XCB
    lack = missing(needed, cache)
    if not lack:
        return 0
    purpose = "The packaged app (make dist)" if bundle else "NormFit's window (Qt's xcb plugin)"
    root = (os.geteuid() == 0) if is_root is None else is_root
    if root and shutil.which("apt-get", path=env.get("PATH")):
        print(f"qt_libs: installing {' '.join(sorted(set(lack.values())))} for {purpose}", file=sys.stderr)
        apt_install(sorted(set(lack.values())), run=run)
        # Believe ldconfig, not apt-get's exit status: what matters is that the libraries load.
        lack = missing(needed, read_cache() or "")
        if not lack:
            return 0
    if xcb == "fallback":
        # Wayland comes first and may well work: say it, do not stop the window.
        print("qt_libs: note: if the window does not open, " + sentence(lack, purpose), file=sys.stderr)
        return 0
    print(sentence(lack, purpose), file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
