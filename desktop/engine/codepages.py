"""Choosing between Windows-1252 and Central European code pages for short texts
(charset detection alone confuses them: see central_european_more_likely)."""
from __future__ import annotations

CENTRAL = {"cp1250", "iso8859_2"}
# Every accented vowel either reading can give. A vowel missing here counts as
# a consonant: without è, "crème" voted for "crčme".
_VOWELS = set("aeiouyAEIOUY"
              "áéíóúýÁÉÍÓÚÝàèìòùÀÈÌÒÙâêîôûÂÊÎÔÛäëïöüÿÄËÏÖÜŸåÅæÆøØãõÃÕăĂąęĄĘěůĚŮőűŐŰ")
# ě and ů are among the commonest Czech letters; ì and ù, on the same bytes,
# are rare in Western words except at the end (più, così, où).
_CZECH_VOWELS = set("ěůĚŮ")
# The diaeresis marks a vowel said apart from the vowel before it (naïve,
# Anaïs, ouïe). Czech writes ď (ï's byte in 1250) only before a, o, u, a
# consonant or a word's end, so ï after a vowel and before e, i or a consonant
# is Western.
_DIAERESIS = set("ïÏ")
_NOT_AFTER_D = set("aouAOUáóúÁÓÚ")
# Letters both code pages put on the same byte but only one family of
# languages writes: š and ž (Czech, Slovak, Slovene, Croatian) against ç
# (French, Portuguese, Catalan). A short text rarely has enough differing bytes
# to decide on its own.
_CENTRAL_ONLY = set("šžŠŽ")
_WESTERN_ONLY = set("çÇ")


def _vote(a: str, b: str, i: int) -> int:
    """+1 for Western, -1 for Central, 0 for no opinion, on a byte where the
    1252 reading a and the 1250 reading b are two different letters."""
    x, y = a[i], b[i]
    before = a[i - 1] if i else " "
    after = a[i + 1] if i + 1 < len(a) else " "
    if y in _CZECH_VOWELS and x in _VOWELS:
        return -1 if after.isalpha() else 0
    if (x in _VOWELS) == (y in _VOWELS):
        return 0
    if x in _DIAERESIS and before in _VOWELS and after.isalpha() and after not in _NOT_AFTER_D:
        return 1
    near = [c for c in (before, after) if c.isalpha()]
    if not near:
        return 0
    vowel_needed = all(c not in _VOWELS for c in near)
    return 1 if vowel_needed == (x in _VOWELS) else -1


def central_european_more_likely(data: bytes, enc: str, as_1252: str) -> bool:
    """Short Western text is often mistaken for Windows-1250 (è and č share a
    byte; "crème" would read "crčme"). Decide on the bytes where the two
    readings differ: where 1250 gives a letter and 1252 a symbol, 1250 gains
    two; where both give letters, `_vote` says which reading the letter and
    its neighbours fit (between two consonants a vowel is likelier); letters
    only one family writes add one each. Ties go to 1252."""
    try:
        a, b = as_1252, data.decode(enc)
    except UnicodeDecodeError:
        return False
    if len(a) != len(b):
        return True
    score = sum(c in _WESTERN_ONLY for c in a) - sum(c in _CENTRAL_ONLY for c in a)
    for i, (x, y) in enumerate(zip(a, b)):
        if x == y:
            continue
        if y.isalpha() and not x.isalpha():
            score -= 2
        elif x.isalpha() and y.isalpha():
            score += _vote(a, b, i)
    return score < 0
