#!/usr/bin/env bash
# The full shootout on a 2-core machine in half the wall time: two shards side
# by side, each pinned to its own core with one torch thread, then one pass
# that finds every run cached and writes the report (results.json/.md, charts,
# controls).  Every method gets the same one core for the same budget.
#   benchmarks/run_shootout.sh tuned|bet49 [SEEDS]      (resumable: rerun it)
# Needs ../shared/data.  On a machine with more cores, plain
#   normfit shootout --protocol P --seeds 3 --out DIR   does the same in one process.
set -euo pipefail
cd "$(dirname "$0")/.."
P=${1:?protocol: tuned or bet49}
SEEDS=${2:-3}
DATA=${NORMFIT_SHARED:-../shared/data}
OUT=benchmarks/results/shootout-$P
PY=.venv/bin/python
keys=()
for s in $(seq 0 $((SEEDS - 1))); do
    for u in programmer novelist scientist; do
        for m in norm lora full; do keys+=("$u/$m/$s"); done
    done
done
a=(); b=()
for i in "${!keys[@]}"; do
    if (( i % 2 == 0 )); then a+=("${keys[$i]}"); else b+=("${keys[$i]}"); fi
done
join() { local IFS=,; echo "$*"; }
common=(-m desktop shootout --users "$DATA/users" --general "$DATA/general/heldout.jsonl"
        --protocol "$P" --seeds "$SEEDS" --out "$OUT" --threads 1)
mkdir -p "$OUT"
taskset -c 0 "$PY" "${common[@]}" --only "$(join "${a[@]}")" >"$OUT/shard0.log" 2>&1 &
pa=$!
taskset -c 1 "$PY" "${common[@]}" --only "$(join "${b[@]}")" >"$OUT/shard1.log" 2>&1 &
pb=$!
wait $pa; wait $pb
"$PY" "${common[@]}" >"$OUT/report.log" 2>&1
tail -n 3 "$OUT/report.log"
