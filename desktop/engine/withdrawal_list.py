"""A key's signed withdrawal list (format ``normfit.withdrawals``, version 1).

One file per key, ``normfit-key-<fingerprint>.withdrawals.json``, beside the
entries it concerns or anywhere else a reader may find it:

    {"format": "normfit.withdrawals", "version": 1, "public_key": <base64>,
     "serial": <integer, higher = newer>, "signed_utc": "...",
     "withdraws": [<adapter sha256>, ... sorted, no repeats], "retired": false,
     "signature": <Ed25519 over the canonical bytes, as for entries>}

``retired: true`` says the key is finished: everything it signed is withdrawn
and nothing it signs later counts. Checked as strictly as an entry (exact keys,
types, canonical base64) and read with the same bounded, regular-file-only read.
"""
from __future__ import annotations

import base64
import json
import re

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from . import share
from .messages import QT_TRANSLATE_NOOP, as_message, msg, phrase  # noqa: F401 (not every module uses each)
from .untrusted import UnreadableFile, canonical_b64, read_regular, visible

LIST_FORMAT = "normfit.withdrawals"
LIST_SUFFIX = ".withdrawals.json"
MAX_WITHDRAWS = 4096
MAX_LIST_BYTES = 512 * 1024
MAX_SERIAL = 2 ** 53          # exact in every JSON reader
_KEYS = {"format", "version", "public_key", "serial", "signed_utc", "withdraws", "retired", "signature"}
_HEX64 = re.compile(r"[0-9a-f]{64}")
_UTC = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")


def list_name(public_key: str) -> str:
    return f"normfit-key-{share.fingerprint(public_key).replace(' ', '')}{LIST_SUFFIX}"


def make_list(key: Ed25519PrivateKey, serial: int, withdraws, retired: bool = False) -> dict:
    body = {"format": LIST_FORMAT, "version": 1, "public_key": share.public_key_b64(key), "serial": serial,
            "signed_utc": share.utc_now(), "withdraws": sorted(set(withdraws)), "retired": bool(retired)}
    body["signature"] = base64.b64encode(key.sign(share.canonical_bytes(body))).decode("ascii")
    return body


def _bad(why: str) -> share.EntryError:
    return share.EntryError("damaged_list", msg(QT_TRANSLATE_NOOP("engine", "This withdrawal list is damaged: "
                                                                            "{why}."), why=why))


def check_list(wl) -> dict:
    """``wl`` if it is a well-formed list whose signature verifies; EntryError (one sentence) otherwise."""
    if not isinstance(wl, dict) or wl.get("format") != LIST_FORMAT:
        raise share.EntryError("damaged_list", msg(QT_TRANSLATE_NOOP("engine", "This is not a NormFit withdrawal "
                                                                               "list (wrong 'format').")))
    if set(wl) != _KEYS:
        raise _bad(msg(QT_TRANSLATE_NOOP("engine", "its fields are not exactly those of a version-1 list")))
    v, serial, retired, w = wl["version"], wl["serial"], wl["retired"], wl["withdraws"]
    if type(v) is not int or v != 1:
        raise share.EntryError("damaged_list", msg(QT_TRANSLATE_NOOP("engine", "This withdrawal list uses version "
                                                                               "'{v}', which this NormFit does "
                                                                               "not know; update NormFit."),
                                                   v=visible(v, 12)))
    if type(serial) is not int or not 0 < serial < MAX_SERIAL:
        raise _bad(msg(QT_TRANSLATE_NOOP("engine", "its serial is not a positive whole number")))
    if type(retired) is not bool:
        raise _bad(msg(QT_TRANSLATE_NOOP("engine", "'retired' is not true or false")))
    if not isinstance(wl["signed_utc"], str) or not _UTC.fullmatch(wl["signed_utc"]):
        raise _bad(msg(QT_TRANSLATE_NOOP("engine", "its signing time is not a time like 2026-01-31T12:00:00Z")))
    if not isinstance(w, list) or len(w) > MAX_WITHDRAWS or \
            not all(isinstance(x, str) and _HEX64.fullmatch(x) for x in w) or w != sorted(set(w)):
        raise _bad(msg(QT_TRANSLATE_NOOP("engine", "'withdraws' is not a sorted list of at most {max_withdraws} "
                                                   "adapter checksums"), max_withdraws=MAX_WITHDRAWS))
    raw_key, sig = canonical_b64(wl["public_key"], 32), canonical_b64(wl["signature"], 64)
    if raw_key is None or sig is None:
        raise _bad(msg(QT_TRANSLATE_NOOP("engine", "its key or signature is not spelled as standard base64 of the "
                                                   "right length")))
    try:
        Ed25519PublicKey.from_public_bytes(raw_key).verify(sig, share.canonical_bytes(wl))
    except (InvalidSignature, ValueError):
        raise share.EntryError("bad_signature", msg(QT_TRANSLATE_NOOP("engine", "This withdrawal list does not "
                                                                                "match its signature: it was "
                                                                                "changed after it was signed."))) from None
    return wl


def read_list(path) -> dict:
    try:
        text = read_regular(path, MAX_LIST_BYTES, phrase(QT_TRANSLATE_NOOP("engine", "NormFit withdrawal list"))).decode("utf-8")
        wl = json.loads(text, object_pairs_hook=share._no_duplicates, parse_float=share._no_floats,
                        parse_constant=share._no_floats)
    except UnreadableFile as e:
        raise share.EntryError("damaged_list", as_message(e)) from None
    except (ValueError, RecursionError):     # not UTF-8, not JSON, a duplicated key, a fraction
        raise _bad(msg(QT_TRANSLATE_NOOP("engine", "it is not valid JSON of the right kind"))) from None
    return check_list(wl)


def list_text(wl: dict) -> bytes:
    return (json.dumps(wl, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


# ------------------------------------------------------------------ the person's own list
def _publish(key: Ed25519PrivateKey, out_dir, key_folder, add: set[str], retired: bool,
             remember: bool = True) -> tuple[object, dict]:
    """Sign this key's next list (everything withdrawn so far plus ``add``),
    remember it as seen, and write it into ``out_dir``."""
    from pathlib import Path

    from . import trust
    pub = share.public_key_b64(key)
    seen = trust.load_seen(key_folder)
    st = seen.get(pub, trust.KeyState())
    wl = make_list(key, trust.next_serial(st.serial), st.withdraws | add, retired or st.retired)
    path = Path(out_dir) / list_name(pub)
    if remember:
        trust.merge_list(seen, wl)
        trust.save_seen(seen, key_folder)
    share.write_public(path, list_text(wl))
    return path, wl


def withdraw_everywhere(entry_path, out_dir, key_folder=None):
    """Withdraw one of the person's own entries: the single withdrawal beside it
    (as before) and the key's signed list, newer than any before, which counts
    wherever it is seen, even after the single file is gone. Returns both paths."""
    single = share.withdraw(entry_path, out_dir, key_folder)
    entry = share.read_entry(entry_path)
    path, _ = _publish(share.load_or_create_key(key_folder), out_dir, key_folder, {entry["adapter_sha256"]}, False)
    return single, path


def retire_key(out_dir, key_folder=None, keep_key: bool = False):
    """Sign "this key is retired" (which withdraws everything it signed) into
    ``out_dir``. Unless ``keep_key`` (a retirement made ahead, kept on a stick
    for the day the key is lost), the key file is then moved aside so the next
    share makes a new key. Returns (list path, the retired key's fingerprint)."""
    import os
    key = share.load_or_create_key(key_folder)
    path, wl = _publish(key, out_dir, key_folder, set(), True, remember=not keep_key)
    if not keep_key:
        kp = share.key_path(key_folder)
        os.replace(kp, kp.with_name(f"retired-{share.fingerprint(wl['public_key']).replace(' ', '')}.pem"))
    return path, share.fingerprint(wl["public_key"])
