"""The teacher's summary of a class run: class-report.html (to read) and
class-report.csv (for a spreadsheet), next to the students' adapters.

The words are English templates marked for Qt's translation tools (context
"classroom"; a failed student's reason is an engine Message, context
"engine"); the window, or `normfit class --lang ml`, passes a Wording
(engine/messages.py) so a Malayalam teacher gets a Malayalam report, numbers
and the date included. In English the CSV keeps its lower-case headers and
status codes, for spreadsheets and scripts; in another language its headers and
statuses are worded too. Every figure comes from the records, whose numbers
for a saved adapter were read back from the adapter's own metadata.
"""
from __future__ import annotations

import csv
import html
import io
import time
from pathlib import Path
from urllib.parse import quote

from .. import __version__
from .messages import ENGLISH, QT_TRANSLATE_NOOP, Message, Wording

HTML_NAME, CSV_NAME = "class-report.html", "class-report.csv"
CSV_COLUMNS = ("name", "words", "personal gain (%)", "general drift (%)", "steps", "time (s)", "file", "status",
               "note")
CSV_HEADERS = (QT_TRANSLATE_NOOP("classroom", "Name"), QT_TRANSLATE_NOOP("classroom", "Words"),
               QT_TRANSLATE_NOOP("classroom", "Personal gain (%)"), QT_TRANSLATE_NOOP("classroom", "General drift (%)"),
               QT_TRANSLATE_NOOP("classroom", "Steps"), QT_TRANSLATE_NOOP("classroom", "Time (s)"),
               QT_TRANSLATE_NOOP("classroom", "File"), QT_TRANSLATE_NOOP("classroom", "Status"),
               QT_TRANSLATE_NOOP("classroom", "Note"))

STATUS = {
    "done": QT_TRANSLATE_NOOP("classroom", "Adapter saved"),
    "no-gain": QT_TRANSLATE_NOOP("classroom", "No adapter: nothing beat the base model"),
    "skipped": QT_TRANSLATE_NOOP("classroom", "Skipped"),
    "failed": QT_TRANSLATE_NOOP("classroom", "Failed"),
    "stopped": QT_TRANSLATE_NOOP("classroom", "Stopped; continues on the next run"),
    "waiting": QT_TRANSLATE_NOOP("classroom", "Not done yet"),
    "training": QT_TRANSLATE_NOOP("classroom", "Training..."),
}
REASONS = {
    "too-little-text": QT_TRANSLATE_NOOP("classroom", "Too little text: {words} words; at least {min} are needed."),
    "no-documents": QT_TRANSLATE_NOOP("classroom", "No readable documents in this folder."),
    "error": "{why}",
}
COLUMNS = (QT_TRANSLATE_NOOP("classroom", "Name"), QT_TRANSLATE_NOOP("classroom", "Words"),
           QT_TRANSLATE_NOOP("classroom", "Personal gain"), QT_TRANSLATE_NOOP("classroom", "General drift"),
           QT_TRANSLATE_NOOP("classroom", "Steps"), QT_TRANSLATE_NOOP("classroom", "Time"),
           QT_TRANSLATE_NOOP("classroom", "File"), QT_TRANSLATE_NOOP("classroom", "Status"))
TITLE = QT_TRANSLATE_NOOP("classroom", "Class report: {name}")
COUNTS = QT_TRANSLATE_NOOP("classroom", "{done} of {total} students have an adapter; {skipped} skipped, "
                                        "{nogain} without one, {left} not done yet.")
ALL_DONE = QT_TRANSLATE_NOOP("classroom", "Every student is done.")
CONTINUE = QT_TRANSLATE_NOOP("classroom", "Not finished: run it again to continue. Students already done are not "
                                          "redone.")
GAIN_HELP = QT_TRANSLATE_NOOP("classroom", "Personal gain: how much better the model predicts the student's own "
                                           "writing, measured on a part of it that was kept aside and never "
                                           "trained on. Higher is better.")
DRIFT_HELP = QT_TRANSLATE_NOOP("classroom", "General drift: how much worse the model got at ordinary text. "
                                            "Small is good; the limit was {limit}.")
DRIFT_HELP_NO_LIMIT = QT_TRANSLATE_NOOP("classroom", "General drift: how much worse the model got at ordinary "
                                                     "text. Small is good; there was no limit.")
SETTINGS = QT_TRANSLATE_NOOP("classroom", "Made by NormFit {version} on {date}: up to {minutes} minutes per "
                                          "student, base model {base}.")
SHARE = QT_TRANSLATE_NOOP("classroom", "Each student's adapter file carries their name and no other personal "
                                       "information; copy it to the student or open it in NormFit (Open adapter).")

WHOSE_TITLE = QT_TRANSLATE_NOOP("classroom", "Whose writing is this?")
WHOSE_HELP = QT_TRANSLATE_NOOP("classroom", "Each student's writing that was kept aside (never trained on) was cut "
                                            "into pieces, and every student's model read every piece. A row is "
                                            "whose writing it was; a column is whose model found it most "
                                            "predictable. The diagonal is a student recognised.")
WHOSE_CURVE = QT_TRANSLATE_NOOP("classroom", "How often to expect it: for a text of about {words} words among "
                                             "{n} students, NormFit names the right one about {k} times in 10 "
                                             "(measured on a class of twelve similar writers).")
WHOSE_COUNT = QT_TRANSLATE_NOOP("classroom", "{n} of {m} pieces recognised.")
WRITER = QT_TRANSLATE_NOOP("classroom", "Writer")
GUESS = QT_TRANSLATE_NOOP("classroom", "Recognised as")
LEARNED = QT_TRANSLATE_NOOP("classroom", "Words their model learned")


def _t(wording: Wording):
    return lambda s: wording.lookup("classroom", s)


def recognition_html(rec, wording: Wording = ENGLISH) -> str:
    """The confusion table and each student's learned words ("" without a recognition)."""
    if rec is None or len(rec.names) < 2:
        return ""
    t, e = _t(wording), html.escape
    head = "".join(f"<th>{e(n)}</th>" for n in rec.names)
    rows = []
    for i, name in enumerate(rec.names):
        cells = "".join(f'<td class="n{" hit" if i == j and c else " miss" if c else ""}">{c}</td>'
                        for j, c in enumerate(rec.table[i]))
        rows.append(f"<tr><th>{e(name)}</th>{cells}</tr>")
    words = "".join(f"<tr><td>{e(n)}</td><td>{e(', '.join(rec.words.get(n, [])) or '—')}</td></tr>"
                    for n in rec.names)
    return f"""<h2>{e(t(WHOSE_TITLE))}</h2>
<p><b>{e(t(WHOSE_COUNT).format(n=wording.number(rec.recognised), m=wording.number(rec.pieces)))}</b>
{e(_curve(rec, wording))}</p>
<table class="whose"><thead><tr><th>{e(t(WRITER))} \u2193 / {e(t(GUESS))} \u2192</th>{head}</tr></thead><tbody>
{chr(10).join(rows)}
</tbody></table>
<p class="small">{e(t(WHOSE_HELP))}</p>
<h2>{e(t(LEARNED))}</h2>
<table><tbody>{words}</tbody></table>
"""


def _curve(rec, wording: Wording) -> str:
    """The teacher's line from the measured curve ("" for a class file from before it)."""
    from .certainty import expected_accuracy, in_ten
    if not rec.piece_words:
        return ""
    return _t(wording)(WHOSE_CURVE).format(words=wording.number(rec.piece_words), n=wording.number(len(rec.names)),
                                           k=wording.number(in_ten(expected_accuracy(rec.piece_words,
                                                                                     len(rec.names)))))


def pct(x: float | None, sign: bool = False) -> str:
    if x is None:
        return "—"
    if round(100 * x, 1) == 0:      # no "-0.0%"
        return "0.0%"
    return f"{100 * x:+.1f}%" if sign else f"{100 * x:.1f}%"


def clock(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    s = max(0, int(round(seconds)))
    return f"{s // 60}:{s % 60:02d}"


def note_of(rec, wording: Wording = ENGLISH) -> str:
    if not rec.reason:
        return ""
    # A failed student's "why" is the engine's sentence, kept as a Message (to_json) in the class state.
    args = {k: (wording.say(Message.from_json(v)) if isinstance(v, dict)
                else wording.number(v) if isinstance(v, int) else str(v)) for k, v in rec.reason_args.items()}
    try:
        return _t(wording)(REASONS.get(rec.reason, "{why}")).format(**{"why": rec.reason, **args})
    except (KeyError, IndexError):
        return rec.reason


def csv_text(run, wording: Wording = ENGLISH) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    english, t = wording.lang == "en", _t(wording)
    w.writerow(CSV_COLUMNS if english else [t(h) for h in CSV_HEADERS])
    for r in run.records:
        num = lambda x: "" if x is None else f"{100 * x:.2f}"    # noqa: E731
        w.writerow([r.name, r.words, num(r.personal_gain), num(r.general_drift),
                    "" if r.steps is None else r.steps, "" if r.seconds is None else r.seconds,
                    r.file, r.status if english else t(STATUS.get(r.status, r.status)), note_of(r, wording)])
    return buf.getvalue()


def html_text(run, wording: Wording = ENGLISH) -> str:
    t, e, lang = _t(wording), html.escape, wording.lang
    recs = run.records
    n = {k: sum(r.status == k for r in recs) for k in ("done", "skipped", "no-gain")}
    left = sum(r.status in ("waiting", "stopped", "failed") for r in recs)
    limit = run.settings.get("max_drift")
    rows = []
    for r in recs:
        link = f'<a href="{e(quote(r.file))}">{e(r.file)}</a>' if r.file else "—"
        note = note_of(r, wording)
        status = e(t(STATUS.get(r.status, r.status))) + (f'<div class="note">{e(note)}</div>' if note else "")
        rows.append(f'<tr class="{e(r.status)}"><td>{e(r.name)}</td><td class="n">{e(wording.number(r.words))}</td>'
                    f'<td class="n">{pct(r.personal_gain)}</td><td class="n">{pct(r.general_drift, True)}</td>'
                    f'<td class="n">{"—" if r.steps is None else r.steps}</td><td class="n">{clock(r.seconds)}</td>'
                    f'<td>{link}</td><td>{status}</td></tr>')
    head = "".join(f"<th>{e(t(c))}</th>" for c in COLUMNS)
    title = t(TITLE).format(name=run.settings.get("class", run.folder.name))
    counts = t(COUNTS).format(**{k: wording.number(v) for k, v in dict(
        done=n["done"], total=len(recs), skipped=n["skipped"], nogain=n["no-gain"], left=left).items()})
    drift_help = t(DRIFT_HELP).format(limit=f"{100 * limit:g}%") if limit else t(DRIFT_HELP_NO_LIMIT)
    settings = t(SETTINGS).format(version=__version__, date=wording.date(time.time()),
                                  minutes=f"{run.settings.get('minutes', 0):g}", base=run.settings.get("base_id", ""))
    return f"""<!DOCTYPE html>
<html lang="{e(lang)}"><head><meta charset="utf-8"><title>{e(title)}</title>
<style>
 body {{ font-family: "Noto Sans Malayalam", "Noto Sans", sans-serif; margin: 2em; color: #222; }}
 table {{ border-collapse: collapse; }} th, td {{ border: 1px solid #bbb; padding: .35em .6em; vertical-align: top; }}
 th {{ background: #eef; text-align: left; }} td.n {{ text-align: right; white-space: nowrap; }}
 tr.done td {{ background: #f2fbf4; }} tr.skipped td, tr.failed td {{ background: #fff6ec; }}
 .note {{ font-size: 90%; color: #8a4b00; }} p.small {{ color: #555; font-size: 90%; }}
 td.hit {{ background: #cfeed6; font-weight: bold; }} td.miss {{ background: #fde2d8; font-style: italic; }}
</style></head><body>
<h1>{e(title)}</h1>
<p><b>{e(counts)}</b> {e(t(ALL_DONE) if run.complete else t(CONTINUE))}</p>
<table><thead><tr>{head}</tr></thead><tbody>
{chr(10).join(rows)}
</tbody></table>
<p class="small">{e(t(GAIN_HELP))}<br>{e(drift_help)}<br>{e(t(SHARE))}</p>
{recognition_html(getattr(run, "recognition", None), wording)}
<p class="small">{e(settings)}</p>
</body></html>
"""


def write(run, wording: Wording = ENGLISH) -> tuple[Path, Path]:
    from .atomic import atomic_write_text
    h, c = run.out / HTML_NAME, run.out / CSV_NAME
    atomic_write_text(h, html_text(run, wording))
    # With a byte-order mark, spreadsheet programs open the Malayalam names as UTF-8.
    atomic_write_text(c, "\ufeff" + csv_text(run, wording))
    return h, c
