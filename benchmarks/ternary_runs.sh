#!/usr/bin/env bash
# Issue 33's question: norm-only (and LoRA r4) adapters on the ternary base against
# norm-only on the full-precision base it came from, with the app's defaults
# (5 minutes, 3% general-text limit, one thread), one run at a time on one core.
#   benchmarks/ternary_runs.sh CORE SEED RELEASE METHOD [MINUTES]
# writes benchmarks/results/ternary/<release>-<method>-s<seed>-<user>.json
set -euo pipefail
cd "$(dirname "$0")/.."
core=$1 seed=$2 release=$3 method=$4 minutes=${5:-5}
shared=../shared/data
out=benchmarks/results/ternary
mkdir -p "$out" /tmp/ternary-runs
for user in programmer novelist scientist; do
    f="$out/$(basename "$release")-$method-s$seed-$user.json"
    [ -s "$f" ] && continue
    taskset -c "$core" nice -n 5 .venv/bin/python -m desktop train "$shared/users/$user/train" \
        --heldout "$shared/users/$user/heldout" --general "$shared/general/heldout.jsonl" \
        --base "$release" --method "$method" --seed "$seed" --threads 1 --minutes "$minutes" \
        --out "/tmp/ternary-runs/$(basename "$release")-$method-s$seed-$user.safetensors" --force --json \
        > "$f.part" 2> "$f.log"
    mv "$f.part" "$f"
done
