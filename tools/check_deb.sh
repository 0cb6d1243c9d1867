#!/usr/bin/env bash
# Check dist/normfit_*.deb (make deb) the way a lab installs it: in a clean Debian
# root with no network (chroot + unshare -n, root only), as on a PC fed from a USB stick:
#   1. dpkg -i (dependencies: the desktop libraries any Debian/Ubuntu desktop has,
#      present in the clean root as on such a PC; nothing is fetched);
#   2. the command on the PATH, the menu entry (English and Malayalam names), the
#      icon, the licences; `normfit --version`;
#   3. `normfit --selftest --no-network` as an ordinary user;
#   4. the window from the installed package under xvfb (screenshot);
#   5. apt-get remove, then dpkg --purge: the package's files are gone, the
#      user's adapters and settings are still there.
# The clean root: a debootstrap'ed Debian 12 minbase (+ those desktop libraries and
# xvfb for step 4), kept as a tarball in ~/.cache/normfit/ and unpacked fresh each
# run. Making it once needs the Debian mirror (debootstrap); every check after that
# is offline. NORMFIT_DEBROOT=path.tar.gz uses another root; NORMFIT_SCREENSHOT=path
# keeps the screenshot.
set -euo pipefail
cd "$(dirname "$0")/.."
DEB=$(ls -t dist/normfit_*.deb 2>/dev/null | head -1)
[ -n "$DEB" ] || { echo "check_deb: no dist/normfit_*.deb; run make deb" >&2; exit 1; }
[ "$(id -u)" = 0 ] || { echo "check_deb: needs root (chroot, mounts)" >&2; exit 1; }
ROOTTAR=${NORMFIT_DEBROOT:-$HOME/.cache/normfit/debroot-bookworm.tar.gz}
LIBS=libgl1,libegl1,libfontconfig1,libfreetype6,libxkbcommon0,libxkbcommon-x11-0,libx11-6,libx11-xcb1,libxcb1,libdbus-1-3,libglib2.0-0,fonts-dejavu-core
if [ ! -f "$ROOTTAR" ]; then
    echo "== making the clean root once (debootstrap: needs the Debian mirror)"
    if ! command -v debootstrap >/dev/null; then
        apt-get install -y -q debootstrap >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q debootstrap >/dev/null; }
    fi
    tmp=$(mktemp -d)
    debootstrap --variant=minbase --include="$LIBS,xvfb,xauth,x11-utils" bookworm "$tmp/root" \
        http://deb.debian.org/debian >/dev/null
    mkdir -p "$(dirname "$ROOTTAR")"
    tar -C "$tmp/root" -czf "$ROOTTAR" .
    rm -rf "$tmp"
fi

WORK=$(mktemp -d)
R="$WORK/root"
cleanup() { rm -rf --one-file-system "$WORK"; }
trap cleanup EXIT
mkdir -p "$R"
tar -C "$R" -xzf "$ROOTTAR"
cp "$DEB" "$R/tmp/normfit.deb"

# A command in the root: its own mount namespace (nothing leaks to this machine) and
# no network namespace peers (only a loopback, down). USER=student runs it as the user.
inroot() {
    unshare -m -n -- sh -c '
        R=$1; shift
        mount --rbind /dev "$R/dev" && mount -t proc proc "$R/proc"
        if [ -d /tmp/.X11-unix ]; then mkdir -p "$R/tmp/.X11-unix" && mount --bind /tmp/.X11-unix "$R/tmp/.X11-unix"; fi
        if [ -n "${NORMFIT_HOME:-}" ]; then mkdir -p "$R$NORMFIT_HOME" && mount --bind "$NORMFIT_HOME" "$R$NORMFIT_HOME"; fi
        if [ "${AS:-root}" = student ]; then exec chroot --userspec=student:student "$R" env HOME=/home/student "$@"; fi
        exec chroot "$R" "$@"' sh "$R" "$@"
}

echo "== network inside the root"
ifaces=$(inroot sh -c "tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' ' | tr '\n' ' '")
echo "interfaces: $ifaces"
[ "$ifaces" = "lo " ] || { echo "check_deb: the root has a network" >&2; exit 1; }

echo "== install: dpkg -i $(basename "$DEB") ($(du -h "$DEB" | cut -f1))"
start=$(date +%s)
inroot dpkg -i /tmp/normfit.deb >/dev/null
echo "installed in $(( $(date +%s) - start )) s; $(inroot du -sh /opt/normfit | cut -f1) under /opt/normfit"
inroot test -x /opt/normfit/NormFit
[ "$(inroot readlink /usr/bin/normfit)" = /opt/normfit/NormFit ]
inroot grep -q '^Name\[ml\]=' /usr/share/applications/normfit.desktop
inroot grep -q '^Exec=normfit$' /usr/share/applications/normfit.desktop
inroot test -s /usr/share/icons/hicolor/256x256/apps/normfit.png
inroot test -s /usr/share/doc/normfit/copyright
echo "menu entry: $(inroot grep -E '^Name(\[ml\])?=' /usr/share/applications/normfit.desktop | tr '\n' ' ')"
echo "licence files: $(inroot ls /usr/share/doc/normfit/licences | wc -l)"
inroot find /opt/normfit -iname 'NotoSansMalayalam*' | grep -q . || { echo "check_deb: no Malayalam font" >&2; exit 1; }
inroot normfit --version

echo "== a student's files"
inroot useradd -m student
inroot sh -c 'mkdir -p /home/student/.local/share/NormFit/adapters /home/student/.config/NormFit &&
    echo adapter > /home/student/.local/share/NormFit/adapters/mine.safetensors &&
    echo "{}" > /home/student/.config/NormFit/settings.json && chown -R student:student /home/student'

echo "== selftest as the student, no network"
AS=student inroot normfit --selftest --no-network

echo "== window under xvfb"
# The X server and the screenshot run on this machine (xvfb-run, the venv's Qt); the app inside the root.
if ! command -v xvfb-run >/dev/null || ! command -v xwininfo >/dev/null; then
    apt-get install -y -q xvfb x11-utils >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q xvfb x11-utils >/dev/null; }
fi
wrapper="$WORK/normfit-in-root"
cat > "$wrapper" <<EOF
#!/bin/sh
# What dist_window.py launches: the installed command inside the clean root (same pid throughout).
R="$R"
EOF
cat >> "$wrapper" <<'EOF'
exec unshare -m -n -- sh -c '
    R=$1; shift
    mount --rbind /dev "$R/dev" && mount -t proc proc "$R/proc"
    mkdir -p "$R/tmp/.X11-unix" && mount --bind /tmp/.X11-unix "$R/tmp/.X11-unix"
    mkdir -p "$R$NORMFIT_HOME" && mount --bind "$NORMFIT_HOME" "$R$NORMFIT_HOME"
    exec chroot "$R" env DISPLAY="$DISPLAY" NORMFIT_HOME="$NORMFIT_HOME" QT_QPA_PLATFORM=xcb normfit' sh "$R"
EOF
chmod +x "$wrapper"
# -ac: the X server takes clients without a cookie (the root cannot see this machine's /tmp).
xvfb-run -a -s "-screen 0 1366x768x24 -ac" .venv/bin/python tools/dist_window.py "$wrapper" \
    --out "${NORMFIT_SCREENSHOT:-$WORK/window.png}"

echo "== remove, then purge"
inroot apt-get remove -y -q normfit >/dev/null 2>&1
inroot test ! -e /opt/normfit/NormFit
inroot test ! -e /usr/bin/normfit
inroot test ! -e /usr/share/applications/normfit.desktop
inroot test -s /home/student/.local/share/NormFit/adapters/mine.safetensors
inroot test -s /home/student/.config/NormFit/settings.json
inroot dpkg --purge normfit >/dev/null
inroot test -s /home/student/.local/share/NormFit/adapters/mine.safetensors
echo "removed and purged; the student's adapter and settings are still there"
echo "check_deb: ok"
