"""`normfit pretrain`: train a base model release (a tool for the project, not
for end users). Registered by cli.build_parser through add_commands(); the
training itself is desktop/engine/pretrain.py, which knows nothing of argv.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from .common import UsageError

# Options that map one to one onto PretrainConfig fields, with their help.
TUNING = [("vocab-size", int, "tokenizer vocabulary (default 4096)"), ("d-model", int, "model width (default 256)"),
          ("n-layers", int, "blocks (default 4)"), ("n-heads", int, "attention heads (default 4)"),
          ("ffn-dim", int, "feed-forward width (default 688)"),
          ("context-length", int, "tokens per window (default 256)"),
          ("batch-size", int, "windows per step (default 16)"), ("lr", float, "peak learning rate (default 3e-3)"),
          ("seed", int, "seed for data order and initialisation"), ("threads", int, "processor threads"),
          ("checkpoint-minutes", float, "minutes between checkpoints (default 10)"),
          ("warmup-steps", int, "steps of linear warm-up (default 200)"),
          ("min-lr-frac", float, "final rate as a share of the peak (default 0.1)"),
          ("base-id", str, "the release's base_id (default normfit-base-s-1)"),
          ("max-tokens", int, "use at most this many tokens of the corpus (default: all)"),
          ("muon-lr", float, "peak rate of Muon's matrix steps with --optimizer muon (default 0.02)")]


def add_commands(sub) -> None:
    p = sub.add_parser("pretrain", help="train the base model release (developers)")
    p.add_argument("--corpus", default=None,
                   help="folder of .jsonl (with a 'text' field) or .txt files (not needed when --work holds "
                        "tokens prepared earlier)")
    p.add_argument("--out", required=True, help="release folder to write (e.g. assets/base/normfit-base-s-3)")
    p.add_argument("--work", default=None, help="checkpoint folder (default: the user cache folder)")
    p.add_argument("--minutes", type=float, default=60.0, help="wall-clock training budget (default 60)")
    p.add_argument("--resume", action="store_true", help="continue from the work folder's checkpoint")
    p.add_argument("--general", default=None, help="general held-out .jsonl to report bits per byte on")
    p.add_argument("--stdlib-mb", type=float, default=10.0,
                   help="MB of the Python standard library's source to add (0 = none)")
    for name, typ, text in TUNING:
        p.add_argument(f"--{name}", type=typ, default=None, help=text)
    p.add_argument("--init-from", default=None,
                   help="release folder to continue training from (keeps its shape and tokenizer)")
    p.add_argument("--device", default="auto", choices=["auto", "cpu", "cuda", "mps"],
                   help="where to train (default: a GPU if there is one)")
    p.add_argument("--optimizer", default=None, choices=["adamw", "muon"],
                   help="adamw (default) or muon: Muon for the blocks' matrices, AdamW for the rest")
    p.add_argument("--unwrap", action="store_true", default=None,
                   help="join hard line breaks inside prose paragraphs before tokenising (code left alone)")
    p.add_argument("--ternary", action="store_true", default=None,
                   help="continue --init-from into ternary projections (quantisation-aware; written packed)")
    p.add_argument("--ternary-warmup-steps", type=int, default=None,
                   help="steps over which the ternary weights are blended in (default 0)")
    p.add_argument("--no-compile", dest="compile", action="store_false", help="skip torch.compile")
    p.add_argument("--prepare-only", action="store_true",
                   help="only tokenise the corpus into --work (to carry it to another machine), then stop")
    p.set_defaults(func=cmd_pretrain)


def config_from_args(a: argparse.Namespace):
    from platformdirs import user_cache_dir

    from ..engine.pretrain import PretrainConfig, has_prepared_tokens
    work = a.work or str(Path(user_cache_dir("normfit")) / "pretrain")
    if a.corpus is None and not has_prepared_tokens(Path(work)):
        raise UsageError(f"Give --corpus: the work folder {work} holds no prepared tokens.")
    if a.corpus is not None and not Path(a.corpus).is_dir():
        raise UsageError(f"The corpus folder {a.corpus} does not exist.")
    if a.corpus is not None and not (any(Path(a.corpus).glob("*.jsonl")) or any(Path(a.corpus).glob("*.txt"))):
        raise UsageError(f"The corpus folder {a.corpus} holds no .jsonl or .txt files.")
    if a.init_from is not None and not Path(a.init_from).is_dir():
        raise UsageError(f"The release folder {a.init_from} does not exist.")
    if a.ternary and a.init_from is None:
        raise UsageError("--ternary continues a release: give --init-from with the release folder.")
    if a.minutes <= 0:
        raise UsageError("--minutes must be more than 0.")
    kw = {k: v for k, v in vars(a).items() if k in PretrainConfig.__dataclass_fields__ and v is not None}
    kw["work"] = work
    kw.setdefault("corpus", "")
    return PretrainConfig(**kw)


def cmd_pretrain(args) -> int:
    from ..engine import pretrain
    cfg = config_from_args(args)
    if args.prepare_only:
        pretrain.prepare_only(cfg)
    else:
        pretrain.run(cfg)
    return 0
