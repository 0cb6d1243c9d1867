#!/usr/bin/env bash
# The CUDA path, checked in one prepared run on a lent GPU machine (device tool
# `run`, timeout_s ~500; nothing here is needed on CPU machines):
#   1. the engine and promise tests that need no window (device "auto" picks CUDA there);
#   2. one-minute norm-only and LoRA personalisations of the bundled novelist
#      sample with --device cuda, their JSON and the GPU's name into $OUT.
# The machine's own python3 holds torch (with CUDA); the project's pure-Python
# needs travel as wheels in .whl/ (see /work/.library/device/README.md).
set -uo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:-/tmp/gpu-check}
mkdir -p "$OUT"
if [ -d .whl ]; then
  python3 -m pip install -q --no-index --no-deps --no-compile --target /tmp/site .whl/*.whl && export PYTHONPATH=/tmp/site
fi
export NORMFIT_HOME=/tmp/nf-home PYTHONUNBUFFERED=1
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv > "$OUT/gpu.txt" 2>&1
python3 -c "import torch; print(torch.__version__, torch.cuda.is_available(), torch.cuda.get_device_name(0))" >> "$OUT/gpu.txt" 2>&1
python3 -m pytest -q -p no:cacheprovider tests/test_engine.py tests/test_anchor.py \
  tests/test_promises.py -k "not window" > "$OUT/tests.txt" 2>&1
echo "tests rc $?" >> "$OUT/tests.txt"
for m in norm lora; do
  python3 -m desktop train assets/samples/novelist --method $m --minutes 1 --device cuda --json \
    --out "/tmp/$m.safetensors" --force > "$OUT/train-$m.json" 2> "$OUT/train-$m.log"
  echo "train $m rc $?" >> "$OUT/gpu.txt"
done
cat "$OUT/gpu.txt"; tail -3 "$OUT/tests.txt"
