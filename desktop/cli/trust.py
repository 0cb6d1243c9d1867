"""`normfit trust add|list|remove` and `normfit retire-key` (docs/SHARING.md, "Trust").

Registered by cli/share.add_commands; the same rules as the other commands:
results on stdout, one sentence and exit 2 for bad input.
"""
from __future__ import annotations

import json
from pathlib import Path

from .common import UsageError, say


def cmd_trust(args) -> int:
    from ..engine import folder_scan, trust
    from ..engine.untrusted import visible
    if args.action == "list":
        keys = trust.trusted_keys()
        if args.json:
            print(json.dumps([{"fingerprint": k.fingerprint, "public_key": k.public_key, "name": k.name,
                               "own": k.own, "added_utc": k.added_utc} for k in keys], indent=2, ensure_ascii=True))
        elif not keys:
            print("No trusted keys yet (your own key is made when you first share).")
        for k in [] if args.json else keys:
            print(f"{k.fingerprint}  {visible(k.name)}{'' if k.own else '  (added ' + k.added_utc + ')'}")
        return 0
    if not args.key:
        raise UsageError(f"Give the key to {args.action}: a public key, its fingerprint or an entry file.")
    if args.source is not None and not Path(args.source).is_dir():
        raise UsageError(f"The folder {visible(args.source)} does not exist.")
    signers = folder_scan.signers_in(args.source) if args.source is not None else ()
    key = trust.resolve_key(args.key, search=args.source, signers=signers)
    if args.action == "add":
        k = trust.add_trusted(key, args.name or "")
        print(f"trusted      key {k.fingerprint}{' (' + visible(k.name) + ')' if k.name else ''}\n"
              "(check this fingerprint with its owner: 'normfit trust list' shows theirs, and 'normfit share' "
              "prints it)")
    else:
        k = trust.remove_trusted(key)
        print(f"no longer trusted: key {k.fingerprint}{' (' + visible(k.name) + ')' if k.name else ''}")
    return 0


def cmd_retire_key(args) -> int:
    from ..engine.withdrawal_list import retire_key
    out = Path(args.out)
    if not out.is_dir():
        raise UsageError(f"The folder {out} does not exist.")
    if not args.yes:
        raise UsageError("Retiring your key withdraws every adapter you shared with it, for good; add --yes if you "
                         "mean it.")
    path, fp = retire_key(out, keep_key=args.ahead)
    if args.ahead:
        print(f"retirement   {path}\n(made ahead: keep it somewhere safe and apart from this computer; putting it "
              f"in a shared folder retires key {fp}. Your key is unchanged.)")
    else:
        print(f"retired      key {fp}\nretirement   {path}\n(put it in every folder you shared in; your next share "
              "makes a new key, which others must add to their trusted keys)")
        say("your old key file was kept beside the new one's place, renamed retired-*.pem")
    return 0


def add_trust_commands(sub, run) -> None:
    t = sub.add_parser("trust", help="the keys whose shared adapters you use: add, list or remove")
    t.add_argument("action", choices=("add", "list", "remove"),
                   help="add a key to your trusted keys, list them, or remove one")
    t.add_argument("key", nargs="?", default=None,
                   help="a public key, its fingerprint (16 hex digits, as 'normfit share' prints it) or an entry file")
    t.add_argument("--from", dest="source", default=None,
                   help="a shared folder to find a fingerprint's full key in (its entries)")
    t.add_argument("--name", default=None, help="a name to remember the key by, e.g. the student or school")
    t.add_argument("--json", action="store_true", help="print JSON (list)")
    t.set_defaults(func=run(cmd_trust))

    r = sub.add_parser("retire-key", help="sign 'this key is retired' (withdraws all it signed) into a folder")
    r.add_argument("--out", required=True, help="the shared folder (or, with --ahead, a safe place)")
    r.add_argument("--ahead", action="store_true",
                   help="make the retirement now but keep using the key (for the day it is lost)")
    r.add_argument("--yes", action="store_true", help="confirm: every adapter this key signed is withdrawn")
    r.set_defaults(func=run(cmd_retire_key))
