"""Command-line commands for sharing and using adapters elsewhere:
`share`, `verify`, `withdraw`, `route` and `export-hf` (docs/SHARING.md).

Registered by cli.build_parser through add_commands(); same rules as the rest
of the command line: results on stdout, progress on stderr, exit 2 with one
sentence for bad input (cli.UsageError).
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from .common import UsageError, _collect, _load_base, fmt_pct, fmt_ppl, say


def _engine_errors():
    from ..engine.adapter_file import AdapterFileError
    from ..engine.hf_export import ExportError
    from ..engine.share import EntryError
    from ..engine.trust import TrustError
    return (AdapterFileError, EntryError, ExportError, TrustError)


def _run(fn):
    """Turn the engine's one-sentence errors and file-system failures into usage errors (exit 2)."""
    def wrapped(args):
        try:
            return fn(args)
        except _engine_errors() as e:
            raise UsageError(str(e)) from None
        except PermissionError as e:
            raise UsageError(f"NormFit may not write to {e.filename or 'that folder'}; choose another folder "
                             "with --out.") from None
        except OSError as e:
            import errno
            if e.errno is None:
                raise
            if e.errno == errno.ENOSPC:
                raise UsageError(f"Could not write the files ({e.strerror}); free some space or choose "
                                 "another folder with --out.") from None
            raise UsageError(f"Could not use {e.filename or 'a file'} ({e.strerror or e}).") from None
    return wrapped


def _out_dir(args) -> Path:
    """--out if given (it must exist), else the user's shared folder."""
    from ..paths import ensure, shared_dir
    if args.out is None:
        return ensure(shared_dir())
    out = Path(args.out)
    if not out.is_dir():
        raise UsageError(f"The folder {out} does not exist.")
    return out


def _key_arg(text: str | None) -> str | None:
    """--key as given, in any base64 spelling of the key; refused if it is not one."""
    if text is None:
        return None
    from ..engine.untrusted import key_from_user, visible
    key = key_from_user(text)
    if key is None:
        raise UsageError(f"--key '{visible(text, 40)}' is not a public key (32 bytes in base64, as 'normfit share' "
                         "prints it).")
    return key


def _known(args) -> dict[str, str]:
    from ..engine.share import known_bases
    return known_bases(getattr(args, "base", None))


# ------------------------------------------------------------------ commands
def cmd_share(args) -> int:
    from ..engine.api import open_adapter
    from ..engine.share import SHARE_NOTE, share_adapter
    from ..engine.adapter_file import parse, read_limited
    out = _out_dir(args)
    base = _load_base(args)
    if parse(read_limited(args.adapter)).base_sha256 == base.sha256:
        open_adapter(args.adapter, base)    # also check its tensors against the loaded base's shapes
    # (share_adapter itself checks the format and that the base is one NormFit ships)
    shared = share_adapter(args.adapter, out, args.label, known=_known(args))
    e = shared.entry_data
    if args.json:
        print(json.dumps({"adapter": str(shared.adapter), "entry": str(shared.entry), "public_key": e["public_key"],
                          "fingerprint": shared.fingerprint, "adapter_sha256": e["adapter_sha256"]}, indent=2))
    else:
        say(SHARE_NOTE)
        print(f"adapter      {shared.adapter}\nentry        {shared.entry}\n"
              f"signed by    key {shared.fingerprint} (public key {e['public_key']})")
    return 0


def _twin_note(args, v) -> str | None:
    """For a withdrawal: refuse one that does not fit the entry beside it. For an
    entry: the date its author withdrew it, if a valid withdrawal lies beside it."""
    from ..engine.share import ENTRY_SUFFIX, WITHDRAWAL_SUFFIX, EntryError, read_entry, verify, withdrawal_applies
    p = Path(args.entry)
    e = v.entry
    if v.withdrawal:
        twin = p.with_name(p.name.replace(WITHDRAWAL_SUFFIX, ENTRY_SUFFIX))
        if twin != p and twin.is_file():
            original = read_entry(twin)
            if original.get("public_key") != e.get("public_key"):
                raise EntryError("wrong_key", "This withdrawal was signed by a different key than the entry it "
                                              "withdraws, so it does not count.")
            if not withdrawal_applies(e, original):
                raise EntryError("other_adapter", "This withdrawal is for a different adapter than the entry next "
                                                  "to it (it was copied here from elsewhere), so it does not "
                                                  "withdraw that entry.")
        return None
    twin = p.with_name(p.name.replace(ENTRY_SUFFIX, WITHDRAWAL_SUFFIX))
    if twin != p and twin.is_file():
        try:
            w = verify(twin).entry
            return w["signed_utc"] if withdrawal_applies(w, e) else None
        except EntryError:
            return None
    return None


def _verify_list(args) -> int:
    from ..engine.share import fingerprint
    from ..engine.withdrawal_list import read_list
    wl = read_list(args.entry)
    key = _key_arg(args.key)
    if key is not None and wl["public_key"] != key:
        raise UsageError(f"This withdrawal list was signed by key {fingerprint(wl['public_key'])}, not by the key "
                         f"you expected ({fingerprint(key)}).")
    if args.json:
        print(json.dumps({"ok": True, "withdrawal_list": wl, "fingerprint": fingerprint(wl["public_key"])}, indent=2))
        return 0
    print(f"ok: withdrawal list {wl['serial']} of key {fingerprint(wl['public_key'])}, signed {wl['signed_utc']}: "
          + ("the key is retired (everything it signed is withdrawn)" if wl["retired"] else
             f"{len(wl['withdraws']):,} adapters withdrawn"))
    return 0


def _trust_note(public_key: str) -> str | None:
    from ..engine import trust
    try:
        keys = {k.public_key for k in trust.trusted_keys()}
    except trust.TrustError:
        return None
    if public_key in keys:
        return None
    return ("note: you have not chosen to trust this key, so route and the window do not use it "
            "('normfit trust add' after checking the fingerprint with its owner)")


def cmd_verify(args) -> int:
    from ..engine.share import verify
    from ..engine.untrusted import visible
    from ..engine.withdrawal_list import LIST_SUFFIX
    if str(args.entry).endswith(LIST_SUFFIX):
        return _verify_list(args)
    v = verify(args.entry, args.adapter, _key_arg(args.key), _known(args))
    e = v.entry
    withdrawn = _twin_note(args, v)
    if args.json:
        print(json.dumps({"ok": True, "withdrawal": v.withdrawal, "withdrawn_utc": withdrawn, "entry": e,
                          "fingerprint": v.fingerprint}, indent=2, ensure_ascii=True))
        return 0
    label = f", label '{visible(e['label'])}'" if e.get("label") else ""
    if v.withdrawal:
        print(f"ok: a withdrawal of adapter {e['withdraws'][:16]}... signed {e['signed_utc']} by key "
              f"{v.fingerprint}")
    else:
        print(f"ok: adapter {visible(v.adapter.name)} ({e['adapter_bytes']:,} bytes, {e['method']}, for "
              f"{e['base_id']}{label}) is the one this entry vouches for, signed by key {v.fingerprint}")
        if withdrawn:
            print(f"note: its author withdrew it on {withdrawn}")
        note = _trust_note(e["public_key"])
        if note:
            print(note)
    return 0


def cmd_withdraw(args) -> int:
    from ..engine.withdrawal_list import withdraw_everywhere
    out = _out_dir(args)
    single, wl = withdraw_everywhere(args.entry, out)
    if args.json:
        print(json.dumps({"withdrawal": str(single), "withdrawal_list": str(wl)}, indent=2))
    else:
        print(f"withdrawal   {single}\nlist         {wl}\n(put both where the entry was shared, e.g. with --out "
              "on that folder; the list counts wherever it has been seen once)")
    return 0


def _is_path(arg: str) -> bool:
    try:
        return Path(arg).exists()
    except (OSError, ValueError):     # a long text is too long to be a file name
        return False


def _texts(inputs: list[str]) -> list[str]:
    """Arguments naming files or folders are read; any other argument is the text itself."""
    paths = [a for a in inputs if _is_path(a)]
    literal = [a for a in inputs if not _is_path(a)]
    texts = [d.text for d in _collect(paths, "text").documents] if paths else []
    if literal:
        say(f"scoring {sum(len(t) for t in literal):,} characters given on the command line as text "
            "(they are not files or folders)")
    texts += [t for t in literal if t.strip()]
    if not texts:
        raise UsageError("There is no text to score.")
    return texts


def cmd_route(args) -> int:
    from ..engine.routing import BASE_NAME, route_folder
    from ..engine.untrusted import visible
    folder = Path(args.adapters)
    if not folder.is_dir():
        raise UsageError(f"The folder {visible(folder)} does not exist.")
    key = _key_arg(args.key)
    base = _load_base(args)
    texts = _texts(args.inputs)
    if args.any_signer and key is None:
        say("--any-signer: using entries signed by ANY key, including keys you have not chosen to trust; "
            "anyone who can write to that folder can put an adapter in front of you")
    routed = route_folder(base, texts, folder, args.include_unsigned, key, any_signer=args.any_signer)
    for s in routed.skipped:
        say(f"skipped {visible(s.path.name, 80)}: {s.reason}")
    from ..engine.api import odds_message, teacher_message
    best, runner = routed.best, routed.runner_up
    base_s, v = routed.base_score(), routed.verdict
    if args.json:
        print(json.dumps({
            "best": best.name, "best_is_base": best.name == BASE_NAME,
            "runner_up": runner.name if runner else None, "tokens": best.tokens, "words": routed.words,
            "certainty": v.word if v else None, "expected_right": round(v.expected, 2) if v else None,
            "scores": [{"name": s.name, "chance": round(s.prob, 4), "gain": round(s.gain, 5),
                        "ppl": s.ppl, "bpb": s.bpb, "signer": s.fingerprint} for s in routed.scores],
            "skipped": [{"file": visible(s.path.name), "reason": s.reason} for s in routed.skipped]},
            indent=2, ensure_ascii=True))
        return 0
    for s in routed.scores:
        print(f"{100 * s.prob:5.1f}%  {fmt_ppl(s.ppl):>10} ppl  {s.bpb:.4f} bits/byte  {s.name}")
    if v is None:
        print("No adapter in that folder could be used; only the base model was scored.")
        return 0
    if best.name == BASE_NAME:
        print("Best fit: the base model itself; no adapter fits this text better."
              + (" The text is too short to tell." if v.word == "too-short" else ""))
    else:
        print(f"Best fit: {best.name}, {fmt_pct(100 * (1 - best.ppl / base_s.ppl))}% lower perplexity than the "
              f"base model ({best.tokens:,} tokens scored). {certainty_sentence(v.word)}")
    names = [s.name for s in routed.pool]
    odds = odds_message(v, names)
    if odds:
        print(odds)
    print(teacher_message(routed.words, routed.writers))
    return 0


def certainty_sentence(word: str) -> str:
    return {"clear": "Clear.", "probably": "Probably.", "not-sure": "Not sure.",
            "too-short": "The text is too short to tell."}[word]


def cmd_export_hf(args) -> int:
    from ..engine.api import open_adapter_with_its_base
    from ..engine.hf_export import export_hf
    out = Path(args.out)
    if out.exists() and (not out.is_dir() or any(out.iterdir())) and not args.force:
        raise UsageError(f"{out} already exists and is not empty; add --force to write into it.")
    if not out.parent.is_dir():
        raise UsageError(f"The folder {out.parent} does not exist.")
    base = _load_base(args)
    adapter = None
    if args.adapter:   # exported with the base release it was made for
        adapter, base = open_adapter_with_its_base(args.adapter, base)
    ex = export_hf(base, out, adapter)
    if args.json:
        print(json.dumps({"folder": str(ex.folder), "files": [str(f) for f in ex.files]}, indent=2))
    else:
        print(f"wrote {len(ex.files)} files into {ex.folder} (how to load them: {ex.folder / 'README.md'})")
    return 0


# ------------------------------------------------------------------ parser
def add_commands(sub) -> None:
    """Called from cli.build_parser with its sub-parsers."""
    key_help = "the public key (base64) the signer must have, e.g. from their earlier 'normfit share'"

    s = sub.add_parser("share", help="write an adapter and its signed directory entry into a folder to share")
    s.add_argument("adapter", help="the adapter file to share (.safetensors)")
    s.add_argument("--out", default=None, help="folder to write into, e.g. a USB stick (default: your NormFit "
                                               "shared folder)")
    s.add_argument("--label", default=None, help="a label to show others (default: the adapter's own; '' for none)")
    s.add_argument("--base", default=None, help=argparse.SUPPRESS)
    s.add_argument("--json", action="store_true", help="print one JSON object")
    s.set_defaults(func=_run(cmd_share))

    v = sub.add_parser("verify", help="check a directory entry or withdrawal: signature, adapter, base")
    v.add_argument("entry", help="the entry (.entry.json) or withdrawal (.withdrawal.json) file")
    v.add_argument("--adapter", default=None, help="the adapter file (default: the one named like the entry, "
                                                   "next to it)")
    v.add_argument("--key", default=None, help=key_help)
    v.add_argument("--base", default=None, help=argparse.SUPPRESS)
    v.add_argument("--json", action="store_true", help="print one JSON object")
    v.set_defaults(func=_run(cmd_verify))

    w = sub.add_parser("withdraw", help="write a signed withdrawal for an entry you shared")
    w.add_argument("entry", help="your entry file (.entry.json)")
    w.add_argument("--out", default=None, help="folder to write into, e.g. where the entry was shared "
                                               "(default: your NormFit shared folder)")
    w.add_argument("--json", action="store_true", help="print one JSON object")
    w.set_defaults(func=_run(cmd_withdraw))

    from .trust import add_trust_commands
    add_trust_commands(sub, _run)

    r = sub.add_parser("route", help="which adapter in a folder fits a text best, and by how much")
    r.add_argument("inputs", nargs="+", metavar="TEXT_OR_FILES",
                   help="files or folders to read; any other argument is scored as text itself")
    r.add_argument("--adapters", required=True, help="folder of shared adapters and their entries")
    r.add_argument("--include-unsigned", action="store_true",
                   help="also score adapters with no signed entry (e.g. a lab's own folder)")
    r.add_argument("--key", default=None, help=key_help + "; only entries signed by it are used")
    r.add_argument("--any-signer", action="store_true",
                   help="use entries signed by any key, not only keys you trust (see 'normfit trust')")
    r.add_argument("--base", default=None, help=argparse.SUPPRESS)
    r.add_argument("--json", action="store_true", help="print one JSON object")
    r.set_defaults(func=_run(cmd_route))

    x = sub.add_parser("export-hf", help="write the base (and an adapter) for Hugging Face transformers + peft")
    x.add_argument("adapter", nargs="?", default=None, help="a norm-only adapter to export as a PEFT LN-tuning "
                                                            "adapter (optional)")
    x.add_argument("--out", required=True, help="folder to create (README.md, base/, adapter/)")
    x.add_argument("--force", action="store_true", help="write into --out even if it is not empty")
    x.add_argument("--base", default=None, help=argparse.SUPPRESS)
    x.add_argument("--json", action="store_true", help="print one JSON object")
    x.set_defaults(func=_run(cmd_export_hf))
