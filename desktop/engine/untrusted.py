"""Reading what other people wrote: a shared folder, a USB stick.

Anyone may have written such a folder, so nothing in it is trusted to be what
its name says. Three small tools used by every reader of shared files:

- ``read_regular``: open a file without blocking (a FIFO named like an entry
  would otherwise hang the reader), check on the open descriptor that it is a
  regular file (a symlink is followed, but only to a regular file: never to
  /dev/zero or a folder), and read at most ``limit`` bytes.
- ``visible``: text from a file made safe to print or show: control and
  invisible format characters shown as ``\\xNN`` / ``\\u....`` escapes, so a
  label can never add a line, clear a terminal or reverse what follows.
- ``canonical_b64``: the one spelling of some bytes in standard base64, so a
  signature or key has exactly one accepted form.
"""
from __future__ import annotations

import base64
import binascii
import os
import stat
import unicodedata
from pathlib import Path

from .messages import QT_TRANSLATE_NOOP, msg, phrase

# Joiners shape Malayalam letters (chillu forms): a label keeps them visible-as-is.
_KEEP_FORMAT = {"\u200c", "\u200d"}


class UnreadableFile(Exception):
    """str(e) is one sentence for a person, naming the file (args[0] is its Message)."""


FILE = phrase(QT_TRANSLATE_NOOP("engine", "file"))


def read_head(path: str | Path, n: int) -> bytes:
    """The first ``n`` bytes (or fewer) of a regular file of any size, read the
    same careful way as read_regular; UnreadableFile for anything else."""
    return read_regular(path, n, head=True)


def read_regular(path: str | Path, limit: int, what: str = FILE, head: bool = False) -> bytes:
    """At most ``limit`` bytes of a regular file; UnreadableFile (one sentence)
    for anything else: missing, a folder, a pipe, a device, too big, unreadable.
    With ``head``, a bigger file is not refused: its first ``limit`` bytes are read."""
    p = Path(path)
    name = visible(p.name)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(p, flags)
    except FileNotFoundError:
        raise UnreadableFile(msg(QT_TRANSLATE_NOOP("engine", "There is no file at {p}."),
                                 p=visible(str(p)))) from None
    except IsADirectoryError:
        raise UnreadableFile(msg(QT_TRANSLATE_NOOP("engine", "{name} is a folder, not a {what}."),
                                 name=name, what=what)) from None
    except OSError as e:
        raise UnreadableFile(msg(QT_TRANSLATE_NOOP("engine", "{name} cannot be opened ({why})."),
                                 name=name, why=visible(e.strerror or str(e)))) from None
    try:
        st = os.fstat(fd)     # of what was opened, so a swap after a check cannot fool us
        if stat.S_ISDIR(st.st_mode):
            raise UnreadableFile(msg(QT_TRANSLATE_NOOP("engine", "{name} is a folder, not a {what}."),
                                     name=name, what=what))
        if not stat.S_ISREG(st.st_mode):
            raise UnreadableFile(msg(QT_TRANSLATE_NOOP("engine", "{name} is not an ordinary file (a pipe, device "
                                                                 "or socket), so it is not a {what}; it was not "
                                                                 "read."), name=name, what=what))
        if st.st_size > limit and not head:
            raise UnreadableFile(msg(QT_TRANSLATE_NOOP("engine", "{name} is {size} bytes; a {what} is at most "
                                                                 "{limit} bytes, so it is not one."),
                                     name=name, size=st.st_size, what=what, limit=limit))
        chunks, left = [], limit + (0 if head else 1)
        while left > 0:
            b = os.read(fd, min(left, 1 << 16))
            if not b:
                break
            chunks.append(b)
            left -= len(b)
    except OSError as e:
        raise UnreadableFile(msg(QT_TRANSLATE_NOOP("engine", "{name} cannot be read ({why})."),
                                 name=name, why=visible(e.strerror or str(e)))) from None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > limit:     # it grew after we looked
        raise UnreadableFile(msg(QT_TRANSLATE_NOOP("engine", "{name} is over {limit} bytes; a {what} is at most "
                                                             "{limit} bytes, so it is not one."),
                                 name=name, limit=limit, what=what))
    return data


def visible(text: object, limit: int | None = None) -> str:
    """``text`` as a person should see it in a terminal or a window: every
    control, separator-of-lines, surrogate and invisible format character (bar
    the joiners Malayalam needs) written as an escape; cut to ``limit``."""
    s = str(text)
    out = []
    for ch in s:
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Cs", "Co", "Cn", "Zl", "Zp") or (cat == "Cf" and ch not in _KEEP_FORMAT) or ch == "\\":
            o = ord(ch)
            out.append("\\\\" if ch == "\\" else f"\\x{o:02x}" if o < 0x100 else f"\\u{o:04x}" if o < 0x10000
                       else f"\\U{o:08x}")
        else:
            out.append(ch)
    shown = "".join(out)
    if limit is not None and len(shown) > limit:
        shown = shown[:max(0, limit - 3)] + "..."
    return shown


def canonical_b64(s: object, size: int) -> bytes | None:
    """The ``size`` bytes that ``s`` spells in standard base64 (with padding),
    or None unless ``s`` is exactly the one spelling base64 gives those bytes
    (unused padding bits set, other alphabets, spaces or line breaks all refused)."""
    if not isinstance(s, str) or not s.isascii():
        return None
    try:
        raw = base64.b64decode(s, validate=True)
    except (binascii.Error, ValueError):
        return None
    if len(raw) != size or base64.b64encode(raw).decode("ascii") != s:
        return None
    return raw


def key_from_user(text: str) -> str | None:
    """A public key as a person may paste it (standard or URL-safe base64, with
    or without padding, spaces around) in its one canonical spelling; None if
    it is not a 32-byte key."""
    t = "".join(str(text).split()).replace("-", "+").replace("_", "/")
    if not t or not t.isascii():
        return None
    t += "=" * (-len(t) % 4)
    try:
        raw = base64.b64decode(t, validate=True)
    except (binascii.Error, ValueError):
        return None
    return base64.b64encode(raw).decode("ascii") if len(raw) == 32 else None
