"""Numbers into plain sentences for the window.

Kept free of widgets so the wording can be tested on its own. Every sentence
goes through Qt's translation machinery (`tr`), so the app can be translated
(assets/i18n/, docs/TRANSLATING.md), and every number is written by QLocale
for the language in use (desktop/ui/language.py sets the default locale).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QLocale

# The pure Pareto rule, not engine.api: the api loads torch, and the window must
# reach the screen before torch is imported (it loads in the background).
from ..engine.methods import SHAREABLE, spec
from ..engine.pareto import GENERAL_TOLERANCE
from ..engine.pareto import dominates as engine_dominates

try:   # marks texts for pyside6-lupdate that are translated later, with tr(text)
    from PySide6.QtCore import QT_TR_NOOP
except ImportError:    # pragma: no cover
    def QT_TR_NOOP(text: str) -> str:    # noqa: N802 (Qt's name)
        return text

# The empty context is where pyside6-lupdate files calls of a plain function
# named tr(), so the .ts it writes matches what this function looks up.
CONTEXT = ""


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate(CONTEXT, text, disambiguation, n)


def loc() -> QLocale:
    """The locale numbers are written in: QLocale's default (the language in
    use). The bare "C" locale of a minimal system writes 1500 without a group
    separator, so it counts as US English."""
    lc = QLocale()
    if lc.language() == QLocale.Language.C:
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    return lc


def num(n: float) -> str:
    """A whole number with the locale's grouping: 1,500 (Malayalam: 1,500; 1,00,000)."""
    return loc().toString(int(round(n)))


def dec(x: float, places: int = 1) -> str:
    return loc().toString(float(x), "f", places)


def pct(p: float, places: int = 0) -> str:
    """27.3 -> '27%' in the locale's way of writing percentages."""
    lc = loc()
    return lc.toString(float(p), "f", places) + lc.percent()


def say(text) -> str:
    """An engine sentence (engine/messages.Message, or an error carrying one) in
    the language in use, its numbers written by the locale; plain text as it is."""
    from ..engine.messages import render      # torch-free
    inner = getattr(text, "message", text)
    return render(inner, QCoreApplication.translate,
                  lambda v: num(v) if float(v).is_integer() else dec(v))


def method_name(method: str) -> str:
    """A method's words from its Spec (engine/methods.py, marked there for translation)."""
    if method == "base":
        return tr("Base model (before)")
    s = spec(method)
    return tr(s.title) if s is not None else method


def clock(seconds: float) -> str:
    """m:ss (minutes keep counting past an hour: a class can take that long)."""
    s = max(0, int(round(seconds)))
    lc = loc()
    secs = lc.toString(s % 60)
    return f"{lc.toString(s // 60)}:{lc.zeroDigit() * (2 - len(secs))}{secs}"


def size_text(n_bytes: int | None) -> str:
    if n_bytes is None:
        return "—"
    if n_bytes < 1024:
        return tr("{n} bytes").format(n=num(n_bytes))
    if n_bytes < 1024 * 1024:
        return tr("{n} KB").format(n=dec(n_bytes / 1024))
    return tr("{n} MB").format(n=dec(n_bytes / (1024 * 1024)))


def count_text(n: int) -> str:
    if n >= 1_000_000:
        return tr("{n} million").format(n=dec(n / 1e6))
    return num(n)


def ppl_text(ppl: float | None) -> str:
    if ppl is None or not math.isfinite(ppl):
        return "—"
    if ppl >= 100:
        return num(ppl)
    return dec(ppl)


def words_needed(words: int, minimum: int) -> str | None:
    """The plain warning for too little text, or None when there is enough."""
    if words >= minimum:
        return None
    more = minimum - words
    pages = max(1, math.ceil(more / 300))
    if words == 0:
        return tr("Add some of your own writing: NormFit needs at least {min} words "
                  "(about {pages} pages).").format(min=num(minimum), pages=num(max(1, math.ceil(minimum / 300))))
    if pages == 1:
        return tr("Not enough text yet: NormFit needs at least {min} words. "
                  "Add about {more} more words (about one more page).").format(min=num(minimum), more=num(more))
    return tr("Not enough text yet: NormFit needs at least {min} words. "
              "Add about {more} more words (roughly {pages} more pages).").format(
        min=num(minimum), more=num(more), pages=num(pages))


def heldout_sentence(before: float | None, after: float | None) -> str:
    """Headline: how much better the model predicts the person's own writing."""
    if before is None or after is None or not math.isfinite(after):
        return tr("The personalised model could not be measured.")
    change = (1.0 - after / before) * 100.0
    if change >= 0.5:
        return tr("The model now predicts your writing {p} better.").format(p=pct(change))
    if change > -0.5:
        return tr("The model predicts your writing about as well as before.")
    return tr("The model now predicts your writing {p} worse. "
              "Try a longer time or more of your text.").format(p=pct(-change))


def adapter_sentence(before: float | None, after: float | None) -> str:
    """How an opened adapter file does on the current documents."""
    if before is None or after is None or not math.isfinite(after):
        return tr("This adapter could not be measured on your documents.")
    change = (1.0 - after / before) * 100.0
    if change >= 0.5:
        return tr("With this adapter the model predicts your writing {p} better.").format(p=pct(change))
    if change > -0.5:
        return tr("With this adapter the model predicts your writing about as well as without it.")
    return tr("With this adapter the model predicts your writing {p} worse.").format(p=pct(-change))


@dataclass(frozen=True)
class GeneralCheck:
    text: str
    level: str       # "ok", "note" or "warning"


def general_sentence(before: float | None, after: float | None) -> GeneralCheck:
    """Did the model get worse at ordinary text? Plain words and a severity."""
    if before is None or after is None:
        return GeneralCheck(tr("General text: not checked."), "note")
    if not math.isfinite(after):
        return GeneralCheck(tr("General text: the model broke down (it no longer predicts ordinary text). "
                               "Do not use this result."), "warning")
    change = (after / before - 1.0) * 100.0
    if change <= -0.5:
        return GeneralCheck(tr("General text: {p} better - fine.").format(p=pct(-change)), "ok")
    if change < 0.5:
        return GeneralCheck(tr("General text: unchanged - fine."), "ok")
    if change <= 10:
        return GeneralCheck(tr("General text: {p} worse - fine.").format(p=pct(change)), "ok")
    if change <= 30:
        return GeneralCheck(tr("General text: {p} worse - some drift away from ordinary writing; "
                               "usually still fine.").format(p=pct(change)), "note")
    return GeneralCheck(tr("General text: {p} worse - the model has drifted a lot from ordinary "
                           "writing and may write oddly outside your own style.").format(p=pct(change)), "warning")


@dataclass(frozen=True)
class Row:
    """One method's outcome, as the comparison table and verdict need it."""
    method: str
    heldout: float | None
    general: float | None
    size: int | None


def _metrics(r: Row) -> dict:
    return {"heldout_ppl_after": r.heldout, "general_ppl_after": r.general, "adapter_bytes": r.size}


def dominates(a: Row, b: Row) -> bool:
    """Pareto, by the shootout's rule (engine): lower personal perplexity AND
    smaller file AND general perplexity no more than GENERAL_TOLERANCE worse."""
    if None in (a.heldout, b.heldout, a.size, b.size):
        return False
    return engine_dominates(_metrics(a), _metrics(b))


def pareto_verdict(rows: list[Row]) -> str:
    """One sentence: does norm-only Pareto-dominate the other methods here?"""
    by = {r.method: r for r in rows}
    norm = by.get(SHAREABLE)
    others = [r for r in rows if r.method != SHAREABLE]
    if norm is None or not others or norm.heldout is None:
        return tr("Not all methods finished, so there is no verdict.")
    beaten = [r for r in others if dominates(norm, r)]
    if len(beaten) == len(others):
        return tr("Norm-only wins on every count: it predicts your writing better than {names}, "
                  "with a far smaller file, and is no worse on general text.").format(
            names=tr(" and ").join(method_name(r.method) for r in others))
    reasons = []
    for r in others:
        if r in beaten:
            continue
        if r.heldout is not None and norm.heldout is not None and r.heldout <= norm.heldout:
            reasons.append(tr("{name} predicts your writing better").format(name=method_name(r.method)))
        elif r.general is not None and norm.general is not None and \
                norm.general > r.general * (1 + GENERAL_TOLERANCE):
            reasons.append(tr("{name} stays closer to general text").format(name=method_name(r.method)))
        else:
            reasons.append(tr("{name} did not finish").format(name=method_name(r.method)))
    if beaten:
        return tr("Norm-only beats {won} on every count, but not {lost}: {why}.").format(
            won=tr(" and ").join(method_name(r.method) for r in beaten),
            lost=tr(" and ").join(method_name(r.method) for r in others if r not in beaten),
            why=tr("; ").join(reasons))
    smallest = norm.size is not None and all(r.size is None or norm.size < r.size for r in others)
    if smallest:
        return tr("Norm-only does not win on every count here: {why}; its file is still the smallest.").format(
            why=tr("; ").join(reasons))
    return tr("Norm-only does not win on every count here: {why}.").format(why=tr("; ").join(reasons))
