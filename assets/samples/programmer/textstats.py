"""Small, dependency-free statistics for plain text.

The functions here answer the boring questions one asks about a document
before doing anything clever with it: how many words, how many sentences,
which words repeat, how long the lines run. Everything works on ``str``
and returns plain Python values, so the results are easy to print, test
and serialise.

Design notes:
    - Tokenising is deliberately naive. A "word" is a run of letters,
      digits or apostrophes. That is wrong for some languages and right
      enough for a quick look.
    - Nothing here reads files. Callers pass text in; callers decide
      where it came from.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

WORD_PATTERN = re.compile(r"[A-Za-z0-9']+")
SENTENCE_END = re.compile(r"[.!?]+(?:\s+|$)")
DEFAULT_TOP_N = 10


@dataclass(frozen=True)
class TextSummary:
    """A snapshot of the numbers we care about for one document."""

    characters: int
    words: int
    sentences: int
    lines: int
    mean_word_length: float
    mean_sentence_length: float
    top_words: list[tuple[str, int]] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        """Return the summary as a plain dictionary (handy for JSON)."""
        return {
            "characters": self.characters,
            "words": self.words,
            "sentences": self.sentences,
            "lines": self.lines,
            "mean_word_length": round(self.mean_word_length, 2),
            "mean_sentence_length": round(self.mean_sentence_length, 2),
            "top_words": [list(pair) for pair in self.top_words],
        }


def tokenize_words(text: str, *, lowercase: bool = True) -> list[str]:
    """Split ``text`` into words.

    Args:
        text: Any string. Empty strings are fine.
        lowercase: Fold case so "The" and "the" count as one word.

    Returns:
        The words in order of appearance, possibly empty.
    """
    words = WORD_PATTERN.findall(text)
    if lowercase:
        words = [word.lower() for word in words]
    return words


def count_sentences(text: str) -> int:
    """Count sentences by their closing punctuation.

    A trailing fragment without punctuation still counts as one sentence,
    because people forget the final full stop more often than not.
    """
    stripped = text.strip()
    if not stripped:
        return 0
    endings = len(SENTENCE_END.findall(stripped))
    # Note: a missing final stop means one extra, unterminated sentence.
    if stripped[-1] not in ".!?":
        endings += 1
    return endings


def top_words(
    words: list[str],
    n: int = DEFAULT_TOP_N,
    *,
    stopwords: frozenset[str] = frozenset(),
) -> list[tuple[str, int]]:
    """Return the ``n`` most frequent words, ignoring ``stopwords``.

    Ties are broken alphabetically so that the output is stable between
    runs. ``Counter.most_common`` alone does not promise that.
    """
    counts = Counter(word for word in words if word not in stopwords)
    ranked = sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))
    return ranked[:n]


def _safe_mean(total: float, count: int) -> float:
    """Divide, but return 0.0 instead of raising on an empty input."""
    return total / count if count else 0.0


def summarise(
    text: str,
    *,
    top_n: int = DEFAULT_TOP_N,
    stopwords: frozenset[str] = frozenset(),
) -> TextSummary:
    """Compute a :class:`TextSummary` for ``text``.

    Example:
        >>> summarise("One fish. Two fish!").words
        4
    """
    words = tokenize_words(text)
    sentences = count_sentences(text)
    letters = sum(len(word) for word in words)
    return TextSummary(
        characters=len(text),
        words=len(words),
        sentences=sentences,
        lines=text.count("\n") + (1 if text and not text.endswith("\n") else 0),
        mean_word_length=_safe_mean(letters, len(words)),
        mean_sentence_length=_safe_mean(len(words), sentences),
        top_words=top_words(words, top_n, stopwords=stopwords),
    )


if __name__ == "__main__":
    import sys

    # Note: reading stdin keeps the module free of any file handling.
    summary = summarise(sys.stdin.read())
    for key, value in summary.as_dict().items():
        print(f"{key:>22}: {value}")
