"""Sharing with the federation: signed directory entries (DESIGN.md contract 5).

An entry is a small JSON file next to a shared adapter saying what it is (its
sha256 and size, the base it fits, how it was made and how well it did) and who
vouches for it: an Ed25519 public key and a signature over the entry's
canonical bytes. A withdrawal is the same shape plus ``withdraws``. The exact
bytes signed are documented in docs/SHARING.md; ``canonical_bytes`` is the one
place they are made.

The private key is made on first use in the user's keys folder (paths.keys_dir)
with owner-only permissions and is never written anywhere else.
"""
from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from .errors import UserError
from .messages import QT_TRANSLATE_NOOP, as_message, msg, phrase  # noqa: F401 (not every module uses each)
from .. import __version__
from .adapter_file import ALLOWED_META, AdapterFileError, _show, parse, read_limited, to_bytes, utc_now
from .atomic import atomic_write
from .entry_schema import ENTRY_FORMAT, ENTRY_VERSION, FIGURES, REQUIRED, SchemaError, check_entry
from .names import clean_label, label_too_long
from .untrusted import UnreadableFile, canonical_b64, read_regular, visible
from .base import releases

KEY_FILE = "federation-ed25519.pem"
ENTRY_SUFFIX = ".entry.json"
WITHDRAWAL_SUFFIX = ".withdrawal.json"
MAX_ENTRY_BYTES = 64 * 1024
MAX_KEY_BYTES = 16 * 1024
# FIGURES are the adapter's own figures copied into the entry, as the strings
# the adapter file holds (no floats in the entry, so its canonical bytes are the
# same in every language); the schema itself lives in entry_schema.

# What a person is told before sharing (the window's Share... dialog uses it).
SHARE_NOTE = QT_TRANSLATE_NOOP(
    "notes",
    "Shared: the adapter file (the numbers tuned to your writing, its scores, the base model it "
    "fits and its label if you gave one) and a signed entry saying what it is, with your public key. "
    "Not shared: your documents or their names, your name, your computer's name, and your private "
    "key, which stays in NormFit's folder on this computer.")


class EntryError(UserError):
    """str(e) is one sentence for a person; ``reason`` is a short code for programs."""

    def __init__(self, reason: str, sentence: str):
        super().__init__(sentence)
        self.reason = reason


# ------------------------------------------------------------------ keys
def key_path(folder: str | Path | None = None) -> Path:
    from ..paths import keys_dir
    return Path(folder) / KEY_FILE if folder is not None else keys_dir() / KEY_FILE


def _write_private(path: Path, data: bytes) -> None:
    """Create ``path`` holding ``data``, readable by the owner only (0600 from
    its first byte), atomically and never over an existing key (two NormFits
    starting at once keep one key: FileExistsError for the second)."""
    atomic_write(path, data, overwrite=False, mode=0o600)


def _key_error(path: Path, why: str) -> EntryError:
    return EntryError("bad_key", msg(QT_TRANSLATE_NOOP("engine", "Your signing key {path} {why}. Move it away (NormFit "
                                                                 "then makes a new key, which others must learn to "
                                                                 "trust again) or put back your copy of it."),
                                     path=visible(path), why=why))


def load_or_create_key(folder: str | Path | None = None) -> Ed25519PrivateKey:
    """This person's signing key, made on first use (PKCS#8 PEM, unencrypted:
    the protection is the owner-only file in the user's own folder). A key file
    that is damaged, of another kind, or not a file at all is one sentence
    (EntryError "bad_key"), and is never changed: it may be the only copy."""
    path = key_path(folder)
    if not os.path.lexists(path):
        path.parent.mkdir(parents=True, exist_ok=True)
        if os.name == "posix":
            os.chmod(path.parent, 0o700)
        pem = Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
        try:
            _write_private(path, pem)
        except FileExistsError:
            pass                      # someone else's fresh key won the race: use theirs
    try:
        data = read_regular(path, MAX_KEY_BYTES, phrase(QT_TRANSLATE_NOOP("engine", "signing key file")))
    except UnreadableFile as e:
        raise _key_error(path, msg(QT_TRANSLATE_NOOP("engine", "cannot be used ({why})"),
                                   why=str(e).rstrip("."))) from None
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError) as e:   # garbage, empty, cut short, or protected by a password
        raise _key_error(path, phrase(QT_TRANSLATE_NOOP("engine", "is damaged or is not a key NormFit made"))) from e
    except Exception as e:                 # the library refuses some key kinds with its own errors
        raise _key_error(path, phrase(QT_TRANSLATE_NOOP("engine", "is not a key NormFit can read"))) from e
    if not isinstance(key, Ed25519PrivateKey):
        raise _key_error(path, phrase(QT_TRANSLATE_NOOP("engine", "is a key of another kind (NormFit signs with "
                                                                  "Ed25519)")))
    if os.name == "posix" and stat.S_ISREG(path.stat().st_mode) and stat.S_IMODE(path.stat().st_mode) & 0o077:
        os.chmod(path, 0o600)         # someone loosened it: a signing key is the owner's alone
    return key


def public_key_b64(key: Ed25519PrivateKey | Ed25519PublicKey) -> str:
    pub = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    raw = pub.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")


def fingerprint(public_key: str) -> str:
    """A short, readable name for a public key (first 64 bits of its sha256)."""
    try:
        raw = base64.b64decode(public_key, validate=True)
    except (binascii.Error, ValueError):
        raw = public_key.encode("utf-8", "replace")
    h = hashlib.sha256(raw).hexdigest()[:16]
    return " ".join(h[i:i + 4] for i in range(0, 16, 4))


def write_public(path: Path, data: bytes) -> None:
    """Write atomically, readable by others: these files are meant to be shared
    (atomic_write's temporary file would otherwise start owner-only)."""
    atomic_write(path, data, mode=0o644)


# ------------------------------------------------------------------ entries
def canonical_bytes(entry: dict) -> bytes:
    """The bytes signed: UTF-8 JSON of the entry without "signature", keys
    sorted, no spaces. Entries hold only strings, integers and one nested object
    of strings, so this equals RFC 8785 (JCS) for them."""
    body = {k: v for k, v in entry.items() if k != "signature"}
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def known_bases(also: str | Path | None = None) -> dict[str, str]:
    """base_sha256 -> base_id of every base release this NormFit ships, plus
    the release in folder ``also`` (a developer's --base)."""
    found = releases() + (releases(also) if also is not None else [])
    return {r.sha256: r.base_id for r in found if r.sha256}


def _sign(entry: dict, key: Ed25519PrivateKey) -> dict:
    entry = dict(entry, public_key=public_key_b64(key))
    entry.pop("signature", None)
    entry["signature"] = base64.b64encode(key.sign(canonical_bytes(entry))).decode("ascii")
    return entry


def shareable_label(label: str | None) -> str | None:
    """The one label rule (names.clean_label), refusing rather than cutting a
    label that is too long: a person should see the name others will see."""
    if label is None:
        return None
    too_long = label_too_long(label)
    if too_long:
        raise EntryError("long_label", too_long)
    return clean_label(label) or ""


def make_entry(adapter_bytes: bytes, key: Ed25519PrivateKey, label: str | None = None) -> dict:
    """A signed entry for these adapter bytes (validated as format 1 here).
    ``label`` replaces the adapter's own label; "" drops it."""
    af = parse(adapter_bytes)
    meta = af.metadata
    entry = {
        "format": ENTRY_FORMAT, "version": ENTRY_VERSION,
        "adapter_sha256": hashlib.sha256(adapter_bytes).hexdigest(), "adapter_bytes": len(adapter_bytes),
        "base_id": meta["base_id"], "base_sha256": meta["base_sha256"], "method": af.method,
        "created_utc": meta["created_utc"], "signed_utc": utc_now(), "app_version": __version__,
        "figures": {k: meta[k] for k in FIGURES if k in meta},
    }
    label = clean_label(meta.get("label")) if label is None else shareable_label(label)
    if label:
        entry["label"] = label
    entry = _sign(entry, key)
    try:
        check_entry(entry)     # never sign what a reader would refuse
    except SchemaError as e:
        raise EntryError("bad_adapter", msg(QT_TRANSLATE_NOOP("engine", "This adapter cannot be shared: {why}"),
                                            why=as_message(e))) from None
    return entry


def shareable_bytes(data: bytes) -> bytes:
    """The adapter as it is shared: only format-1 metadata keys (an unknown key
    could carry anything, a home-folder path say, and a reader refuses it), and
    its label cleaned by the one rule. The same bytes when nothing needs it."""
    af = parse(data)
    meta = {k: v for k, v in af.metadata.items() if k in ALLOWED_META}
    label = clean_label(meta.pop("label", None))
    if label:
        meta["label"] = label
    if meta == af.metadata:
        return data
    return to_bytes(af.tensors, meta)


def _same_file_there(path: Path, sha256: str) -> bool:
    try:
        return hashlib.sha256(read_regular(path, MAX_ENTRY_BYTES)).hexdigest() == sha256
    except UnreadableFile:
        return False


def make_withdrawal(entry: dict, key: Ed25519PrivateKey) -> dict:
    """The same shape as the entry, plus ``withdraws``, signed now by the same key."""
    if entry.get("public_key") != public_key_b64(key):
        raise EntryError("wrong_key", msg(QT_TRANSLATE_NOOP("engine", "You can only withdraw entries signed with "
                                                                      "your own key; this one was signed by key "
                                                                      "{signer}."),
                                          signer=fingerprint(str(entry.get('public_key')))))
    w = {k: v for k, v in entry.items() if k not in ("signature", "withdraws")}
    w.update(withdraws=entry["adapter_sha256"], signed_utc=utc_now())
    return _sign(w, key)


def entry_text(entry: dict) -> str:
    # Written readable (indented); verification re-serialises canonically, so
    # layout does not matter, only content.
    return json.dumps(entry, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


@dataclass
class Shared:
    adapter: Path
    entry: Path
    entry_data: dict

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.entry_data["public_key"])


def shared_name(sha256: str) -> str:
    # Named by content, never by the person's own file name (which may be personal).
    return f"normfit-{sha256[:16]}"


def share_adapter(adapter_path: str | Path, out_dir: str | Path, label: str | None = None,
                  key_folder: str | Path | None = None, known: dict[str, str] | None = None) -> Shared:
    """Copy the adapter into ``out_dir`` under a content-derived name and write its
    signed entry beside it. The only writes: those two files (and the key, on
    first use, in the user's keys folder)."""
    data = read_limited(adapter_path)
    meta = parse(data).metadata
    if meta["base_sha256"] not in (known_bases() if known is None else known):
        raise EntryError("unknown_base", _unknown_base(meta))
    out = Path(out_dir)
    if not out.is_dir():
        raise EntryError("no_folder", msg(QT_TRANSLATE_NOOP("engine", "The folder {out} does not exist."),
                                          out=out))
    data = shareable_bytes(data)
    entry = make_entry(data, load_or_create_key(key_folder), label)
    name = shared_name(entry["adapter_sha256"])
    apath, epath = out / f"{name}.safetensors", out / f"{name}{ENTRY_SUFFIX}"
    if not _same_file_there(apath, entry["adapter_sha256"]):
        write_public(apath, data)
    write_public(epath, entry_text(entry).encode("utf-8"))
    return Shared(apath, epath, entry)


def withdraw(entry_path: str | Path, out_dir: str | Path, key_folder: str | Path | None = None) -> Path:
    """Write a signed withdrawal for an entry this person signed."""
    entry = read_entry(entry_path)
    check_signature(entry)
    w = make_withdrawal(entry, load_or_create_key(key_folder))
    out = Path(out_dir)
    if not out.is_dir():
        raise EntryError("no_folder", msg(QT_TRANSLATE_NOOP("engine", "The folder {out} does not exist."),
                                          out=out))
    path = out / f"{shared_name(entry['adapter_sha256'])}{WITHDRAWAL_SUFFIX}"
    write_public(path, entry_text(w).encode("utf-8"))
    return path


# ------------------------------------------------------------------ verification
def _no_duplicates(pairs):
    # Two "adapter_sha256" keys could mean one thing to us and another to a
    # different reader while the signature still verifies: refuse them.
    out = {}
    for k, v in pairs:
        if k in out:
            raise ValueError(f"duplicate key {k}")
        out[k] = v
    return out


def _no_floats(text):
    # Floats print differently across languages; an entry never holds one.
    raise ValueError("number with a fraction")


def read_entry(path: str | Path) -> dict:
    """Parse an entry or withdrawal file and check it against the schema
    (entry_schema), not its signature. Only a regular file is read, and at most
    MAX_ENTRY_BYTES of it."""
    p = Path(path)
    try:
        text = read_regular(p, MAX_ENTRY_BYTES, phrase(QT_TRANSLATE_NOOP("engine", "NormFit directory entry"))).decode("utf-8")
    except UnreadableFile as e:
        reason = "missing_entry" if not os.path.lexists(p) else "damaged_entry"
        raise EntryError(reason, as_message(e)) from None
    except UnicodeDecodeError:
        raise EntryError("damaged_entry", msg(QT_TRANSLATE_NOOP("engine", "{name} cannot be read as a NormFit "
                                                                          "directory entry (it is not UTF-8 text)."),
                                              name=visible(p.name))) from None
    try:
        entry = json.loads(text, object_pairs_hook=_no_duplicates, parse_float=_no_floats,
                           parse_constant=_no_floats)
    except (ValueError, RecursionError):
        raise EntryError("damaged_entry", msg(QT_TRANSLATE_NOOP("engine", "This entry is damaged: it is not valid "
                                                                          "JSON, so it was changed or cut short."))) from None
    try:
        return check_entry(entry)
    except SchemaError as e:
        raise EntryError(e.reason, as_message(e)) from None


def check_signature(entry: dict, expected_key: str | None = None) -> None:
    raw_key = canonical_b64(entry.get("public_key"), 32)
    sig = canonical_b64(entry.get("signature"), 64)
    if raw_key is None:
        raise EntryError("damaged_entry", msg(QT_TRANSLATE_NOOP("engine", "This entry's public key is damaged (it "
                                                                          "is not a 32-byte Ed25519 key).")))
    if expected_key is not None and entry["public_key"] != expected_key:
        raise EntryError("wrong_key", msg(QT_TRANSLATE_NOOP("engine", "This entry was signed by key {signer}, not "
                                                                      "by the key you expected ({expected})."),
                                          signer=fingerprint(entry['public_key']), expected=fingerprint(expected_key)))
    if sig is None:
        raise EntryError("bad_signature", msg(QT_TRANSLATE_NOOP("engine", "This entry's signature is damaged (it "
                                                                          "is not a 64-byte Ed25519 signature).")))
    try:
        Ed25519PublicKey.from_public_bytes(raw_key).verify(sig, canonical_bytes(entry))
    except (InvalidSignature, ValueError):
        raise EntryError("bad_signature", msg(QT_TRANSLATE_NOOP("engine", "This entry does not match its "
                                                                          "signature: the entry was changed after "
                                                                          "it was signed, or the signature was "
                                                                          "damaged or made with another key."))) from None


def _unknown_base(entry: dict) -> str:
    return (msg(QT_TRANSLATE_NOOP("engine", "This entry is for a base model NormFit does not have ('{base_id}', "
                                            "checksum {checksum}...), so its adapter cannot be used here."),
                base_id=_show(entry.get('base_id')), checksum=_show(str(entry.get('base_sha256'))[:12], 12)))


def adapter_next_to(entry_path: str | Path) -> Path:
    p = Path(entry_path)
    stem = p.name[:-len(ENTRY_SUFFIX)] if p.name.endswith(ENTRY_SUFFIX) else p.stem
    return p.with_name(stem + ".safetensors")


@dataclass
class Verified:
    entry: dict
    adapter: Path | None         # None for a withdrawal
    withdrawal: bool

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.entry["public_key"])


def verify(entry_path: str | Path, adapter_path: str | Path | None = None, expected_key: str | None = None,
           known: dict[str, str] | None = None) -> Verified:
    """Check an entry (signature, adapter hash and size, the adapter's own
    format and base, a known base) or a withdrawal (signature; with
    ``expected_key``, the signer). Raises EntryError with one sentence."""
    entry = read_entry(entry_path)
    check_signature(entry, expected_key)
    if "withdraws" in entry:
        if entry["withdraws"] != entry["adapter_sha256"]:
            raise EntryError("damaged_entry", msg(QT_TRANSLATE_NOOP("engine", "This withdrawal names two "
                                                                              "different adapters.")))
        return Verified(entry, None, True)
    known = known_bases() if known is None else known
    if entry["base_sha256"] not in known:
        raise EntryError("unknown_base", _unknown_base(entry))
    apath = Path(adapter_path) if adapter_path is not None else adapter_next_to(entry_path)
    try:
        data = read_limited(apath)
    except AdapterFileError as e:
        if os.path.lexists(apath):    # there, but a pipe, a device, a folder, too big: say which
            raise EntryError("bad_adapter", msg(QT_TRANSLATE_NOOP("engine", "The adapter this entry describes "
                                                                            "cannot be used: {why}"),
                                                why=as_message(e))) from None
        raise EntryError("missing_adapter", msg(QT_TRANSLATE_NOOP("engine", "The adapter this entry describes is "
                                                                            "not at {apath}."),
                                                apath=visible(apath))) from None
    if hashlib.sha256(data).hexdigest() != entry["adapter_sha256"] or len(data) != entry["adapter_bytes"]:
        raise EntryError("tampered_adapter", msg(QT_TRANSLATE_NOOP("engine", "The adapter file is not the one "
                                                                             "this entry vouches for (its "
                                                                             "checksum differs): it was changed "
                                                                             "or replaced after signing.")))
    try:
        af = parse(data)
    except AdapterFileError as e:     # signed, but not a format-1 file: say what is wrong with it
        raise EntryError("bad_adapter", as_message(e)) from None
    unknown = sorted(set(af.metadata) - ALLOWED_META)
    if unknown:    # a signer's NormFit drops these before signing; one that did not is not trusted with them
        raise EntryError("bad_adapter", msg(QT_TRANSLATE_NOOP("engine", "The adapter carries a description field "
                                                                        "NormFit does not know ('{field}'), which "
                                                                        "could hold anything; it is not used."),
                                            field=visible(unknown[0], 24)))
    if af.base_sha256 != entry["base_sha256"] or af.method != entry["method"]:
        raise EntryError("tampered_entry", msg(QT_TRANSLATE_NOOP("engine", "The entry and its adapter disagree "
                                                                           "about the base model or the method, "
                                                                           "so the entry does not describe this "
                                                                           "adapter.")))
    return Verified(entry, apath, False)


def withdrawal_applies(withdrawal: dict, entry: dict) -> bool:
    """A withdrawal counts only for the adapter it names and from the key that
    signed the entry: nobody can withdraw someone else's adapter."""
    return withdrawal.get("withdraws") == entry.get("adapter_sha256") \
        and withdrawal.get("public_key") == entry.get("public_key")
