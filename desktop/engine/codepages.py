"""Choosing between Windows-1252 and Central European code pages for short texts
(charset detection alone confuses them: see central_european_more_likely)."""
from __future__ import annotations

CENTRAL = {"cp1250", "iso8859_2"}
_VOWELS = set("aeiouyAEIOUYáéíóúýäëïöüÁÉÍÓÚÝÄËÏÖÜěůĚŮ")


def central_european_more_likely(data: bytes, enc: str, as_1252: str) -> bool:
    """Short Western text is often mistaken for Windows-1250 (è and č share a
    byte; "crème" would read "crčme"). Decide on the bytes where the two
    readings differ: where 1250 gives a letter and 1252 a symbol, 1250 gains;
    where one reading is a vowel and the other a consonant, the neighbours
    vote (between two consonants a vowel is likelier). Ties go to 1252."""
    try:
        a, b = as_1252, data.decode(enc)
    except UnicodeDecodeError:
        return False
    if len(a) != len(b):
        return True
    west = central = 0
    for i, (x, y) in enumerate(zip(a, b)):
        if x == y:
            continue
        if y.isalpha() and not x.isalpha():
            central += 2
            continue
        if not (x.isalpha() and y.isalpha()) or (x in _VOWELS) == (y in _VOWELS):
            continue
        near = [c for c in (a[i - 1] if i else " ", a[i + 1] if i + 1 < len(a) else " ") if c.isalpha()]
        if not near:
            continue
        vowel_needed = all(c not in _VOWELS for c in near)
        if vowel_needed == (x in _VOWELS):
            west += 1
        else:
            central += 1
    return central > west
