#!/usr/bin/env bash
# Packaging benchmark: build time, unpacked and tar.gz size (and what dominates
# it), start to window and to `selftest ok` of the packaged app.  Prints a
# Markdown block for benchmarks/RESULTS.md ("## Packaging").
#   benchmarks/bench_dist.sh            clean build, then measure
#   benchmarks/bench_dist.sh --no-build measure the existing dist/NormFit
# Run it at the priority you want measured (e.g. `nice -n 19` on a shared machine
# makes every figure a figure under load; the block says which).
set -euo pipefail
cd "$(dirname "$0")/.."
APP=dist/NormFit
EXE=$APP/NormFit
tmp=$(mktemp -d)
build_s="(not rebuilt)"
if [ "${1:-}" != "--no-build" ]; then
    rm -rf build dist
    s=$(date +%s.%N); make dist >"$tmp/build.log" 2>&1 || { tail -40 "$tmp/build.log"; exit 1; }; e=$(date +%s.%N)
    build_s=$(awk -v a="$s" -v b="$e" 'BEGIN { printf "%.0f s", b - a }')
fi
unpacked=$(du -sb "$APP" | cut -f1)
files=$(find "$APP" -type f | wc -l)
tar -C dist -czf "$tmp/NormFit.tar.gz" NormFit
targz=$(stat -c %s "$tmp/NormFit.tar.gz")
mb() { awk -v b="$1" 'BEGIN { printf "%.0f MB", b / 1e6 }'; }
top=$(cd "$APP/_internal" 2>/dev/null || cd "$APP"; du -sb -- * | sort -nr | head -6 \
      | awk '{ printf "%s %.0f MB; ", $2, $1 / 1e6 }' || true)
# (`|| true`: head closing the pipe early makes sort fail under pipefail)
biggest=$(find "$APP" -type f -printf '%s %P\n' | sort -nr | head -4 | awk '{ printf "%s %.0f MB; ", $2, $1 / 1e6 }' || true)

# Starts: the first one after the build, then two more (page cache warm).
selftests=()
for i in 1 2 3; do
    s=$(date +%s.%N)
    line=$(NORMFIT_HOME="$tmp/home" "$EXE" --selftest 2>/dev/null | grep '^selftest ok') || { echo "selftest failed"; exit 1; }
    e=$(date +%s.%N)
    selftests+=("$(awk -v a="$s" -v b="$e" 'BEGIN { printf "%.1f", b - a }')")
done
windows=()
if command -v xvfb-run >/dev/null; then
    for i in 1 2; do
        w=$(xvfb-run -a -s "-screen 0 1280x900x24" .venv/bin/python tools/dist_window.py "$EXE" 2>/dev/null \
            | awk '/^window/ { w = $2 } /^base/ { b = $2 } END { printf "%.1f s to window, %.1f s to base loaded", w, b }')
        windows+=("$w")
    done
fi

cat <<EOF
## Packaging

PyInstaller one-folder build (\`make dist\` -> \`dist/NormFit/\`), $(date -u +%Y-%m-%d).
Machine: $(nproc) CPU cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1e6 }' /proc/meminfo) RAM,
load average at the end $(cut -d' ' -f1-3 /proc/loadavg), run at nice $(nice); Python $(.venv/bin/python -c 'import sys; print(sys.version.split()[0])'),
PyInstaller $(.venv/bin/pyinstaller --version), torch $(.venv/bin/python -c 'import torch; print(torch.__version__)'), PySide6 $(.venv/bin/python -c 'import PySide6; print(PySide6.__version__)').

| what | figure |
|---|---|
| build time (clean, \`make dist\`) | $build_s |
| unpacked size | $(mb "$unpacked") ($files files) |
| tar.gz size | $(mb "$targz") |
| start to \`selftest ok\` (first after build, then twice more) | ${selftests[*]} s |
| start to window under Xvfb (first, second) | ${windows[*]:-not measured (no xvfb-run)} |

What the size is: $top
Largest files: $biggest
EOF
rm -rf "$tmp"
