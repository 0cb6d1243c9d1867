"""tools/qt_libs.py, the check `make run` and `make dist` make before Qt needs its X11 libraries.

ldconfig and apt-get are faked (a script on PATH, or functions passed in), so the
tests say what happens on a fresh desktop without touching this machine's packages.
"""
from __future__ import annotations

import importlib.util
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "tools" / "qt_libs.py"
spec = importlib.util.spec_from_file_location("qt_libs", SCRIPT)
qt_libs = importlib.util.module_from_spec(spec)
spec.loader.exec_module(qt_libs)


def cache_with(sonames) -> str:
    """What `ldconfig -p` prints when exactly these libraries are installed."""
    lines = [f"{len(sonames)} libs found in cache `/etc/ld.so.cache'"]
    lines += [f"\t{so} (libc6,x86-64) => /lib/x86_64-linux-gnu/{so}" for so in sonames]
    return "\n".join(lines) + "\n"


ALL = list(qt_libs.XCB) + ["libwayland-cursor.so.0", "libc.so.6"]
FRESH_DEBIAN = [so for so in ALL if so != "libxcb-cursor.so.0"]   # the machine


def run_main(args, env, cache, *, root=False, installs=None):
    calls = []

    def fake_run(cmd, **kw):
        calls.append(cmd)
        if installs is not None and cmd[:2] == ["apt-get", "install"]:
            installs()
        return subprocess.CompletedProcess(cmd, 0)

    code = qt_libs.main(args, env, platform="linux", read_cache=lambda: cache[0], is_root=root, run=fake_run)
    return code, calls


def test_each_library_is_looked_up_by_its_whole_name():
    # libxcb.so.1 must not count as present because libxcb-util.so.1 is.
    cache = cache_with(["libxcb-util.so.1", "libxcb-cursor.so.0.0.0"])
    lack = qt_libs.missing({"libxcb.so.1": "libxcb1", "libxcb-util.so.1": "libxcb-util1",
                            "libxcb-cursor.so.0": "libxcb-cursor0"}, cache)
    assert lack == {"libxcb.so.1": "libxcb1", "libxcb-cursor.so.0": "libxcb-cursor0"}


@pytest.mark.parametrize("env, expected", [
    ({}, "yes"),
    ({"QT_QPA_PLATFORM": "xcb"}, "yes"),
    ({"QT_QPA_PLATFORM": "xcb:dpi=96"}, "yes"),
    ({"QT_QPA_PLATFORM": "offscreen"}, "no"),
    ({"QT_QPA_PLATFORM": "wayland"}, "no"),
    ({"QT_QPA_PLATFORM": "wayland;xcb"}, "fallback"),
    ({"XDG_SESSION_TYPE": "wayland"}, "fallback"),
    ({"XDG_SESSION_TYPE": "x11", "DISPLAY": ":0"}, "yes"),
])
def test_which_platform_qt_will_load(env, expected):
    assert qt_libs.uses_xcb(env) == expected


def test_a_missing_cursor_library_stops_make_run_with_one_sentence(capsys):
    code, calls = run_main([], {"DISPLAY": ":0", "PATH": ""}, [cache_with(FRESH_DEBIAN)])
    err = capsys.readouterr().err.strip()
    assert code == 1 and calls == []
    assert len(err.splitlines()) == 1 and err.count(". ") == 0, err
    assert "`sudo apt-get install libxcb-cursor0`" in err and "libxcb-cursor.so.0" in err


def test_offscreen_is_never_blocked_by_a_missing_xcb_library(capsys):
    code, calls = run_main([], {"QT_QPA_PLATFORM": "offscreen"}, [cache_with([])], root=True)
    assert code == 0 and calls == [] and capsys.readouterr().err == ""


def test_wayland_first_only_notes_what_xcb_would_need(capsys):
    code, _ = run_main([], {"XDG_SESSION_TYPE": "wayland", "PATH": ""}, [cache_with(FRESH_DEBIAN)])
    assert code == 0 and "libxcb-cursor0" in capsys.readouterr().err


def test_nothing_missing_nothing_said(capsys):
    code, calls = run_main([], {}, [cache_with(ALL)], root=True)
    assert code == 0 and calls == [] and capsys.readouterr().err == ""


def test_as_root_with_apt_it_installs_only_what_is_missing_then_checks_again(tmp_path):
    (tmp_path / "apt-get").write_text("#!/bin/sh\n")
    (tmp_path / "apt-get").chmod(0o755)
    cache = [cache_with(FRESH_DEBIAN)]
    code, calls = run_main([], {"PATH": str(tmp_path)}, cache, root=True,
                           installs=lambda: cache.__setitem__(0, cache_with(ALL)))
    assert code == 0
    assert calls == [["apt-get", "install", "-y", "-q", "libxcb-cursor0"]]


def test_an_install_that_did_not_bring_the_library_still_stops(tmp_path, capsys):
    (tmp_path / "apt-get").write_text("#!/bin/sh\n")
    (tmp_path / "apt-get").chmod(0o755)
    code, calls = run_main([], {"PATH": str(tmp_path)}, [cache_with(FRESH_DEBIAN)], root=True)
    assert code == 1 and calls and "libxcb-cursor0" in capsys.readouterr().err


@pytest.mark.parametrize("have", [
    ["libxcb-icccm.so.4", "libxcb-cursor.so.0", "libxcb-keysyms.so.1"],   # the issue's `make dist` machine
    ["libxcb-icccm.so.4", "libwayland-cursor.so.0"],
])
def test_dist_checks_each_of_the_four_bundled_libraries(have, tmp_path):
    (tmp_path / "apt-get").write_text("#!/bin/sh\n")
    (tmp_path / "apt-get").chmod(0o755)
    cache = [cache_with(have)]
    code, calls = run_main(["--bundle"], {"PATH": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}, cache,
                           root=True, installs=lambda: cache.__setitem__(0, cache_with(ALL)))
    wanted = sorted(set(qt_libs.BUNDLE.values()) - {qt_libs.BUNDLE[so] for so in have})
    assert code == 0 and calls[0] == ["apt-get", "install", "-y", "-q", *wanted]


def test_the_script_end_to_end_with_a_fake_ldconfig(tmp_path):
    """The file `make run` runs, as a process, with ldconfig on PATH printing a fresh desktop's cache."""
    if not sys.platform.startswith("linux"):
        pytest.skip("Linux only")
    listing = tmp_path / "cache.txt"
    listing.write_text(cache_with(FRESH_DEBIAN))
    fake = tmp_path / "ldconfig"
    fake.write_text(f"#!/bin/sh\nexec /bin/cat '{listing}'\n")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    # No apt-get on this PATH, so even as root it only says what to install.
    env = {"PATH": str(tmp_path), "DISPLAY": ":0", "HOME": os.environ.get("HOME", "/tmp")}
    out = subprocess.run([sys.executable, str(SCRIPT)], env=env, capture_output=True, text=True, timeout=60)
    assert out.returncode == 1, out
    assert "libxcb-cursor0" in out.stderr and out.stdout == ""
    env["QT_QPA_PLATFORM"] = "offscreen"
    out = subprocess.run([sys.executable, str(SCRIPT)], env=env, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and out.stderr == "", out
