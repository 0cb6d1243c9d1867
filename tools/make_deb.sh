#!/usr/bin/env bash
# Build dist/normfit_<version>_<arch>.deb from the one-folder app (make dist), for
# school labs that install software from a USB stick with no network:
#   /opt/normfit/                      the one-folder app (Python, PyTorch CPU, Qt, base model,
#                                      the Malayalam font and its licence), read-only
#   /usr/bin/normfit                   the command (a link to /opt/normfit/NormFit)
#   /usr/share/applications/normfit.desktop   menu entry, English and Malayalam names
#   /usr/share/icons/hicolor/256x256/apps/normfit.png
#   /usr/share/doc/normfit/copyright + licences/   NormFit's licence and the bundled parts'
# Nothing is written into users' homes, so `apt remove` (and purge) leaves their
# adapters, settings and logs where they are (~/.local/share/NormFit, ~/.config/NormFit).
set -euo pipefail
cd "$(dirname "$0")/.."
APP=dist/NormFit
[ -x "$APP/NormFit" ] || { echo "make_deb: $APP/NormFit missing; run make dist" >&2; exit 1; }
VERSION=$(sed -n 's/^version *= *"\(.*\)"/\1/p' pyproject.toml | head -1)
ARCH=$(dpkg --print-architecture)
OUT="dist/normfit_${VERSION}_${ARCH}.deb"
STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
R="$STAGE/root"

mkdir -p "$R/opt" "$R/usr/bin" "$R/usr/share/applications" "$R/usr/share/icons/hicolor/256x256/apps" \
         "$R/usr/share/doc/normfit/licences" "$R/DEBIAN"
cp -a "$APP" "$R/opt/normfit"
chmod -R u+rwX,go+rX,go-w "$R/opt/normfit"
ln -s /opt/normfit/NormFit "$R/usr/bin/normfit"
install -m 644 assets/icons/normfit.png "$R/usr/share/icons/hicolor/256x256/apps/normfit.png"

cat > "$R/usr/share/applications/normfit.desktop" <<'EOF'
[Desktop Entry]
Type=Application
Name=NormFit
Name[ml]=NormFit — എഴുത്ത് പഠിക്കുന്ന ഭാഷാ മോഡൽ
GenericName=Personalise a language model
GenericName[ml]=ഭാഷാ മോഡൽ വ്യക്തിഗതമാക്കുക
Comment=Teach a small language model your writing, offline, in minutes
Comment[ml]=ഒരു ചെറിയ ഭാഷാ മോഡലിനെ നിങ്ങളുടെ എഴുത്ത് പഠിപ്പിക്കുക; ഇന്റർനെറ്റ് വേണ്ട
Exec=normfit
Icon=normfit
Terminal=false
Categories=Education;Science;
Keywords=language model;writing;personalise;
Keywords[ml]=ഭാഷാ മോഡൽ;എഴുത്ത്;
EOF

# Licences: NormFit's own, and every licence file the bundled parts carry.
cat > "$R/usr/share/doc/normfit/copyright" <<EOF
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: NormFit
Comment: /opt/normfit bundles Python (PSF licence), PyTorch (BSD-3-Clause), Qt 6 and
 PySide6 (LGPL-3.0), NumPy (BSD-3-Clause), safetensors and tokenizers (Apache-2.0),
 Noto Sans Malayalam (SIL OFL 1.1) and their dependencies, as built by PyInstaller.
 The licence files found in the bundle are copied to /usr/share/doc/normfit/licences/,
 named after the folder they came from.

Files: *
Copyright: NormFit authors
License: MIT
 The base model weights under /opt/normfit/_internal/assets/base were trained by the
 project (see its MODEL_CARD.md); the sample documents were written for the project.
EOF
n=0
while IFS= read -r -d '' f; do
    rel=${f#"$APP"/}
    name=$(echo "$rel" | tr '/' '_')
    install -m 644 "$f" "$R/usr/share/doc/normfit/licences/$name"
    n=$((n + 1))
done < <(find "$APP" -type f \( -iname 'LICENSE*' -o -iname 'LICENCE*' -o -iname 'COPYING*' -o -iname 'NOTICE*' \) -print0)

SIZE_KB=$(du -sk "$R" | cut -f1)
cat > "$R/DEBIAN/control" <<EOF
Package: normfit
Version: $VERSION
Architecture: $ARCH
Maintainer: NormFit project <normfit@localhost>
Installed-Size: $SIZE_KB
Section: education
Priority: optional
Depends: libc6 (>= 2.31), libgl1, libegl1, libfontconfig1, libfreetype6, libxkbcommon0, libx11-6, libx11-xcb1, libdbus-1-3, libglib2.0-0
Description: personalise a small language model to your writing, offline
 NormFit fine-tunes only the normalisation gains of a small bundled language
 model to a person's documents within a few minutes on an ordinary computer,
 shows how much better it predicts text kept aside, and saves a ~6 KB adapter
 that can be shared. No network is needed. English and Malayalam.
EOF
# The menu and icon caches, where the desktop has them; users' files are never touched.
cat > "$R/DEBIAN/postinst" <<'EOF'
#!/bin/sh
set -e
command -v update-desktop-database >/dev/null && update-desktop-database -q /usr/share/applications || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t /usr/share/icons/hicolor || true
exit 0
EOF
cp "$R/DEBIAN/postinst" "$R/DEBIAN/postrm"
chmod 755 "$R/DEBIAN/postinst" "$R/DEBIAN/postrm"

# gzip: every dpkg reads it (xz of 800 MB takes minutes; zstd is not read by older dpkg).
dpkg-deb --root-owner-group -Zgzip -z6 --build "$R" "$OUT" >/dev/null
echo "$OUT: $(du -h "$OUT" | cut -f1) ($(stat -c %s "$OUT") bytes), installed $((SIZE_KB / 1024)) MB, $n licence files"
