"""Issue 31, step 1 of 2: score unseen passages of a class's writers with every adapter.

    python benchmarks/whose_score.py --data ../shared/data/classes/chat12 --class-folder CLASS \
        --results CLASS_RESULTS --out scores.json

CLASS is the folder `normfit class` trained (one subfolder per student, here each
a link to the writer's train/ folder); CLASS_RESULTS its output (adapters and
class-state.json). Passages come from each writer's heldout/ folder (never
trained on, later in time), cut into consecutive passages of 30, 60, 120 and 250
words; cohort pieces are what the app has: each student's held-out split of
their own documents (class_recognition.pieces_of), and the base's reference set.
Everything is scored with desktop/engine/evidence.py, the code the app uses.
Step 2 (whose_eval.py) compares the scores offline.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.engine import api  # noqa: E402
from desktop.engine.class_recognition import heldout_text, pieces_of  # noqa: E402
from desktop.engine.classroom import load_state  # noqa: E402
from desktop.engine.metrics import Metrics  # noqa: E402
from desktop.engine.evidence import score_texts  # noqa: E402
from desktop.engine.evaluate import evaluate  # noqa: E402


def reference_cohort(base, adapter) -> list:
    """The adapter's gain on the base's own reference text (written by the base: nobody
    in particular), per reference window: [mean, sd, windows]."""
    es = base.reference_set()
    b = evaluate(api.model_with(base, None), es)
    a = evaluate(api.model_with(base, adapter), es)
    toks = (es.targets != -100).sum(1).tolist()
    g = [(x - y) / max(1, toks[r]) for r, x, y in zip(b.rows, b.row_nll, a.row_nll)]
    m = sum(g) / len(g)
    return [m, math.sqrt(sum((x - m) ** 2 for x in g) / (len(g) - 1)), len(g)]

LENGTHS = (30, 60, 120, 250)


def passages(text: str, words: int, most: int) -> list[str]:
    w = text.split()
    return [" ".join(w[i:i + words]) for i in range(0, len(w) - words + 1, words)][:most]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True, help="a folder of writers, each with heldout/")
    ap.add_argument("--class-folder", required=True)
    ap.add_argument("--results", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--most", type=int, default=8, help="passages per writer and length")
    ap.add_argument("--release", default=None)
    a = ap.parse_args()
    torch_threads = 1
    import torch
    torch.set_num_threads(torch_threads)
    base = api.load_base(a.release) if a.release else api.load_base()
    results = Path(a.results)
    recs = [r for r in load_state(results).values() if r.status == "done" and r.file]
    names = [r.name for r in recs]
    afs = [api.open_adapter(results / r.file, base) for r in recs]
    texts, meta = [], []
    for n in names:
        held = "\n".join(api.read_file(p).text for p in sorted((Path(a.data) / n / "heldout").iterdir()))
        for L in LENGTHS:
            for k, p in enumerate(passages(held, L, a.most)):
                texts.append(p)
                meta.append({"writer": n, "kind": "passage", "words": L, "index": k})
        col = api.collect([Path(a.class_folder) / n])
        for k, p in enumerate(pieces_of(heldout_text(col.documents))):
            texts.append(p)
            meta.append({"writer": n, "kind": "cohort", "words": len(p.split()), "index": k})
    t0 = time.monotonic()
    g = score_texts(base, texts, afs)
    secs = time.monotonic() - t0
    ref = [reference_cohort(base, af) for af in afs]
    # Each adapter's gain on its own writer's held-out split (nats per token), from its file.
    own = [-math.log(1 - Metrics.from_metadata(af.metadata).personal_gain) for af in afs]
    for m, t in enumerate(meta):
        t["tokens"] = g.tokens[m]
        t["gain"] = [round(g.gain(m, j), 6) for j in range(len(afs))]
    out = {"base_id": base.base_id, "names": names, "method": afs[0].method if afs else None,
           "settings": json.loads((results / "class-state.json").read_text())["settings"],
           "reference_cohort": ref, "own_gain": own, "texts": meta, "scoring_seconds": round(secs, 1)}
    Path(a.out).write_text(json.dumps(out))
    print(f"{len(texts)} texts x {len(afs) + 1} models in {secs:.0f} s -> {a.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
