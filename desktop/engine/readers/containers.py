"""Zip containers (docx, odt, epub) opened with limits, and XML parsed safely.

A 50 MB zip can unpack to many gigabytes (a "zip bomb"); the declared sizes in
its directory are checked before anything is unpacked, and Python's zipfile
never returns more than a member's declared size. XML with entity
declarations is refused: no office or e-book package needs them, and they are
how XML files are made to explode in memory.
"""
from __future__ import annotations

import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

from ..reading import MAX_UNPACKED_BYTES, PASSWORD, DocumentError, damaged, read_bytes
from ..messages import QT_TRANSLATE_NOOP, msg

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"      # old Office files, and encrypted new ones


class Package:
    """A zip file read fully into memory (at most MAX_FILE_BYTES) and checked."""

    def __init__(self, path: Path, noun: str):
        import io
        self.noun = noun
        data = read_bytes(path)
        self.data = data
        if data.startswith(OLE_MAGIC):
            # Word, Excel and LibreOffice wrap a password-protected document in
            # an OLE container holding an "EncryptedPackage" stream.
            if "EncryptedPackage".encode("utf-16-le") in data or b"EncryptionInfo" in data:
                raise DocumentError(PASSWORD)
            raise DocumentError(msg(QT_TRANSLATE_NOOP("engine", "This file is an old-style document saved under a new "
                                                                "name, so NormFit cannot read it; open it and save "
                                                                "it again as a {noun}."), noun=noun))
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
            raise DocumentError(damaged(noun)) from None
        if sum(i.file_size for i in infos) > MAX_UNPACKED_BYTES:
            raise DocumentError(msg(QT_TRANSLATE_NOOP("engine", "This {noun} unpacks to more than {n} MB, more than "
                                                                "NormFit reads from one file; split it into smaller "
                                                                "documents."), noun=noun, n=MAX_UNPACKED_BYTES // 2**20))
        self.names = {i.filename for i in infos}
        self.encrypted = {i.filename for i in infos if i.flag_bits & 0x1}

    def has(self, name: str) -> bool:
        return name in self.names

    def read(self, name: str) -> bytes:
        if name in self.encrypted:
            raise DocumentError(PASSWORD)
        try:
            return self.zip.read(name)
        except KeyError:
            raise DocumentError(damaged(self.noun)) from None
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError):
            raise DocumentError(damaged(self.noun)) from None


def parse_xml(data: bytes, noun: str) -> ET.Element:
    if b"<!ENTITY" in data:
        raise DocumentError(damaged(noun))
    try:
        return ET.fromstring(data)
    except (ET.ParseError, ValueError, RecursionError):
        raise DocumentError(damaged(noun)) from None


def local(tag: str) -> str:
    """'{namespace}name' -> 'name'."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""
