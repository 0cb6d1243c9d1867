#!/usr/bin/env bash
# Check the packaged app in dist/NormFit (after `make dist`; `make selftest-dist` and .ci/run call this):
#   1. --version
#   2. --selftest with no network (unshare -n when it works, plus the app's own
#      --no-network guard that fails any internet socket or name look-up) and with
#      the app folder read-only (a read-only bind mount when we may mount, else
#      chmod), then a check that not one file in the folder was added or changed;
#   3. the window opens from the frozen build under xvfb-run (xvfb and x11-utils
#      are installed if missing and apt-get is usable), is screenshotted, closed.
# Set NORMFIT_SCREENSHOT=path to keep the screenshot (docs/screenshots/07-packaged-app.png).
set -euo pipefail
cd "$(dirname "$0")/.."
APP="$PWD/dist/NormFit"
EXE="$APP/NormFit"
[ -x "$EXE" ] || { echo "check_dist: $EXE missing; run make dist" >&2; exit 1; }

manifest() { (cd "$APP" && find . -printf '%p %y %s %T@\n' | LC_ALL=C sort | sha256sum); }

echo "== version"
# (not `tee /dev/stderr`: when stderr is a file, tee truncates it, and CI's log with it)
version=$("$EXE" --version)
echo "$version"
echo "$version" | grep -q '^NormFit [0-9]'

echo "== selftest: no network, app folder read-only"
before=$(manifest)
home=$(mktemp -d)
net=()
if unshare -n true 2>/dev/null; then net=(unshare -n); echo "(network: unshare -n, and the --no-network guard)"
else echo "(network: the --no-network guard only; unshare -n is not available here)"; fi
start=$(date +%s.%N)
if [ "$(id -u)" = 0 ] && unshare -m true 2>/dev/null; then
    # root ignores file modes, so only a read-only mount really stops writes.
    echo "(read-only: bind mount)"
    flags=(-m); [ ${#net[@]} -gt 0 ] && flags=(-m -n)
    out=$(NORMFIT_HOME="$home" unshare "${flags[@]}" sh -c \
        'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" "$1" && exec "$2" --selftest --no-network' \
        sh "$APP" "$EXE" 2>"$home/stderr") || { cat "$home/stderr" >&2; echo "$out"; exit 1; }
else
    echo "(read-only: chmod -R a-w)"
    chmod -R a-w "$APP"
    trap 'chmod -R u+w "$APP"' EXIT
    out=$(NORMFIT_HOME="$home" "${net[@]}" "$EXE" --selftest --no-network 2>"$home/stderr") \
        || { cat "$home/stderr" >&2; echo "$out"; exit 1; }
    chmod -R u+w "$APP"; trap - EXIT
fi
end=$(date +%s.%N)
echo "$out"
echo "$out" | grep -q '^selftest ok ' || { cat "$home/stderr" >&2; exit 1; }
awk -v a="$start" -v b="$end" 'BEGIN { printf "selftest wall %.1f s\n", b - a }'
[ "$(manifest)" = "$before" ] || { echo "check_dist: the self-test changed files inside $APP" >&2; exit 1; }
echo "(nothing inside $APP was added or changed)"

echo "== window under xvfb"
# (each X11 library looked up on its own by tools/qt_libs.py, not only libxcb-cursor)
if ! command -v xvfb-run >/dev/null || ! command -v xwininfo >/dev/null || ! QT_QPA_PLATFORM=xcb .venv/bin/python tools/qt_libs.py 2>/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        apt-get install -y -q xvfb x11-utils libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libwayland-cursor0 >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q xvfb x11-utils libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libwayland-cursor0 >/dev/null; }
    fi
fi
command -v xvfb-run >/dev/null || { echo "check_dist: xvfb-run not available" >&2; exit 1; }
before=$(manifest)
xvfb-run -a -s "-screen 0 1280x900x24" .venv/bin/python tools/dist_window.py "$EXE" \
    --out "${NORMFIT_SCREENSHOT:-$home/window.png}"
[ "$(manifest)" = "$before" ] || { echo "check_dist: the window changed files inside $APP" >&2; exit 1; }
rm -rf "$home"
echo "check_dist: ok"
