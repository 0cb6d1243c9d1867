"""`normfit explain --adapter A PATH...`: what an adapter learned, word by word.

Prints the words the personalised model now expects (and the few it expects
less) on the text given, and writes an HTML page with that text tinted word by
word (engine/explain_page.py). The text should be writing the adapter never
trained on (e.g. the documents `train --heldout` kept aside).
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from .adapters import _open_adapter
from .common import UsageError, _collect, _load_base, say


def _write_page(path: Path, text: str, force: bool) -> None:
    from ..engine.atomic import atomic_write_text
    if path.exists() and not force:
        raise UsageError(f"{path} already exists; give another --out or add --force to replace it.")
    if path.parent and not path.parent.is_dir():
        raise UsageError(f"The folder {path.parent} does not exist.")
    atomic_write_text(path, text)


def cmd_explain(args) -> int:
    from ..engine.api import explain
    from ..engine.explain_page import page, summary, word_rows
    adapter, base = _open_adapter(args.adapter, _load_base(args))
    col = _collect(args.paths)
    text = "\n\n".join(d.text.strip() for d in col.documents)
    if not text.strip():
        raise UsageError("There is no text to explain in what you gave.")
    if args.chars < 200:
        raise UsageError("--chars must be at least 200.")
    ex = explain(base, adapter, text, max_chars=args.chars)
    gained, lost = word_rows(ex, lambda s: s)
    label = adapter.metadata.get("label") or Path(args.adapter).stem
    out = Path(args.out) if args.out else Path(f"{Path(args.adapter).stem}-explained.html")
    names = ', '.join(Path(d.path).name for d in col.documents)
    _write_page(out, page(ex, f"{label}: {names[:200]}"), args.force)
    say(f"Wrote {out}")
    if args.json:
        print(json.dumps({"gained": [w.__dict__ for w in ex.gained], "lost": [w.__dict__ for w in ex.lost],
                          "words": ex.words, "words_better": ex.words_better, "tokens": ex.tokens,
                          "bits_base": ex.bits_base, "bits_adapted": ex.bits_adapted,
                          "chars_total": ex.chars_total, "chars_used": ex.chars_used, "page": str(out)},
                         indent=2, ensure_ascii=False))
        return 0
    print(summary(ex, lambda s: s))
    print("\nWords it now expects (total change in bits, times seen):")
    for w, row in zip(ex.gained, gained):
        print(f"  {w.bits:+7.2f}  {row}")
    print("\nWords it now expects less:")
    for w, row in zip(ex.lost, lost):
        print(f"  {w.bits:+7.2f}  {row}")
    if not ex.lost:
        print("  none")
    return 0


def add_commands(sub) -> None:
    x = sub.add_parser("explain", help="which words an adapter now expects, and a page with the text lit up")
    x.add_argument("paths", nargs="+", help="text to explain (files and folders): writing the adapter never saw")
    x.add_argument("--adapter", required=True, help="the adapter file (opened with its own base)")
    x.add_argument("--out", default=None, help="the HTML page to write (default: ADAPTER-explained.html here)")
    x.add_argument("--force", action="store_true", help="replace --out if it exists")
    x.add_argument("--chars", type=int, default=12_000,
                   help="explain at most this many characters (a seed-chosen excerpt of longer text)")
    x.add_argument("--base", default=None, help=argparse.SUPPRESS)
    x.add_argument("--json", action="store_true", help="print one JSON object")
    x.set_defaults(func=cmd_explain)
