"""An Explanation as HTML: the text with each word tinted, the word lists, a
legend in plain words. Used for `normfit explain`'s page and, through
tinted_html, by the window's text view (Qt's rich text reads the same tags).

Colour is never the only cue (about one man in twelve does not tell red from
green): a word the personalised model expects more is green *and underlined*,
one it expects less is red *and in italics*; the shade says how much.
Words are English templates marked for Qt's translation tools (context
"explain"), as the class report's are.
"""
from __future__ import annotations

import html
from typing import TYPE_CHECKING, Callable

from .messages import QT_TRANSLATE_NOOP

if TYPE_CHECKING:      # torch-free at run time, so the window may use it as it uses class_report
    from .explain import Explanation, Piece

# Below this many bits a word is left plain: smaller changes are noise to the eye.
SHOWN_BITS = 0.1
FULL_BITS = 2.0          # the darkest shade

TITLE = QT_TRANSLATE_NOOP("explain", "What your model learned")
LEGEND = QT_TRANSLATE_NOOP("explain", "Green and underlined: your model finds this word easier to predict than the "
                                      "base model did. Red and in italics: harder. The darker, the larger the "
                                      "change. Plain: about the same.")
GAINED = QT_TRANSLATE_NOOP("explain", "Words it now expects")
LOST = QT_TRANSLATE_NOOP("explain", "Words it now expects less")
NONE = QT_TRANSLATE_NOOP("explain", "None.")
TIMES = QT_TRANSLATE_NOOP("explain", "{count}x")
EXCERPT = QT_TRANSLATE_NOOP("explain", "An excerpt of {used} of the text's {total} characters, chosen at random "
                                       "(always the same one for the same text).")
SUMMARY = QT_TRANSLATE_NOOP("explain", "{better} of {words} words became easier to predict; the whole excerpt "
                                       "became {pct} more predictable.")
NEVER_TRAINED = QT_TRANSLATE_NOOP("explain", "This is text the model never trained on.")


def _shade(change: float) -> float:
    return min(1.0, abs(change) / FULL_BITS)


def _colour(change: float) -> str:
    a = 0.15 + 0.65 * _shade(change)
    # Mixed with white by hand: Qt's rich text has no rgba().
    r, g, b = (34, 160, 60) if change > 0 else (215, 48, 39)
    mix = lambda c: round(255 - a * (255 - c))    # noqa: E731
    return f"#{mix(r):02x}{mix(g):02x}{mix(b):02x}"


def tinted_html(pieces: list[Piece]) -> str:
    """The text as HTML spans; line breaks kept; changes in the title attribute."""
    out = []
    for p in pieces:
        t = html.escape(p.text).replace("\n", "<br>")
        if p.change is None or abs(p.change) < SHOWN_BITS:
            out.append(t)
            continue
        style = f"background-color:{_colour(p.change)};" + (
            "text-decoration:underline;" if p.change > 0 else "font-style:italic;")
        out.append(f'<span style="{style}" title="{p.change:+.2f} bits">{t}</span>')
    return "".join(out)


def word_rows(ex: Explanation, translate: Callable[[str], str]) -> tuple[list[str], list[str]]:
    """The two lists as lines: 'word (3x)'."""
    times = translate(TIMES)
    fmt = lambda w: f"{w.word} ({times.format(count=w.count)})"    # noqa: E731
    return [fmt(w) for w in ex.gained], [fmt(w) for w in ex.lost]


def summary(ex: Explanation, translate: Callable[[str], str]) -> str:
    pct = 100 * (1 - 2 ** ((ex.bits_adapted - ex.bits_base) / max(1, ex.tokens))) if ex.tokens else 0.0
    text = translate(SUMMARY).format(better=f"{ex.words_better:,}", words=f"{ex.words:,}", pct=f"{pct:.1f}%")
    if ex.excerpt:
        text += " " + translate(EXCERPT).format(used=f"{ex.chars_used:,}", total=f"{ex.chars_total:,}")
    return text


def page(ex: Explanation, heading: str, translate: Callable[[str], str] | None = None, lang: str = "en") -> str:
    t = translate or (lambda s: s)
    e = html.escape
    gained, lost = word_rows(ex, t)
    li = lambda rows: "".join(f"<li>{e(r)}</li>" for r in rows) or f"<li>{e(t(NONE))}</li>"    # noqa: E731
    return f"""<!DOCTYPE html>
<html lang="{e(lang)}"><head><meta charset="utf-8"><title>{e(t(TITLE))}</title>
<style>
 body {{ font-family: "Noto Sans Malayalam", "Noto Sans", sans-serif; margin: 2em; color: #222; }}
 .text {{ line-height: 1.7; max-width: 48em; }} .lists {{ display: flex; gap: 3em; }}
 p.small {{ color: #555; font-size: 90%; }}
</style></head><body>
<h1>{e(t(TITLE))}</h1>
<p><b>{e(heading)}</b></p>
<p class="small">{e(t(LEGEND))} {e(summary(ex, t))}</p>
<div class="lists"><div><h2>{e(t(GAINED))}</h2><ol>{li(gained)}</ol></div>
<div><h2>{e(t(LOST))}</h2><ol>{li(lost)}</ol></div></div>
<div class="text">{tinted_html(ex.pieces)}</div>
</body></html>
"""
