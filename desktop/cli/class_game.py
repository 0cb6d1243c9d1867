"""`normfit class FOLDER --game`: students bring a new paragraph, NormFit
guesses whose it is among the class's adapters (no training). The adapters
are the class's own output files (FOLDER/normfit-results or --out), so no
signed entry is needed; each is opened and checked against the base."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from .common import UsageError, _load_base, say


def _paragraphs(args) -> list[str]:
    if args.text:
        from ..engine.api import DocumentError, read_file
        out = []
        for f in args.text:
            try:
                out.append(read_file(f).text)
            except DocumentError as e:
                raise UsageError(f"{f}: {e}") from None
        return out
    if sys.stdin.isatty():
        say("Type or paste a paragraph, then an empty line; Ctrl+D when the game is over.")
    paras, cur = [], []
    for line in sys.stdin:
        if line.strip():
            cur.append(line.rstrip("\n"))
        elif cur:
            paras.append("\n".join(cur))
            cur = []
    if cur:
        paras.append("\n".join(cur))
    return paras


def play(args, folder: Path, out: Path | None) -> int:
    from ..engine.api import odds_message, teacher_message, verdict_message
    from ..engine.classroom import DEFAULT_OUT, load_state
    from ..engine.classroom import class_candidates
    from ..engine.routing import route
    out = out or folder / DEFAULT_OUT
    records = [r for r in load_state(out).values() if r.status == "done" and r.file]
    if len(records) < 2:
        raise UsageError(f"The game needs at least two students with an adapter in {out}; run "
                         f"`normfit class {folder}` first.")
    base = _load_base(args)
    cands, skipped = class_candidates(base, out)
    for s in skipped:
        say(f"skipped {s.path.name}: {s.reason}")
    if len(cands) < 2:
        raise UsageError(f"The game needs at least two students' adapters that open in {out}.")
    paras = _paragraphs(args)
    if not paras:
        raise UsageError("There is no paragraph to guess.")
    results = []
    for p in paras:
        routed = route(base, [p], cands, students=True)
        ranked = routed.pool
        names = [s.name for s in ranked]
        v = routed.verdict
        results.append({"guess": names[v.best], "certainty": v.word, "words": routed.words,
                        "expected_right": round(v.expected, 2),
                        "ranking": [{"name": s.name, "chance": round(v.probs[i], 4), "gain": round(s.gain, 5),
                                     "ppl": s.ppl} for i, s in enumerate(ranked)]})
        if not args.json:
            print(verdict_message(v, names, routed.words))
            odds = odds_message(v, names)
            if odds:
                print(f"  {odds}")
            for i in v.order[:5]:
                print(f"  {100 * v.probs[i]:5.1f}%  {names[i]}")
            print(f"  {teacher_message(routed.words, routed.writers)}")
    if args.json:
        print(json.dumps({"guesses": results}, indent=2, ensure_ascii=False))
    return 0
