"""The parser and main(): exit codes 0 success, 2 bad input (one line on
stderr), 1 internal error (details in the log folder), 130 cancelled."""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
import traceback
from pathlib import Path

from .. import __version__
from ..engine.methods import names
from .common import Parser, UsageError, _duplicate_reason, _reading_printer, say
from .train import cmd_compare, cmd_train


def cmd_read(args) -> int:
    """Exactly what would be learned from: text on stdout, one line per refused file on stderr."""
    from ..engine.api import collect
    col = collect(args.paths, on_event=_reading_printer())
    if args.json:
        files = [{"path": d.path, "status": "ok", "reason": None, "kind": d.kind, "characters": d.chars,
                  "words": d.words} for d in col.documents]
        files += [{"path": r.path, "status": "refused", "reason": r.reason, "characters": 0, "words": 0}
                  for r in col.refused]
        files += [{"path": p, "status": "duplicate", "reason": _duplicate_reason(col, p), "characters": 0,
                   "words": 0} for p in col.duplicates]
        print(json.dumps({"files": files, "words": col.words, "characters": col.chars}, indent=2,
                         ensure_ascii=False))
    else:
        for d in col.documents:
            print(f"===== {d.path} ({d.kind}, {d.words:,} words) =====")
            print(d.text)
    for r in col.refused:
        say(f"{r.path}: {r.reason}")
    for p in col.duplicates:
        say(f"{p}: {_duplicate_reason(col, p)}")
    return 2 if col.refused else 0


def cmd_shootout(args) -> int:
    from ..research import shootout
    return shootout.main(args)


def cmd_gui(args) -> int:
    from ..ui.app import main as gui_main
    return gui_main([])


def build_parser() -> argparse.ArgumentParser:
    p = Parser(prog="normfit", description="Personalise a small language model to your writing, offline.")
    p.add_argument("--version", action="version", version=f"NormFit {__version__}")
    p.add_argument("--selftest", action="store_true", help="check this copy of NormFit end to end and exit")
    sub = p.add_subparsers(dest="command", parser_class=Parser)

    def common_train(sp):
        sp.add_argument("paths", nargs="+", help="your documents: files and folders")
        sp.add_argument("--minutes", type=float, default=None, help="wall-clock budget (default 5)")
        sp.add_argument("--steps", type=int, default=None, help="stop after this many steps")
        sp.add_argument("--lr", type=float, default=None, help="learning rate (default: per method)")
        sp.add_argument("--seed", type=int, default=0, help="seed for the split, batches and sampling (default 0)")
        sp.add_argument("--heldout", nargs="+", default=None, help="documents to hold out for the score")
        sp.add_argument("--general", default=None, help="general text (.txt or .jsonl) for the general check")
        sp.add_argument("--device", default="auto", choices=["auto", "cpu", "cuda", "mps"],
                        help="where to compute (default: a GPU if there is one, else the processor)")
        sp.add_argument("--threads", type=int, default=None, help="processor threads (default: all usable cores)")
        sp.add_argument("--protocol", default=None, choices=["bet49", "tuned", "anchored"],
                        help="bet49: the original experiment (5 min, 100 steps, lr 5e-5, no limit); "
                             "tuned: per-method rates, no limit; anchored: the defaults")
        sp.add_argument("--max-drift", default=None, metavar="PERCENT",
                        help="keep general text within this many percent of the base (default 3), or 'none'")
        sp.add_argument("--base", default=None, help=argparse.SUPPRESS)
        sp.add_argument("--json", action="store_true", help="print one JSON object")

    t = sub.add_parser("train", help="personalise: train an adapter on your documents")
    common_train(t)
    t.add_argument("--method", default="norm", choices=list(names()),
                   help="norm: the shareable ~6 KB adapter (default); lora / full: for comparison")
    t.add_argument("--out", default=None, help="adapter file to write (default: your NormFit adapters folder)")
    t.add_argument("--force", action="store_true", help="replace --out if it exists")
    t.add_argument("--label", default=None, help="a short label stored in the adapter")
    t.set_defaults(func=cmd_train)

    c = sub.add_parser("compare", help="norm-only vs LoRA r4 vs full fine-tuning, same budget each")
    common_train(c)
    c.set_defaults(func=cmd_compare)

    from .adapters import add_commands as add_adapter_commands
    add_adapter_commands(sub)   # eval, inspect, generate: adapters with the base they name
    from .explain import add_commands as add_explain_commands
    add_explain_commands(sub)   # explain: the words an adapter learned

    r = sub.add_parser("read", help="print the text NormFit extracts from files")
    r.add_argument("paths", nargs="+", help="files and folders to read")
    r.add_argument("--json", action="store_true", help="print one JSON object")
    r.set_defaults(func=cmd_read)

    from .pretrain import add_commands as add_pretrain_commands
    add_pretrain_commands(sub)

    from ..research import shootout
    so = sub.add_parser("shootout", help="rerun the adapter comparison on the shared fixtures (developers)")
    shootout.add_arguments(so)
    so.set_defaults(func=cmd_shootout)

    from .share import add_commands as add_share_commands
    add_share_commands(sub)     # share, verify, withdraw, route, export-hf
    from .classroom import add_commands as add_class_commands
    add_class_commands(sub)     # class: one adapter per student (desktop/cli/classroom.py)
    return p


def _log_internal_error() -> Path | None:
    try:
        from ..paths import ensure, log_dir
        path = ensure(log_dir()) / "normfit-cli.log"
        with path.open("a", encoding="utf-8") as f:
            f.write(f"--- {time.strftime('%Y-%m-%d %H:%M:%S')} {' '.join(sys.argv)}\n{traceback.format_exc()}\n")
        return path
    except Exception:
        return None


def main(argv: list[str] | None = None) -> int:
    typed = argv is None          # a command run from a prompt (not called in-process)
    argv = sys.argv[1:] if argv is None else argv
    from ..sysinfo import tune_allocator
    tune_allocator()
    try:
        if not argv:
            return cmd_gui(None)
        if argv[0] == "--selftest":   # headless end-to-end check (packaged app, CI): desktop/selftest.py
            from ..selftest import main as selftest_main
            return selftest_main(argv[1:])
        args = build_parser().parse_args(argv)
        if typed:
            from ..sysinfo import process_started_at
            args.started_at = process_started_at()    # budgets count Python and PyTorch starting
        if args.command is None:
            raise UsageError("Choose a command, e.g. 'normfit train my-documents/' (see 'normfit --help').")
        return args.func(args)
    except UsageError as e:
        say(f"normfit: {e}")
        return 2
    except KeyboardInterrupt:
        say("normfit: cancelled; nothing was written.")
        return 130
    except BrokenPipeError:   # e.g. `normfit read docs/ | head`: the reader left, not an error
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return 0
    except SystemExit as e:   # --help / --version
        return int(e.code or 0)
    except Exception as e:
        from ..engine.errors import UserError
        if isinstance(e, UserError):         # already one sentence for a person
            say(f"normfit: {e}")
            return 2
        where = _log_internal_error()
        say(f"normfit: internal error: {type(e).__name__}: {e}" + (f" (details in {where})" if where else ""))
        return 1


if __name__ == "__main__":
    sys.exit(main())
