"""The teachers' guides quote the window's own words (issue 30).

A teacher reads "choose *File > Class...*" in the guide and looks for exactly that
on the screen; a guide that says it differently from the window sends them
hunting. Every name the guides mark (*italics*, **bold**, "quotes"; menu paths
split at " > ") must be a source (docs/TEACHERS.md) or a translation
(docs/TEACHERS-ml.md) in assets/i18n/normfit_ml.ts: the whole text of a button,
menu item or column for *italics* and **bold**, a part of a message for "quotes"
(the guide cites what a message says). No Qt needed: the .ts is read as XML.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "assets" / "i18n" / "normfit_ml.ts"
GUIDES = {"en": ROOT / "docs" / "TEACHERS.md", "ml": ROOT / "docs" / "TEACHERS-ml.md"}
# Marked text in the guides that is not the window's: list headings, a term being
# defined, the desktop's own menu category and the note that the Malayalam is unreviewed.
NOT_WINDOW_WORDS = {
    "From the lab package", "From the folder", "adapter", "Education",
    "ലാബ് പാക്കേജിൽ നിന്ന്", "ഫോൾഡറിൽ നിന്ന്", "അഡാപ്റ്റർ",
    "ഈ മലയാളം ഒരു മലയാളി ഇതുവരെ പരിശോധിച്ചിട്ടില്ല (unreviewed).",
}
MARKED = re.compile(r"\*\*(?P<bold>[^*]+)\*\*|(?<![*\w])\*(?P<italic>[^*\s][^*]*)\*(?!\*)|\"(?P<quote>[^\"]+)\"")


def window_words(lang: str) -> list[str]:
    """Every source (en) or translation (ml) in the .ts, as shown: no &-letters."""
    out = []
    for m in ET.parse(TS).getroot().iter("message"):
        text = m.findtext("source" if lang == "en" else "translation") or ""
        out.append(shown(text))
    return out


def shown(text: str) -> str:
    """A label as the window shows it: without its Alt-letter marks, "(&F)" or "&"."""
    return re.sub(r"\s*\(&\w\)", "", text).replace("&", "")


def bare(name: str) -> str:
    # The guides leave out the "..." of a menu item and the ":" of a label.
    return name.strip().rstrip(".:").strip()


def marked_names(text: str) -> list[tuple[str, str]]:
    """(how it is marked, name) for each marked name; a menu path gives one name per part."""
    names = []
    for m in MARKED.finditer(text):
        kind = m.lastgroup
        span = m.group(kind).strip()
        if span in NOT_WINDOW_WORDS or "`" in span:
            continue
        for part in span.split(" > ") if kind != "quote" else [span]:
            names.append((kind, part))
    return names


def found(kind: str, name: str, words: list[str]) -> bool:
    if kind == "quote":
        # A message quoted in part; N stands for a number ("There are only N words of text").
        pattern = re.compile(r"\s*".join(
            r"(?:\{\w+\}|\d[\d,.]*)" if w in ("N", "{n}") else re.escape(w) for w in name.split()), re.I)
        return any(pattern.search(w) for w in words)
    want = bare(name).casefold()
    # Whole label, or the label a status line starts with ("Not used: ...").
    return any(bare(w).casefold() == want or w.casefold().startswith(want + ":") for w in words)


@pytest.mark.parametrize("lang", sorted(GUIDES))
def test_every_name_the_guide_quotes_is_in_the_window(lang):
    words = window_words(lang)
    names = marked_names(GUIDES[lang].read_text(encoding="utf-8"))
    assert len(names) >= 15, names         # the extraction itself works
    missing = [f"{kind}: {name}" for kind, name in names if not found(kind, name, words)]
    assert not missing, f"{GUIDES[lang].name} quotes words the window does not show: {missing}"


def test_the_check_tells_a_name_from_a_near_miss():
    words = [shown("വ്യക്തിഗതമാക്കൽ തുടങ്ങുക"), shown("ഫയൽ (&F)"), shown("Not used: {file}: {why}"),
             shown("There are only {n} words of text.")]
    assert found("italic", "വ്യക്തിഗതമാക്കൽ തുടങ്ങുക", words)
    assert not found("italic", "വ്യക്തിഗതമാക്കാൻ തുടങ്ങുക", words)
    assert found("italic", "ഫയൽ", words) and found("italic", "not used", words)
    assert found("quote", "There are only N words of text", words)
    assert not found("quote", "There are only N words", ["Only {n} words of text."])
