"""Reading a shared folder that anyone can write to: a scanner no file can stop.

Every file named like an entry, a withdrawal or a withdrawal list is read as
untrusted input (untrusted.read_regular: regular files only, bounded reads),
checked against its schema and signature, and then against the reader's trust:
only keys the person chose to trust (trust.py), minus what their signers have
withdrawn or retired, wherever that was seen. Whatever goes wrong with one file,
of any kind, becomes one sentence for that file, and the rest of the folder is
still used. Routing (routing.py) and the window's Shared folder dialog use it.
"""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from . import share, trust
from .messages import QT_TRANSLATE_NOOP, as_message, msg, phrase  # noqa: F401 (not every module uses each)
from .untrusted import visible
from .withdrawal_list import LIST_SUFFIX, read_list

log = logging.getLogger(__name__)

MAX_FILES = 1000      # of each kind per folder: a folder of a million files still ends in seconds


@dataclass(frozen=True)
class Skipped:
    path: Path
    reason: str                # one sentence


@dataclass
class Policy:
    """Whose entries count. ``trusted`` None: any signer (--any-signer)."""
    trusted: frozenset[str] | None
    seen: dict[str, trust.KeyState] = field(default_factory=dict)
    keys_folder: str | Path | None = None
    remember: bool = True      # record newly seen withdrawals in the user's folder


def policy(any_signer: bool = False, expected_key: str | None = None,
           keys_folder: str | Path | None = None) -> Policy:
    """The person's trust: their own key and their trusted-keys list; only
    ``expected_key`` when given; anyone with ``any_signer``."""
    seen = trust.load_seen(keys_folder)
    if expected_key is not None:
        keys = frozenset({expected_key})
    elif any_signer:
        keys = None
    else:
        keys = frozenset(k.public_key for k in trust.trusted_keys(keys_folder))
    return Policy(keys, seen, keys_folder)


@dataclass
class Scan:
    usable: list[share.Verified]
    skipped: list[Skipped]


def _names(folder: Path) -> dict[str, list[Path]]:
    kinds = {share.ENTRY_SUFFIX: [], share.WITHDRAWAL_SUFFIX: [], LIST_SUFFIX: [], ".safetensors": []}
    with os.scandir(folder) as it:
        for d in it:
            for suffix, found in kinds.items():
                if d.name.endswith(suffix):
                    found.append(folder / d.name)
                    break
    return {k: sorted(v) for k, v in kinds.items()}


def _guarded(path: Path, skipped: list[Skipped], fn):
    """fn()'s value, or None with one sentence for this file: no failure of one
    file, of any kind, may stop the folder."""
    try:
        return fn()
    except (share.EntryError, trust.TrustError) as e:
        skipped.append(Skipped(path, as_message(e)))
    except Exception as e:     # a bug of ours must not let a file stop the folder either
        log.exception("reading %r failed", path)
        skipped.append(Skipped(path, msg(QT_TRANSLATE_NOOP("engine", "It could not be read ({name}); it was left "
                                                                     "out."), name=type(e).__name__)))
    return None


def _capped(paths: list[Path], skipped: list[Skipped], what: str) -> list[Path]:
    if len(paths) > MAX_FILES:
        skipped.append(Skipped(paths[MAX_FILES], msg(QT_TRANSLATE_NOOP("engine", "The folder holds {count} "
                                                                                 "{what}; only the first "
                                                                                 "{max_files} were read."),
                                                     count=len(paths), what=what, max_files=MAX_FILES)))
    return paths[:MAX_FILES]


def _learn_withdrawals(names, pol: Policy, skipped: list[Skipped]) -> None:
    """Fold every verified withdrawal list and single withdrawal into what the
    person has seen, and remember it for next time."""
    changed = False
    for p in _capped(names[LIST_SUFFIX], skipped, phrase(QT_TRANSLATE_NOOP("engine", "withdrawal lists"))):
        wl = _guarded(p, skipped, lambda: read_list(p))
        changed |= bool(wl) and trust.merge_list(pol.seen, wl)
    for p in _capped(names[share.WITHDRAWAL_SUFFIX], skipped, phrase(QT_TRANSLATE_NOOP("engine", "withdrawals"))):
        v = _guarded(p, skipped, lambda: share.verify(p))
        if v is not None and not v.withdrawal:
            skipped.append(Skipped(p, msg(QT_TRANSLATE_NOOP("engine", "It is named like a withdrawal but is an "
                                                                      "entry; it was not used."))))
        elif v is not None:
            changed |= trust.merge_single(pol.seen, v.entry)
    if changed and pol.remember:
        try:
            trust.save_seen(pol.seen, pol.keys_folder)
        except (OSError, trust.TrustError):
            log.warning("could not remember the withdrawals seen", exc_info=True)


def why_not(entry: dict, pol: Policy) -> str | None:
    """Why a verified entry may not be used under ``pol``; None if it may."""
    key = entry["public_key"]
    st = pol.seen.get(key)
    if st is not None and st.retired:
        return msg(QT_TRANSLATE_NOOP("engine", "Its signer retired key {key}, which withdraws everything that key "
                                               "signed."), key=share.fingerprint(key))
    if st is not None and entry["adapter_sha256"] in st.withdraws:
        return msg(QT_TRANSLATE_NOOP("engine", "Its author withdrew this adapter."))
    if pol.trusted is not None and key not in pol.trusted:
        return (msg(QT_TRANSLATE_NOOP("engine", "It is signed by key {key}, which you have not chosen to trust "
                                                "(normfit trust add, or Shared folder... in the window)."),
                    key=share.fingerprint(key)))
    return None


def _entry(p: Path, known: dict[str, str], pol: Policy):
    v = share.verify(p, known=known)
    if v.withdrawal:
        raise share.EntryError("not_entry", msg(QT_TRANSLATE_NOOP("engine", "It is a withdrawal named like an "
                                                                            "entry; it was not used as one.")))
    why = why_not(v.entry, pol)
    if why:
        raise share.EntryError("not_trusted", why)
    return v


def scan_folder(folder: str | Path, known: dict[str, str], pol: Policy) -> Scan:
    """Every usable (verified, trusted, not withdrawn) entry in ``folder`` and
    one sentence for every other file named like an entry, withdrawal or list."""
    folder = Path(folder)
    skipped: list[Skipped] = []
    try:
        names = _names(folder)
    except OSError as e:
        return Scan([], [Skipped(folder, msg(QT_TRANSLATE_NOOP("engine", "The folder cannot be read ({why})."),
                                             why=visible(e.strerror or e)))])
    _learn_withdrawals(names, pol, skipped)
    usable = []
    for p in _capped(names[share.ENTRY_SUFFIX], skipped, phrase(QT_TRANSLATE_NOOP("engine", "entries"))):
        v = _guarded(p, skipped, lambda: _entry(p, known, pol))
        if v is not None:
            usable.append(v)
    return Scan(usable, skipped)


def loose_adapters(folder: str | Path, scan: Scan) -> list[Path]:
    """Adapter files in ``folder`` that no entry (good or bad) names."""
    folder = Path(folder)
    named = {share.adapter_next_to(s.path).name for s in scan.skipped if s.path.name.endswith(share.ENTRY_SUFFIX)}
    named |= {v.adapter.name for v in scan.usable if v.adapter is not None}
    try:
        names = _names(folder)
    except OSError:
        return []
    entries = {share.adapter_next_to(e).name for e in names[share.ENTRY_SUFFIX]}
    return [a for a in names[".safetensors"][:MAX_FILES] if a.name not in named | entries]


def signers_in(folder: str | Path) -> list[str]:
    """The public keys whose signatures verify on entries in ``folder``, trusted or not."""
    out: list[str] = []
    try:
        names = _names(Path(folder))
    except OSError:
        return out
    for p in names[share.ENTRY_SUFFIX][:MAX_FILES]:
        try:
            e = share.read_entry(p)
            share.check_signature(e)
        except Exception:          # noqa: BLE001 - any unreadable file simply names no signer
            continue
        if e["public_key"] not in out:
            out.append(e["public_key"])
    return out


@dataclass(frozen=True)
class Row:
    """One file of a shared folder as the window lists it."""
    path: Path
    label: str                 # cleaned, may be ""
    public_key: str | None     # the signer, when the signature verifies
    status: str                # "used", "untrusted" or "skipped"
    reason: str = ""           # one sentence, for "untrusted" and "skipped"

    @property
    def fingerprint(self) -> str:
        return share.fingerprint(self.public_key) if self.public_key else ""


def overview(folder: str | Path, known: dict[str, str], keys_folder: str | Path | None = None) -> list[Row]:
    """What the window's Shared folder dialog shows: every entry that verifies
    (used, or signed by a key not trusted yet, so the person can choose to trust
    it), then every other file with its sentence. Like scan_folder, no file can
    stop it."""
    from .names import clean_label
    mine = policy(keys_folder=keys_folder)
    wide = Policy(None, mine.seen, keys_folder)
    scan = scan_folder(folder, known, wide)
    rows = []
    for v in scan.usable:
        label = clean_label(v.entry.get("label")) or ""
        why = why_not(v.entry, mine)
        rows.append(Row(v.adapter, label, v.entry["public_key"], "untrusted" if why else "used", why or ""))
    for a in loose_adapters(folder, scan):
        scan.skipped.append(Skipped(a, msg(QT_TRANSLATE_NOOP("engine", "It has no signed directory entry next to "
                                                                       "it."))))
    rows.sort(key=lambda r: r.status != "used")       # used first, each group in file order
    rows += [Row(s.path, "", None, "skipped", s.reason) for s in scan.skipped]
    return rows
