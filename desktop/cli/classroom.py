"""`normfit class FOLDER`: one adapter per student (FOLDER holds one subfolder
per student), resumable, with a summary for the teacher (class-report.html and
.csv). The work is done by desktop/engine/classroom.py.

Registered by cli.build_parser through add_commands(); same rules as the rest
of the command line: progress on stderr, results on stdout (--json: one JSON
object), exit 2 with one sentence for bad input. Ctrl+C stops after saving
what is finished (exit 130); the same command continues.
"""
from __future__ import annotations

import argparse
import json
import math
import signal
import threading
from dataclasses import asdict
from pathlib import Path

from .common import UsageError, _load_base, _max_drift, fmt_time, say
from ..engine.methods import names


def add_commands(sub) -> None:
    c = sub.add_parser("class", help="one adapter per student: FOLDER holds one subfolder per student")
    c.add_argument("folder", help="the class folder: one subfolder of documents per student, named as the student")
    c.add_argument("--minutes", type=float, default=5.0, help="budget per student (default 5)")
    c.add_argument("--method", default="norm", choices=list(names()),
                   help="norm (default) makes the small shareable adapter")
    c.add_argument("--steps", type=int, default=None, help="also stop each student after this many steps")
    c.add_argument("--max-drift", default=None, metavar="PERCENT",
                   help="keep general text within this many percent of the base (default 3), or 'none'")
    c.add_argument("--threads", type=int, default=None, help="processor threads to use (default: all)")
    c.add_argument("--out", default=None, help="where adapters and the report go (default FOLDER/normfit-results)")
    c.add_argument("--game", action="store_true",
                   help="no training: guess whose writing each new paragraph is, among the class's adapters")
    c.add_argument("--text", action="append", default=None, metavar="FILE",
                   help="with --game: a file to guess (repeatable; default: paragraphs typed or piped in)")
    c.add_argument("--lang", default="en", choices=["en", "ml"],
                   help="language of the teacher's report (default en; ml: Malayalam)")
    c.add_argument("--base", default=None, help=argparse.SUPPRESS)
    c.add_argument("--json", action="store_true", help="print one JSON object")
    c.set_defaults(func=cmd_class)


def _config(args):
    from ..engine.api import TrainConfig
    if not (args.minutes > 0 and math.isfinite(args.minutes)):
        raise UsageError("--minutes must be a positive number.")
    if args.steps is not None and args.steps < 1:
        raise UsageError("--steps must be at least 1.")
    from ..paths import scores_cache_dir
    cfg = TrainConfig(method=args.method, minutes=args.minutes, max_steps=args.steps, threads=args.threads,
                      cache_dir=str(scores_cache_dir()))
    if args.max_drift is not None:
        from dataclasses import replace
        cfg = replace(cfg, max_drift=_max_drift(args.max_drift))
    return cfg


def _printer():
    from ..engine.api import StepDone
    from ..engine.class_report import note_of, pct
    from ..engine.classroom import StudentEvent, StudentFinished, StudentStarted

    def on_event(e):
        if isinstance(e, StudentStarted):
            say(f"Student {e.index + 1} of {e.total}: {e.name}")
        elif isinstance(e, StudentEvent) and isinstance(e.event, StepDone) and e.event.step % 25 == 0:
            say(f"  step {e.event.step}  {fmt_time(e.event.elapsed_s)} / {fmt_time(e.event.budget_s)}")
        elif isinstance(e, StudentFinished):
            r = e.record
            if e.reused:
                say(f"Student {e.index + 1} of {e.total}: {r.name}: already done ({r.file or r.status})")
            elif r.status == "done":
                say(f"  {r.name}: {pct(r.personal_gain)} better on their own writing, general text "
                    f"{pct(r.general_drift, True)}, {r.steps} steps, {fmt_time(r.seconds or 0)} -> {r.file}")
            else:
                say(f"  {r.name}: {r.status}" + (f" ({note_of(r)})" if r.reason else ""))
    return on_event


def _wording(lang: str):
    """The report's words in `lang` (the command line's own lines stay English)."""
    from ..engine.messages import ENGLISH
    if lang == "en":
        return ENGLISH
    from ..ui.language import wording_for     # QtCore only: no window, no display needed
    return wording_for(lang)


def cmd_class(args) -> int:
    from ..engine.classroom import find_students, run_class
    folder = Path(args.folder)
    if not folder.is_dir():
        raise UsageError(f"The class folder {folder} does not exist.")
    out = Path(args.out) if args.out else None
    if args.game:
        from .class_game import play
        return play(args, folder, out)
    if out is not None and not out.parent.is_dir():
        raise UsageError(f"The folder {out.parent} does not exist.")
    cfg = _config(args)
    if not find_students(folder, out):
        raise UsageError(f"{folder} has no student folders: put each student's documents in a subfolder "
                         "named after them.")
    base = _load_base(args)

    # Ctrl+C asks the run to stop at the next step; what is finished is kept and reported.
    stop = threading.Event()
    previous = signal.signal(signal.SIGINT, lambda *_: stop.set()) \
        if threading.current_thread() is threading.main_thread() else None
    try:
        run = run_class(base, folder, out, cfg, on_event=_printer(), should_stop=stop.is_set,
                        wording=_wording(args.lang))
    except PermissionError as e:
        raise UsageError(f"NormFit may not write to {e.filename or 'that folder'}; choose another folder "
                         "with --out.") from None
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
    summary = {"folder": str(folder), "out": str(run.out), "complete": run.complete, "settings": run.settings,
               "report_html": str(run.html), "report_csv": str(run.csv),
               "students": [asdict(r) for r in run.records],
               "recognition": run.recognition.to_dict() if run.recognition else None}
    if args.json:
        print(json.dumps(summary, indent=2, ensure_ascii=False))
    else:
        counts = {k: sum(r.status == k for r in run.records) for k in ("done", "no-gain", "skipped", "failed")}
        print(f"{counts['done']} of {len(run.records)} students have an adapter; {counts['skipped']} skipped, "
              f"{counts['no-gain']} without one (nothing beat the base model), {counts['failed']} failed.")
        rec = run.recognition
        if rec is not None:
            print(f"Whose writing is this? {rec.recognised} of {rec.pieces} pieces of held-out writing recognised.")
            for n in rec.names:
                got, of = rec.recognised_of(n)
                print(f"  {n}: {got} of {of}; words their model learned: {', '.join(rec.words.get(n, [])) or '-'}")
        print(f"report: {run.html}")
        print(f"        {run.csv}")
    if not run.complete:
        say("normfit: stopped; run the same command again to continue (finished students are not redone).")
        return 130 if stop.is_set() else 1
    return 0
