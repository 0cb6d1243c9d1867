"""Files and folders -> text, with one clear reason per file that cannot be read.

Readers live in one registry keyed by file suffix (`READERS`, in reading.py); a
reader takes a path and returns text or raises `DocumentError` with a sentence a
person can act on. Plain text and source code are read here; PDF, Word,
OpenDocument, EPUB, HTML and RTF readers live in `readers/` and register
themselves into the same registry when this module is imported.

`collect()` expands folders, skips hidden and system files, counts identical
documents once, keeps the whole selection under a size limit, reports progress
and can be cancelled between files; it never stops the whole job because one
file failed.
"""
from __future__ import annotations

import codecs
import hashlib
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable


from .messages import QT_TRANSLATE_NOOP, msg, phrase
# What every reader shares (refusal sentences, the registry, limits) lives in reading.py,
# re-exported here for the callers that knew it as documents.*.
from .reading import (A_TEXT_ENDING, EMPTY, MAX_FILE_BYTES, MAX_TOTAL_CHARS, MAX_UNPACKED_BYTES,  # noqa: F401
                      NO_TEXT, NOT_TEXT, NOUNS, PASSWORD, READERS, UNSUPPORTED_HINTS, DocumentError, Reader, damaged,
                      join_paragraphs, read_bytes, register, too_big, unsupported)
from .codepages import CENTRAL, central_european_more_likely  # noqa: E402
from .events import ReadProgress  # noqa: E402,F401 (re-exported)

_WORD = re.compile(r"\S+")


def count_words(text: str) -> int:
    """Whitespace-separated words, counted without building a list of them
    (text.split() on a 19 MB file costs ~300 MB)."""
    return sum(1 for _ in _WORD.finditer(text))



@dataclass(frozen=True)
class Document:
    path: str
    kind: str            # human label, e.g. "Text", "Python source"
    text: str

    @property
    def name(self) -> str:
        return Path(self.path).name

    @property
    def words(self) -> int:
        return count_words(self.text)

    @property
    def chars(self) -> int:
        return len(self.text)


@dataclass(frozen=True)
class Refusal:
    path: str
    reason: str

    @property
    def name(self) -> str:
        return Path(self.path).name


@dataclass
class Collection:
    documents: list[Document] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    duplicate_of: dict[str, str] = field(default_factory=dict)   # duplicate path -> the path kept
    cancelled: bool = False

    @property
    def chars(self) -> int:
        return sum(d.chars for d in self.documents)

    @property
    def words(self) -> int:
        return sum(d.words for d in self.documents)





# ------------------------------------------------------------------ bytes and text


_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
]
# Encodings charset-normalizer may name that we trust. Anything else, including
# the Western single-byte family (Latin-1, ISO-8859-15, Mac Roman, which it
# confuses on short texts), is read as Windows-1252: what a Western computer
# would have written, and a superset of Latin-1's printable characters.
_TRUSTED = {"cp1250", "cp1251", "cp1253", "cp1255", "cp1256", "cp1257", "cp1258", "koi8_r", "koi8_u",
            "iso8859_2", "iso8859_5", "iso8859_7", "iso8859_8", "cp866", "cp874", "tis_620", "cp932",
            "shift_jis", "euc_jp", "iso2022_jp", "gb2312", "gbk", "gb18030", "big5", "big5hkscs", "cp950",
            "euc_kr", "cp949", "johab", "utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le",
            "utf_32_be"}


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KB mean not text."""
    head = data[:8192]
    if not head:
        return False
    if b"\x00" in head:
        return True
    ctrl = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return ctrl / len(head) > 0.05


def _utf16_without_bom(data: bytes) -> str | None:
    """Text saved as UTF-16 without a byte order mark has a NUL in every other
    byte (for Latin script); random binary data does not."""
    head = data[:8192]
    if len(head) < 4 or len(data) % 2:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    for enc, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros > 0.3 * len(head) / 2 and other == 0:
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                return None
            return None if looks_binary(text[:4096].encode("utf-8")) else text
    return None


def _latin1_fallback(err: UnicodeDecodeError):
    return err.object[err.start:err.end].decode("latin-1"), err.end


codecs.register_error("normfit-latin1", _latin1_fallback)


def _cp1252(data: bytes) -> str:
    # Latin-1 for the five bytes cp1252 leaves undefined, so nothing is lost.
    return data.decode("cp1252", errors="normfit-latin1")


def guess_encoding(data: bytes) -> str:
    """Name of the legacy encoding these (non-UTF-8) bytes most likely use."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:
        return "cp1252"
    best = from_bytes(data[:1 << 20]).best()
    enc = best.encoding if best is not None else "cp1252"
    return enc if enc in _TRUSTED else "cp1252"


def decode_text(data: bytes, suffix: str = ".txt") -> str:
    """UTF-8 / UTF-16 / UTF-32 with a BOM, UTF-16 without one, UTF-8, else the
    legacy encoding charset-normalizer recognises (Windows-1251, Shift-JIS,
    GB18030, ...), with Windows-1252 for Western text and as the last resort."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(enc)
            except UnicodeDecodeError:
                raise DocumentError(msg(QT_TRANSLATE_NOOP("engine", "This file says it is {encoding} text but parts of "
                                                                    "it are not, so it is probably damaged."),
                                        encoding=enc.upper())) from None
    if b"\x00" in data[:8192]:
        text = _utf16_without_bom(data)
        if text is not None:
            return text
    if looks_binary(data):
        raise DocumentError(msg(NOT_TEXT, suffix=suffix or A_TEXT_ENDING))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    enc = guess_encoding(data)
    if enc in CENTRAL and not central_european_more_likely(data, enc, _cp1252(data)):
        enc = "cp1252"
    if enc != "cp1252":
        try:
            return data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            pass
    return _cp1252(data)


_SURROGATES = re.compile("[\ud800-\udfff]")


def normalise(text: str) -> str:
    """One newline convention; no NULs or unpaired surrogates (which no file
    format or tokenizer can carry)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    if _SURROGATES.search(text):
        text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text




@register("Text", ".txt", ".text", ".md", ".markdown", ".rst", ".org", ".tex", ".csv",
          ".log", noun=phrase(QT_TRANSLATE_NOOP("engine", "text file")))
def read_plain(path: Path) -> str:
    return normalise(decode_text(read_bytes(path), path.suffix.lower()))


SOURCE_SUFFIXES = (".py", ".pyi", ".js", ".mjs", ".ts", ".tsx", ".jsx", ".java", ".kt", ".c", ".h",
                   ".cc", ".cpp", ".hpp", ".cs", ".go", ".rs", ".rb", ".php", ".swift", ".m", ".scala",
                   ".sh", ".bash", ".ps1", ".sql", ".r", ".jl", ".lua", ".pl", ".hs", ".ml", ".css",
                   ".scss", ".toml", ".yaml", ".yml", ".ini", ".cfg", ".json", ".xml", ".ipynb", ".dart",
                   ".vue", ".svelte", ".el", ".clj", ".ex", ".exs", ".erl", ".f90", ".vb", ".groovy")


@register("Source code", *SOURCE_SUFFIXES,
          noun=phrase(QT_TRANSLATE_NOOP("engine", "source file")))
def read_source(path: Path) -> str:
    return normalise(decode_text(read_bytes(path), path.suffix.lower()))


# Format readers (PDF, Word, ...) register themselves on import (they build on
# reading.py, never on this module, so there is no import circle).
from . import readers  # noqa: E402,F401


# ------------------------------------------------------------------ entry points
def kind_of(path: Path) -> str | None:
    entry = READERS.get(path.suffix.lower())
    return entry[0] if entry else None


NOT_ALLOWED = msg(QT_TRANSLATE_NOOP("engine", "NormFit is not allowed to open this file; check that you may read "
                                              "it."))


def _cannot(why: str, opening: bool) -> DocumentError:
    """The operating system's own reason (in its language) inside our sentence."""
    if opening:
        return DocumentError(msg(QT_TRANSLATE_NOOP("engine", "This file cannot be opened ({why})."), why=why))
    return DocumentError(msg(QT_TRANSLATE_NOOP("engine", "This file cannot be read ({why})."), why=why))


def read_file(path: str | Path) -> Document:
    """Read one file or raise DocumentError with one sentence."""
    p = Path(path)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise DocumentError(msg(QT_TRANSLATE_NOOP("engine", "This file does not exist (it may have been moved or "
                                                            "deleted)."))) from None
    except PermissionError:
        raise DocumentError(NOT_ALLOWED) from None
    except OSError as e:
        raise _cannot(e.strerror or str(e), opening=True) from None
    if stat.S_ISDIR(st.st_mode):
        raise DocumentError(msg(QT_TRANSLATE_NOOP("engine", "This is a folder, not a file.")))
    if not stat.S_ISREG(st.st_mode):
        raise DocumentError(msg(QT_TRANSLATE_NOOP("engine", "This is not an ordinary file (it is a device or a pipe), "
                                                            "so NormFit does not read it.")))
    suffix = p.suffix.lower()
    entry = READERS.get(suffix)
    if entry is None:
        if suffix:
            raise DocumentError(unsupported(suffix))
        entry = ("Text", read_plain)   # README, Makefile, LICENSE: read if it is text
    if st.st_size > MAX_FILE_BYTES:
        raise DocumentError(too_big(st.st_size))
    if st.st_size == 0:
        raise DocumentError(EMPTY)
    kind, reader = entry
    noun = NOUNS.get(kind, "file")
    try:
        text = reader(p)
    except DocumentError as e:
        if not suffix and getattr(e.message, "template", None) == NOT_TEXT:
            raise DocumentError(msg(QT_TRANSLATE_NOOP("engine", "NormFit cannot tell what kind of file this is because "
                                                                "its name has no ending such as .txt or .docx, and it is "
                                                                "not plain text."))) from None
        raise
    except PermissionError:
        raise DocumentError(NOT_ALLOWED) from None
    except ImportError:   # an optional library missing from this installation
        raise DocumentError(msg(QT_TRANSLATE_NOOP("engine", "This copy of NormFit was installed without support for "
                                                            "this kind of file ({noun}); reinstall NormFit to read it."),
                                noun=noun)) from None
    except MemoryError:
        raise DocumentError(msg(QT_TRANSLATE_NOOP("engine", "This file is too big for this computer's memory; split it "
                                                            "into smaller files."))) from None
    except OSError as e:
        raise _cannot(e.strerror or str(e), opening=False) from None
    except Exception:  # a reader library choked on a damaged file
        raise DocumentError(damaged(noun)) from None
    text = normalise(text)
    if not text.strip():
        raise DocumentError(NO_TEXT)
    if len(text) > MAX_TOTAL_CHARS:
        raise DocumentError(msg(QT_TRANSLATE_NOOP("engine", "This file holds more than {n} million characters, more "
                                                            "than NormFit learns from at once; split it into smaller "
                                                            "files."), n=MAX_TOTAL_CHARS // 2**20))
    return Document(path=str(p), kind=kind, text=text)


_SYSTEM_NAMES = {"thumbs.db", "desktop.ini", "__pycache__", "node_modules", "__macosx", "$recycle.bin",
                 "system volume information", "icon\r", ".ds_store"}


def is_hidden(p: Path) -> bool:
    """Dot files, Office lock files (~$x.docx), system folders, and on Windows
    anything marked hidden or system."""
    name = p.name
    if name.startswith((".", "~$")) or name.lower() in _SYSTEM_NAMES:
        return True
    attrs = getattr(os.lstat(p), "st_file_attributes", 0) if os.name == "nt" else 0
    return bool(attrs & 0x6)     # FILE_ATTRIBUTE_HIDDEN | FILE_ATTRIBUTE_SYSTEM


_hidden = is_hidden   # old name


def expand(paths: Iterable[str | Path]) -> Iterable[Path]:
    """Files as given, and every readable-looking file inside given folders
    (sorted; hidden and system files and folders skipped; links to folders not
    followed, so a loop cannot make it run forever)."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not _safe_hidden(Path(root) / d))
                for f in sorted(files):
                    fp = Path(root) / f
                    if fp.suffix.lower() in READERS and not _safe_hidden(fp):
                        yield fp
        else:
            yield p


def _safe_hidden(p: Path) -> bool:
    try:
        return is_hidden(p)
    except OSError:
        return True


def collect(paths: Iterable[str | Path], should_stop: Callable[[], bool] | None = None,
            on_event: Callable[[ReadProgress], None] | None = None) -> Collection:
    """Read everything; refusals and duplicates are recorded, never raised.

    `should_stop()` is asked before each file; `on_event(ReadProgress)` is
    told before each file is read. Memory stays
    bounded: one file is read at a time (at most MAX_FILE_BYTES), and the
    texts kept are at most MAX_TOTAL_CHARS in all.
    """
    out = Collection()
    files: list[Path] = []
    seen_paths: set[str] = set()
    for p in expand(paths):
        if should_stop is not None and should_stop():
            out.cancelled = True
            return out
        key = os.path.normcase(os.path.abspath(p))
        if key in seen_paths:     # the same file named twice (e.g. itself and its folder)
            continue
        seen_paths.add(key)
        files.append(p)
    seen: dict[bytes, str] = {}
    total = 0
    for i, p in enumerate(files):
        if should_stop is not None and should_stop():
            out.cancelled = True
            break
        if on_event is not None:
            on_event(ReadProgress(i, len(files), str(p)))
        if total >= MAX_TOTAL_CHARS:
            out.refused.append(Refusal(str(p), _selection_full()))
            continue
        try:
            doc = read_file(p)
        except DocumentError as e:
            out.refused.append(Refusal(str(p), e.message))
            continue
        h = hashlib.sha256(doc.text.encode("utf-8", "replace")).digest()
        if h in seen:
            out.duplicates.append(str(p))
            out.duplicate_of[str(p)] = seen[h]
            continue
        if total + doc.chars > MAX_TOTAL_CHARS:
            out.refused.append(Refusal(str(p), _selection_full()))
            continue
        seen[h] = str(p)
        total += doc.chars
        out.documents.append(doc)
    if on_event is not None and not out.cancelled:
        on_event(ReadProgress(len(files), len(files), ""))
    return out


def _selection_full() -> str:
    return msg(QT_TRANSLATE_NOOP("engine", "The files chosen already hold {n} MB of text, the most NormFit learns "
                                           "from at once, so this file was left out."), n=MAX_TOTAL_CHARS // 2**20)


def general_texts(path: str | Path) -> list[str]:
    """The texts of a general-text file: a .jsonl with a "text" field per line
    (the shared general held-out set's form), or any document NormFit reads.
    ValueError with one sentence for a bad line."""
    import json
    p = Path(path)
    if p.suffix != ".jsonl":
        return [read_file(p).text]
    texts = []
    for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                texts.append(json.loads(line)["text"])
            except (json.JSONDecodeError, KeyError, TypeError):
                raise ValueError(f"Line {i} of {p.name} is not a JSON object with a 'text' field.") from None
    return texts
