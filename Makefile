# Two commands on a fresh clone:  make run   and   make test
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# The Malayalam font the app carries (build.spec copies it in with its licence) and
# the Malayalam screen test draws with: installed as root with apt where missing
# (elsewhere that test says what to install), before the tests and the build.
MALAYALAM_FONT = if command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ] && \
	[ ! -f /usr/share/fonts/truetype/noto/NotoSansMalayalam-Regular.ttf ]; then \
	apt-get install -y -q fonts-noto-core >/dev/null || echo "make: could not install fonts-noto-core"; fi

.PHONY: run test bench dist selftest-dist deb check-deb translations clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	# Pinned: a CPU wheel of exactly this version is on the lab/CI machines' disk;
	# an unpinned torch pulls a multi-GB CUDA build.
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

# Qt's xcb plugin needs X11 libraries that PySide6 does not carry (libxcb-cursor0 for
# Qt >= 6.5): tools/qt_libs.py says what to install (installs it as root with apt);
# it checks nothing when QT_QPA_PLATFORM is not xcb (offscreen in CI).
run: $(STAMP)
	@$(BIN)/python tools/qt_libs.py
	$(BIN)/normfit

test: $(STAMP)
	@$(MALAYALAM_FONT)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/pip install -q -e '.[bench]'
	$(BIN)/python benchmarks/bench_engine.py

# The one-folder app for labs (PyInstaller, build.spec): dist/NormFit/NormFit
DIST_STAMP := $(VENV)/.installed-dist
$(DIST_STAMP): $(STAMP)
	$(BIN)/pip install -q -e '.[dist]'
	touch $(DIST_STAMP)

dist: $(DIST_STAMP)
	@# Libraries Qt's X11/Wayland plugins link to, bundled from the build machine (Debian/Ubuntu names)
	@# (each one looked up; installed as root with apt, else one sentence on what to install)
	@$(BIN)/python tools/qt_libs.py --bundle
	@$(MALAYALAM_FONT)
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build build.spec
	@du -sh dist/NormFit

# Build it, then self-test it offline and read-only and open its window (.ci/run)
selftest-dist: dist
	tools/check_dist.sh

# A .deb for labs (installs under /opt/normfit, menu entry, `normfit` on the PATH;
# tools/make_deb.sh), from the one-folder build (made first if missing), and its
# check in a clean Debian root with no network (tools/check_deb.sh; root only).
dist/NormFit/NormFit:
	$(MAKE) dist

deb: dist/NormFit/NormFit
	tools/make_deb.sh

check-deb: deb
	tools/check_deb.sh

# After changing the window's words: collect them, translate assets/i18n/*.ts
# (e.g. with .venv/bin/pyside6-linguist), compile. The .qm is committed, so
# `make run` and `make test` need no Qt tools step (docs/TRANSLATING.md).
translations: $(STAMP)
	$(BIN)/python tools/i18n.py update
	$(BIN)/python tools/i18n.py release

clean:
	rm -rf $(VENV) build dist
