"""Files and folders -> text, with one clear reason per file that cannot be read.

Readers live in one registry keyed by file suffix (`READERS`); a reader takes a
path and returns text or raises `DocumentError` with a sentence a person can act
on. `collect()` expands folders, skips hidden files, counts identical documents
once, and never stops the whole job because one file failed.
"""
from __future__ import annotations

import codecs
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

MAX_FILE_BYTES = 50 * 1024 * 1024        # one file
MAX_TOTAL_CHARS = 200 * 1024 * 1024      # a whole selection


class DocumentError(Exception):
    """A file could not be used; str(e) is one sentence for the person."""


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
        return len(self.text.split())

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
    cancelled: bool = False

    @property
    def chars(self) -> int:
        return sum(d.chars for d in self.documents)

    @property
    def words(self) -> int:
        return sum(d.words for d in self.documents)


Reader = Callable[[Path], str]
READERS: dict[str, tuple[str, Reader]] = {}


def register(kind: str, *suffixes: str):
    """Decorator: make `fn` the reader for these suffixes (lower case, with dot)."""
    def deco(fn: Reader) -> Reader:
        for s in suffixes:
            READERS[s.lower()] = (kind, fn)
        return fn
    return deco


# ------------------------------------------------------------------ plain text
_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
]


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KB mean not text."""
    head = data[:8192]
    if not head:
        return False
    if b"\x00" in head:
        return True
    ctrl = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return ctrl / len(head) > 0.05


def decode_text(data: bytes) -> str:
    """UTF-8 / UTF-16 / UTF-32 with a BOM, UTF-8 without, else Windows-1252
    (falling back to Latin-1 for the five bytes cp1252 leaves undefined)."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(enc)
            except UnicodeDecodeError:
                raise DocumentError(f"The file says it is {enc.upper()} but is damaged.") from None
    if looks_binary(data):
        raise DocumentError("This is not a text file (it holds binary data).")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


@register("Text", ".txt", ".text", ".md", ".markdown", ".rst", ".org", ".tex", ".csv", ".log")
def read_plain(path: Path) -> str:
    return normalise(decode_text(path.read_bytes()))


SOURCE_SUFFIXES = (".py", ".pyi", ".js", ".mjs", ".ts", ".tsx", ".jsx", ".java", ".kt", ".c", ".h",
                   ".cc", ".cpp", ".hpp", ".cs", ".go", ".rs", ".rb", ".php", ".swift", ".m", ".scala",
                   ".sh", ".bash", ".ps1", ".sql", ".r", ".jl", ".lua", ".pl", ".hs", ".ml", ".css",
                   ".scss", ".toml", ".yaml", ".yml", ".ini", ".cfg", ".json", ".xml")


@register("Source code", *SOURCE_SUFFIXES)
def read_source(path: Path) -> str:
    return normalise(decode_text(path.read_bytes()))


# ------------------------------------------------------------------ entry points
def kind_of(path: Path) -> str | None:
    entry = READERS.get(path.suffix.lower())
    return entry[0] if entry else None


def read_file(path: str | Path) -> Document:
    """Read one file or raise DocumentError with one sentence."""
    p = Path(path)
    if not p.exists():
        raise DocumentError("The file does not exist.")
    if p.is_dir():
        raise DocumentError("This is a folder, not a file.")
    entry = READERS.get(p.suffix.lower())
    if entry is None:
        known = ", ".join(sorted({s for s in READERS if s in (".txt", ".md", ".rst", ".py")}))
        raise DocumentError(f"NormFit cannot read '{p.suffix or 'files without an extension'}' files; "
                            f"save it as plain text ({known}, ...) first.")
    try:
        size = p.stat().st_size
    except OSError as e:
        raise DocumentError(f"The file cannot be opened ({e.strerror}).") from None
    if size > MAX_FILE_BYTES:
        raise DocumentError(f"The file is {size / 1e6:.0f} MB; files over {MAX_FILE_BYTES // 2**20} MB are "
                            "not read. Split it into smaller files.")
    kind, reader = entry
    try:
        text = reader(p)
    except DocumentError:
        raise
    except PermissionError:
        raise DocumentError("NormFit is not allowed to open this file.") from None
    except OSError as e:
        raise DocumentError(f"The file cannot be read ({e.strerror or e}).") from None
    except Exception as e:  # a reader library choked on a damaged file
        raise DocumentError(f"The file is damaged or not really a {kind} file ({type(e).__name__}).") from None
    if not text.strip():
        raise DocumentError("The file is empty (no text in it).")
    return Document(path=str(p), kind=kind, text=text)


def _hidden(p: Path) -> bool:
    return p.name.startswith(".") or p.name in ("Thumbs.db", "desktop.ini", "__pycache__", "node_modules")


def expand(paths: Iterable[str | Path]) -> Iterable[Path]:
    """Files as given, and every readable-looking file inside given folders (sorted)."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not _hidden(Path(d)))
                for f in sorted(files):
                    fp = Path(root) / f
                    if not _hidden(fp) and fp.suffix.lower() in READERS:
                        yield fp
        else:
            yield p


def collect(paths: Iterable[str | Path], should_stop: Callable[[], bool] | None = None,
            on_progress: Callable[[int, Path], None] | None = None) -> Collection:
    """Read everything; refusals and duplicates are recorded, never raised."""
    out = Collection()
    seen: set[str] = set()
    total = 0
    for i, p in enumerate(expand(paths)):
        if should_stop is not None and should_stop():
            out.cancelled = True
            break
        if on_progress is not None:
            on_progress(i, p)
        try:
            doc = read_file(p)
        except DocumentError as e:
            out.refused.append(Refusal(str(p), str(e)))
            continue
        h = hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
        if h in seen:
            out.duplicates.append(str(p))
            continue
        if total + doc.chars > MAX_TOTAL_CHARS:
            out.refused.append(Refusal(str(p), f"The selection is already over {MAX_TOTAL_CHARS // 2**20} MB "
                                               "of text; this file was left out."))
            continue
        seen.add(h)
        total += doc.chars
        out.documents.append(doc)
    return out
