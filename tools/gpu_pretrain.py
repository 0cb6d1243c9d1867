"""Pretrain the next base on a lent GPU machine, without depending on one.

The corpus never travels: it is tokenised here, on the CPU, and a packed
subset of the token stream (lzma, sized to the device tool's 64 MiB transfer
limit together with the repository) travels instead. On the GPU machine one run
of at most ten minutes continues the newest committed release in bf16 and
writes a contract-1 release under $OUT; back here it is evaluated on the shared
general held-out set and, if it is better, committed as a new release folder.

    # here (CPU): tokenise with the base's tokenizer, pack what fits
    .venv/bin/normfit pretrain --prepare-only --init-from assets/base/normfit-base-s-2 \\
        --corpus ../shared/data/pretrain --work /root/nf/work-gpu --out /tmp/unused
    .venv/bin/python tools/gpu_pretrain.py pack /root/nf/work-gpu      # -> .gpu/ (git-ignored)
    # there (device tool `run`, carry [".gpu"], timeout_s 600):
    python3 tools/gpu_pretrain.py train --minutes 8 --out $OUT/release
    # here again: copy the files back into assets/base/<base_id>/ and check it
    .venv/bin/normfit eval --base assets/base/<base_id> ...   (or benchmarks/base_eval.py)

Only the standard library, numpy and torch are needed there (the GPU image has
them; its python3 is 3.12 with its own torch).
"""
from __future__ import annotations

import argparse
import json
import lzma
import shutil
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
PACK = ROOT / ".gpu"
# The repository travels too (about 40 MB): what is left of 64 MiB, with margin.
PACK_LIMIT_BYTES = 18 * 1024 * 1024


def pack(work: Path, limit: int = PACK_LIMIT_BYTES, out: Path = PACK) -> dict:
    """The largest prefix of the (document-shuffled) token stream whose lzma
    file fits `limit`, with the tokenizer and data notes beside it."""
    arr = np.load(work / "tokens.npy", mmap_mode="r")
    meta = json.loads((work / "data.json").read_text())
    out.mkdir(exist_ok=True)
    n = len(arr)
    while True:
        blob = lzma.compress(np.ascontiguousarray(arr[:n]).astype("<u2").tobytes(), preset=6)
        if len(blob) <= limit or n < 1_000_000:
            break
        n = int(n * limit / len(blob) * 0.97)
    (out / "tokens.u16.xz").write_bytes(blob)
    shutil.copy(work / "tokenizer.json", out / "tokenizer.json")
    meta = {**meta, "tokens_packed": n, "tokens_prepared": int(len(arr))}
    (out / "data.json").write_text(json.dumps(meta, indent=1))
    print(f"packed {n / 1e6:.2f}M of {len(arr) / 1e6:.2f}M tokens into {len(blob) / 1e6:.1f} MB in {out}")
    return meta


def unpack(src: Path, work: Path) -> None:
    work.mkdir(parents=True, exist_ok=True)
    arr = np.frombuffer(lzma.decompress((src / "tokens.u16.xz").read_bytes()), dtype="<u2")
    np.save(work / "tokens.npy", arr.astype(np.uint16))
    for f in ("tokenizer.json", "data.json"):
        shutil.copy(src / f, work / f)


def train(a: argparse.Namespace) -> dict:
    sys.path.insert(0, str(ROOT))
    import torch

    from desktop.engine.pretrain import PretrainConfig, run
    work = Path(a.work)
    unpack(Path(a.pack), work)
    # assets/base itself: load_base picks the newest release in it.
    init = Path(a.init_from) if a.init_from else ROOT / "assets" / "base"
    device = a.device or ("cuda" if torch.cuda.is_available() else "cpu")
    cfg = PretrainConfig(corpus="", out=a.out, work=str(work), minutes=a.minutes, device=device,
                         init_from=str(init), base_id=a.base_id, batch_size=a.batch_size, lr=a.lr,
                         warmup_steps=a.warmup_steps, min_lr_frac=a.min_lr_frac, compile=not a.no_compile,
                         checkpoint_minutes=max(a.minutes, 1.0), stdlib_mb=0.0)
    t0 = time.time()
    summary = run(cfg)
    print(json.dumps({"seconds": round(time.time() - t0), "device": device,
                      "torch": torch.__version__, "tokens_seen": summary["this_run"]["tokens_seen"],
                      "val_loss": summary["val_loss"]}))
    return summary


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("pack", help="pack a prepared work folder's tokens into .gpu/")
    p.add_argument("work", help="work folder written by `normfit pretrain --prepare-only`")
    p.add_argument("--limit-mb", type=float, default=PACK_LIMIT_BYTES / 2**20)
    t = sub.add_parser("train", help="on the GPU machine: continue the newest release from .gpu/")
    t.add_argument("--pack", default=str(PACK))
    t.add_argument("--work", default="/tmp/normfit-gpu-work")
    t.add_argument("--out", required=True, help="release folder to write (under $OUT there)")
    t.add_argument("--minutes", type=float, default=8.0, help="training budget (the call's limit is 10)")
    t.add_argument("--init-from", default=None, help="release to continue (default: the newest committed)")
    t.add_argument("--base-id", default="normfit-base-s-3")
    # A GPU is far from busy at the CPU's 16 x 256 tokens per step: larger steps, a
    # rate scaled up a little (not linearly: the base is already trained).
    t.add_argument("--batch-size", type=int, default=128)
    t.add_argument("--lr", type=float, default=2e-3)
    t.add_argument("--warmup-steps", type=int, default=100)
    t.add_argument("--min-lr-frac", type=float, default=0.05)
    t.add_argument("--device", default=None, help="cuda (default when there is one) or cpu, for a dry run")
    t.add_argument("--no-compile", action="store_true")
    a = ap.parse_args(argv)
    if a.cmd == "pack":
        pack(Path(a.work), int(a.limit_mb * 2**20))
    else:
        train(a)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
