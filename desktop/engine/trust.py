"""Whom to trust, and what signers have taken back (docs/SHARING.md, "Trust").

minisign's rule: a signature counts only when it was made by a key the user
chose to trust. A lab's shared folder is written by many hands, so routing uses
only entries signed by a **trusted key**: the person's own, and those added to
the trusted-keys list (``normfit trust add``, or the window's Shared folder
dialog), each shown by fingerprint so it can be checked aloud.

Withdrawals travel as a signed, versioned **withdrawal list** per key (TUF's
versioned metadata: a higher ``serial`` replaces a lower one, never the
reverse, so an old list put back cannot undo a withdrawal). A list that says
``retired`` ends the key: everything it signed is withdrawn, for good. Every
list NormFit verifies is remembered in the user's own folder, so a withdrawal
seen once is honoured in every folder afterwards, even when its file is gone.

Both records live in the keys folder; they are the user's own files, not
untrusted input, but are still read with bounds and refused in one sentence
when damaged.
"""
from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from . import share
from .errors import UserError
from .messages import QT_TRANSLATE_NOOP, as_message, msg, phrase  # noqa: F401 (not every module uses each)
from .untrusted import UnreadableFile, read_regular, visible

TRUSTED_FILE = "trusted-keys.json"
SEEN_FILE = "withdrawals-seen.json"
MAX_LOCAL_BYTES = 4 * 1024 * 1024
NAME_LIMIT = 60


class TrustError(UserError):
    """str(e) is one sentence for a person."""


def _keys_folder(folder: str | Path | None) -> Path:
    from ..paths import keys_dir
    return Path(folder) if folder is not None else keys_dir()


def _read_json(path: Path, what: str) -> dict | None:
    if not os.path.lexists(path):
        return None
    try:
        data = json.loads(read_regular(path, MAX_LOCAL_BYTES, what).decode("utf-8"))
    except UnreadableFile as e:
        raise TrustError(as_message(e)) from None
    except (ValueError, RecursionError):
        raise TrustError(msg(QT_TRANSLATE_NOOP("engine", "Your {what} ({path}) is damaged; move it away to start "
                                                         "it again."), what=what, path=visible(path))) from None
    if not isinstance(data, dict):
        raise TrustError(msg(QT_TRANSLATE_NOOP("engine", "Your {what} ({path}) is damaged; move it away to start "
                                                         "it again."), what=what, path=visible(path)))
    return data


def _write_json(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    share.atomic_write(path, (json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode(),
                       mode=0o600)


# ------------------------------------------------------------------ trusted keys
@dataclass(frozen=True)
class TrustedKey:
    public_key: str
    name: str
    added_utc: str
    own: bool = False

    @property
    def fingerprint(self) -> str:
        return share.fingerprint(self.public_key)


def own_public_key(folder: str | Path | None = None) -> str | None:
    """This person's public key if they have one (never makes one: reading a
    folder must not create a key), None if absent or unusable."""
    if not os.path.lexists(share.key_path(folder)):
        return None
    try:
        return share.public_key_b64(share.load_or_create_key(folder))
    except share.EntryError:
        return None


def trusted_keys(folder: str | Path | None = None) -> list[TrustedKey]:
    """The person's own key first (if any), then the list, oldest first."""
    data = _read_json(_keys_folder(folder) / TRUSTED_FILE, phrase(QT_TRANSLATE_NOOP("engine", "trusted-keys list"))) or {}
    out = []
    own = own_public_key(folder)
    if own:
        out.append(TrustedKey(own, "your own key", "", own=True))
    for k in data.get("keys", []) if isinstance(data.get("keys"), list) else []:
        if isinstance(k, dict) and share.canonical_b64(k.get("public_key"), 32) and k["public_key"] != own:
            out.append(TrustedKey(k["public_key"], str(k.get("name", ""))[:NAME_LIMIT], str(k.get("added_utc", ""))))
    return out


def _save_trusted(keys: list[TrustedKey], folder) -> None:
    _write_json(_keys_folder(folder) / TRUSTED_FILE, {
        "format": "normfit.trusted-keys", "version": 1,
        "keys": [{"public_key": k.public_key, "name": k.name, "added_utc": k.added_utc} for k in keys if not k.own]})


def add_trusted(public_key: str, name: str = "", folder: str | Path | None = None) -> TrustedKey:
    from .names import clean_label
    keys = trusted_keys(folder)
    for k in keys:
        if k.public_key == public_key:
            return k
    new = TrustedKey(public_key, clean_label(name) or "", share.utc_now())
    _save_trusted(keys + [new], folder)
    return new


def remove_trusted(public_key: str, folder: str | Path | None = None) -> TrustedKey:
    keys = trusted_keys(folder)
    hit = [k for k in keys if k.public_key == public_key]
    if not hit:
        raise TrustError(msg(QT_TRANSLATE_NOOP("engine", "Key {public_key} is not on your trusted-keys list."),
                             public_key=share.fingerprint(public_key)))
    if hit[0].own:
        raise TrustError(msg(QT_TRANSLATE_NOOP("engine", "That is your own key; your own adapters are always "
                                                         "trusted.")))
    _save_trusted([k for k in keys if k.public_key != public_key], folder)
    return hit[0]


def resolve_key(text: str, keys_folder: str | Path | None = None, search: str | Path | None = None,
                signers: Iterable[str] = ()) -> str:
    """A public key from what a person typed: the key itself (any base64
    spelling), a fingerprint (found on the trusted list or among ``signers``,
    the keys that signed entries in folder ``search``: folder_scan.signers_in,
    given by the caller because the scanner builds on this module), or an entry
    file (its signer)."""
    from .untrusted import key_from_user
    key = key_from_user(text)
    if key:
        return key
    p = Path(text)
    if text.endswith(share.ENTRY_SUFFIX) and os.path.lexists(p):
        entry = share.read_entry(p)
        share.check_signature(entry)
        return entry["public_key"]
    fp = " ".join("".join(str(text).split()).lower()[i:i + 4] for i in range(0, 16, 4))
    if len(fp) != 19 or any(c not in "0123456789abcdef " for c in fp):
        raise TrustError(msg(QT_TRANSLATE_NOOP("engine", "'{text}' is not a public key, a key fingerprint (16 hex "
                                                         "digits) or an entry file."), text=visible(text, 40)))
    for k in trusted_keys(keys_folder):
        if k.fingerprint == fp:
            return k.public_key
    for key in signers:
        if share.fingerprint(key) == fp:
            return key
    if search is not None:
        raise TrustError(msg(QT_TRANSLATE_NOOP("engine", "No key with fingerprint {fp} was found among the signed "
                                                         "entries in {folder}; give the folder it was shared in with "
                                                         "--from, or the whole public key."),
                             fp=fp, folder=visible(search)))
    raise TrustError(msg(QT_TRANSLATE_NOOP("engine", "No key with fingerprint {fp} was found; give the folder it was "
                                                     "shared in with --from, or the whole public key."), fp=fp))


# ------------------------------------------------------------------ withdrawal lists
@dataclass
class KeyState:
    """What is known of one key's withdrawals: the newest list seen (its serial
    and what it withdraws), whether the key is retired, and the single
    withdrawals (.withdrawal.json) seen, which are never undone."""
    serial: int = 0
    retired: bool = False
    listed: set[str] = field(default_factory=set)
    single: set[str] = field(default_factory=set)

    @property
    def withdraws(self) -> set[str]:
        return self.listed | self.single


def _hexes(xs) -> set[str]:
    return {w for w in xs if isinstance(w, str) and len(w) == 64} if isinstance(xs, list) else set()


def load_seen(folder: str | Path | None = None) -> dict[str, KeyState]:
    data = _read_json(_keys_folder(folder) / SEEN_FILE, phrase(QT_TRANSLATE_NOOP("engine", "record of withdrawals "
                                                                                           "seen"))) or {}
    out = {}
    for key, st in (data.get("keys") or {}).items() if isinstance(data.get("keys"), dict) else ():
        if share.canonical_b64(key, 32) and isinstance(st, dict):
            out[key] = KeyState(st["serial"] if type(st.get("serial")) is int else 0, st.get("retired") is True,
                                _hexes(st.get("listed")), _hexes(st.get("single")))
    return out


def save_seen(seen: dict[str, KeyState], folder: str | Path | None = None) -> None:
    _write_json(_keys_folder(folder) / SEEN_FILE, {"format": "normfit.withdrawals-seen", "version": 1, "keys": {
        k: {"serial": s.serial, "retired": s.retired, "listed": sorted(s.listed), "single": sorted(s.single)}
        for k, s in seen.items()}})


def merge_list(seen: dict[str, KeyState], wl: dict) -> bool:
    """Fold a verified withdrawal list into ``seen``; True if anything changed.
    A newer list (higher serial) replaces the older one; an older or equal one
    is an old list put back and changes nothing (TUF's rollback rule). A
    retirement is final, whatever its serial: a retirement made ahead and kept
    on a stick carries an old serial, and a thief's newer list must not undo it."""
    st = seen.setdefault(wl["public_key"], KeyState())
    if st.retired:
        return False
    if not wl["retired"] and wl["serial"] <= st.serial:
        return False
    st.serial = max(st.serial, wl["serial"])
    st.retired = wl["retired"]
    st.listed = set(wl["withdraws"])
    return True


def merge_single(seen: dict[str, KeyState], withdrawal: dict) -> bool:
    """A verified single withdrawal (.withdrawal.json): remembered for good."""
    st = seen.setdefault(withdrawal["public_key"], KeyState())
    if withdrawal["withdraws"] in st.single:
        return False
    st.single.add(withdrawal["withdraws"])
    return True


def next_serial(previous: int) -> int:
    # The signing time in seconds, so a reinstalled NormFit that forgot its last
    # serial still signs a newer one; +1 when two lists are signed in one second.
    return max(previous + 1, int(time.time()))
