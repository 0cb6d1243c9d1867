"""Commands that use an adapter file: eval, inspect, generate. Each adapter is
opened with the base release it names (desktop/cli.py registers these)."""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from .common import UsageError, _better, _collect, _load_base, fmt_pct, fmt_ppl, say


def _open_adapter(path, base):
    """(adapter, the base it was made for); (None, base) without a path. A bad
    file, or one for a base this copy does not ship, is a usage error (exit 2)."""
    if not path:
        return None, base
    from ..engine.api import AdapterFileError, open_adapter_with_its_base
    try:
        af, abase = open_adapter_with_its_base(path, base)
    except AdapterFileError as e:
        raise UsageError(str(e)) from None
    if abase is not base:
        say(f"Using the base model this adapter was made for: {abase.base_id}")
    return af, abase


def _eval_texts(paths) -> list[str]:
    """Documents, and JSON-lines files of {"text": ...} records (a corpus or a
    general held-out set, as the benchmarks use) read record by record."""
    from ..engine.api import general_texts
    lines = [p for p in paths if str(p).lower().endswith(".jsonl")]
    texts = []
    for p in lines:
        if not Path(p).is_file():
            raise UsageError(f"{p} does not exist.")
        try:
            texts += general_texts(p)
        except (ValueError, KeyError, UnicodeDecodeError) as e:
            raise UsageError(str(e) if isinstance(e, ValueError) else f"{p} is not UTF-8 JSON lines.") from None
    rest = [p for p in paths if p not in lines]
    if rest:
        texts += [d.text for d in _collect(rest).documents]
    if not texts:
        raise UsageError("There is no text to score in what you gave.")
    return texts


def cmd_eval(args) -> int:
    from ..engine.api import evaluate_texts
    from ..engine.evaluate import change_margin
    adapter, base = _open_adapter(args.adapter, _load_base(args))
    texts = _eval_texts(args.paths)
    rb = evaluate_texts(base, texts)
    out = {"documents": len(texts), "tokens": rb.tokens, "bytes": rb.bytes, "base_id": base.base_id,
           "base_ppl": rb.ppl, "base_bpb": rb.bpb}
    if adapter is not None:
        ra = evaluate_texts(base, texts, adapter)
        out.update(adapter_ppl=ra.ppl, adapter_bpb=ra.bpb, change_margin_pct=change_margin(rb, ra),
                   windows=len(rb.row_nll or ()))
    if args.json:
        print(json.dumps(out, indent=2))
    else:
        print(f"base model      ppl {fmt_ppl(rb.ppl)}  bits/byte {rb.bpb:.4f}  ({rb.tokens:,} tokens)")
        if adapter is not None:
            print(f"with adapter    ppl {fmt_ppl(out['adapter_ppl'])}  bits/byte {out['adapter_bpb']:.4f}  "
                  f"({_better(rb.ppl, out['adapter_ppl'])}"
                  + ("" if out["change_margin_pct"] is None else
                     f"; 95% range +-{fmt_pct(out['change_margin_pct'])}% over {out['windows']:,} windows") + ")")
    return 0


def cmd_inspect(args) -> int:
    from ..engine.api import AdapterFileError, inspect_adapter
    base = _load_base(args)
    try:
        af, own, why = inspect_adapter(args.file, base)
    except AdapterFileError as e:
        raise UsageError(str(e)) from None
    size = Path(args.file).stat().st_size
    values = sum(t.numel() for t in af.tensors.values())
    if args.json:
        print(json.dumps({"metadata": af.metadata, "bytes": size, "tensors": len(af.tensors), "values": values,
                          "fits_base": own is base, "usable": own is not None,
                          "base_id": own.base_id if own else None}, indent=2))
        return 0
    for k in sorted(af.metadata):
        print(f"{k:20} {af.metadata[k]}")
    print(f"{'file size':20} {size:,} bytes, {len(af.tensors)} tensors, {values:,} values")
    if own is base:
        where = f"yes, with {base.base_id} (the newest base)"
    elif own is not None:
        where = f"yes, with {own.base_id}, which this NormFit also ships (the newest is {base.base_id})"
    else:
        where = f"no: {why}"
    print(f"{'usable':20} {where}")
    return 0


def cmd_generate(args) -> int:
    from ..engine.api import generate
    adapter, base = _open_adapter(args.adapter, _load_base(args))
    if not args.prompt.strip():
        raise UsageError("The prompt is empty.")
    # The same settings as the window's Try it (engine/textgen.py, measured in benchmarks/RESULTS.md).
    outs = {"prompt": args.prompt.rstrip(),
            "base": generate(base, args.prompt, None, args.tokens, args.seed, args.temperature)}
    if adapter is not None:
        outs["adapter"] = generate(base, args.prompt, adapter, args.tokens, args.seed, args.temperature)
    if args.json:
        print(json.dumps(outs, indent=2, ensure_ascii=False))
    else:
        print(f"--- base model ---\n{outs['prompt']}{outs['base']}")
        if adapter is not None:
            print(f"--- with adapter ---\n{outs['prompt']}{outs['adapter']}")
    return 0


def add_commands(sub) -> None:
    e = sub.add_parser("eval", help="perplexity and bits per byte of documents, with and without an adapter")
    e.add_argument("paths", nargs="+", help="documents to score: files and folders (.jsonl: one {\"text\": ...} per line)")
    e.add_argument("--adapter", default=None, help="also score with this adapter file (opened with its own base)")
    e.add_argument("--base", default=None, help=argparse.SUPPRESS)
    e.add_argument("--json", action="store_true", help="print one JSON object")
    e.set_defaults(func=cmd_eval)

    i = sub.add_parser("inspect", help="show an adapter file's metadata and whether it fits the base")
    i.add_argument("file", help="the adapter file")
    i.add_argument("--base", default=None, help=argparse.SUPPRESS)
    i.add_argument("--json", action="store_true", help="print one JSON object")
    i.set_defaults(func=cmd_inspect)

    g = sub.add_parser("generate", help="complete a prompt with the base model and with an adapter")
    g.add_argument("prompt", help="the start of the text to continue")
    g.add_argument("--adapter", default=None, help="also continue it with this adapter (opened with its own base)")
    g.add_argument("--tokens", type=int, default=80,
                   help="write at most this many tokens (default 80; it stops earlier at a sentence end)")
    g.add_argument("--seed", type=int, default=0, help="sampling seed (default 0)")
    g.add_argument("--temperature", type=float, default=None,
                   help="sampling temperature (default: the window's, 0.7 with top-p 0.9)")
    g.add_argument("--base", default=None, help=argparse.SUPPRESS)
    g.add_argument("--json", action="store_true", help="print one JSON object")
    g.set_defaults(func=cmd_generate)
