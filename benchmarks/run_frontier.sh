#!/usr/bin/env bash
# The frontier shootout: every method at general-text limits 3%, none, 1% and
# 10% (seed 0), then seeds 1 and 2 at the default 3%, as two one-core shards
# side by side, then a report pass per limit and the frontier report.
#
#   benchmarks/run_frontier.sh [MINUTES] [OUT]     (defaults: 1 minute per run, benchmarks/results/frontier)
#
# Runs are cached, so rerunning the same command resumes.
set -euo pipefail
cd "$(dirname "$0")/.."
M=${1:-1}
OUT=${2:-benchmarks/results/frontier}
USERS=../shared/data/users
GENERAL=../shared/data/general/heldout.jsonl
NF=${NF:-.venv/bin/normfit}
PAIRS=()
for u in programmer novelist scientist; do for m in norm lora full; do PAIRS+=("$u/$m"); done; done

folder() { [ "$1" = none ] && echo "$OUT/none" || echo "$OUT/d$1"; }
args() {  # limit -> protocol arguments
  if [ "$1" = none ]; then echo "--protocol tuned"; else echo "--protocol anchored --max-drift $1"; fi
}
shard() {  # limit seeds core keys...
  local lim=$1 seeds=$2 core=$3; shift 3
  local only; only=$(IFS=,; echo "$*")
  taskset -c "$core" $NF shootout --users $USERS --general $GENERAL $(args "$lim") --seeds "$seeds" \
    --minutes "$M" --threads 1 --out "$(folder "$lim")" --only "$only" > "$(folder "$lim").shard$core.log" 2>&1
}
run_limit() {  # limit seeds
  local lim=$1 seeds=$2 a=() b=() i=0
  mkdir -p "$(folder "$lim")"
  for s in $(seq 0 $((seeds - 1))); do
    for p in "${PAIRS[@]}"; do
      if (( i % 2 == 0 )); then a+=("$p/$s"); else b+=("$p/$s"); fi
      i=$((i + 1))
    done
  done
  shard "$lim" "$seeds" 0 "${a[@]}" & shard "$lim" "$seeds" 1 "${b[@]}" & wait
}
# SEEDS3=1 (default 3) runs only seed 0 at the default limit too, when time is short.
SEEDS3=${SEEDS3:-3}
for lim in 3 none 1 10; do run_limit "$lim" 1; done
[ "$SEEDS3" -gt 1 ] && run_limit 3 "$SEEDS3"
# Report passes (controls included) once every run is cached.
for lim in 3 none 1 10; do
  seeds=1; [ "$lim" = 3 ] && seeds=$SEEDS3
  $NF shootout --users $USERS --general $GENERAL $(args "$lim") --seeds $seeds --minutes "$M" \
    --out "$(folder "$lim")" > "$(folder "$lim").report.log" 2>&1
done
.venv/bin/python -m desktop.research.frontier --out "$OUT" none="$OUT/none" 1="$OUT/d1" 3="$OUT/d3" 10="$OUT/d10"
