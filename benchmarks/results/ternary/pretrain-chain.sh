#!/bin/bash
# Ternary base: A/B on the quantisation warm-up (6 min each), then the main run with the better one.
set -u
cd /work/main
PY=".venv/bin/python -m desktop pretrain"
COMMON="--init-from assets/base/normfit-base-s-4 --work-base --ternary --lr 5e-4 --warmup-steps 100 --min-lr-frac 0.05 --seed 4242 --threads 1 --device cpu --stdlib-mb 10 --unwrap"
run() { # name minutes warmup out
  rm -rf /work/pt/w-$1; mkdir -p /work/pt/w-$1; cp /work/pt/work/{tokenizer.json,tokens.npy,data.json} /work/pt/w-$1/
  taskset -c 0 nice -n 5 $PY --init-from assets/base/normfit-base-s-4 --ternary --lr 5e-4 --warmup-steps 100 --min-lr-frac 0.05 \
    --seed 4242 --threads 1 --device cpu --work /work/pt/w-$1 --minutes $2 --ternary-warmup-steps $3 \
    --out $4 --base-id normfit-base-t-4 --checkpoint-minutes 10 > /work/pt/$1.log 2>&1
}
run ab0 6 0 /work/pt/out-ab0
run ab100 6 100 /work/pt/out-ab100
v0=$(python3 -c "import json;print(json.load(open('/work/pt/out-ab0/config.json'))['training']['val_loss'])")
v1=$(python3 -c "import json;print(json.load(open('/work/pt/out-ab100/config.json'))['training']['val_loss'])")
W=$(python3 -c "print(0 if $v0 <= $v1 else 100)")
echo "ab0 val $v0  ab100 val $v1  -> warm-up $W" > /work/pt/ab.txt
run main 55 $W /work/pt/out-main
echo done > /work/pt/main.done
