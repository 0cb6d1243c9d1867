"""A class at once: one adapter per student, for a teacher with a lab of PCs.

FOLDER holds one subfolder per student with their documents. Students are
personalised one after another (the lab PC has one or two cores to give), each
adapter is saved as the student's name (made safe: names.py) with the name as
its label, and after every student the state and the summary for the teacher
(class-report.html and .csv, class_report.py) are written again, so an
interrupted run loses at most the student in progress.

Resuming: a student whose adapter was saved (or whose run found nothing to
keep) is not redone, unless their documents changed since (a fingerprint of
the texts is kept). Students with too little text are skipped with the reason
and looked at again on every run, since they may have added writing.

Plain Python over the engine API (api.py): no Qt, no argparse.
"""
from __future__ import annotations

import hashlib
import json
import time
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Callable, Sequence

from . import api
from .atomic import atomic_write_text
from .events import StudentEvent, StudentFinished, StudentStarted  # noqa: F401 (re-exported)
from .messages import ENGLISH, Message, Wording, as_message
from .metrics import Metrics
from .names import clean_label, safe_file_stem, unique_name

STATE = "class-state.json"
DEFAULT_OUT = "normfit-results"      # inside the class folder unless --out says otherwise
FINISHED = ("done", "no-gain")       # never redone while the student's documents are unchanged


@dataclass(frozen=True)
class Student:
    name: str          # the subfolder's name, as the teacher wrote it
    folder: Path


@dataclass
class Record:
    """What is known about one student; kept in class-state.json."""
    name: str
    status: str = "waiting"    # waiting, done, no-gain, skipped, failed, stopped
    reason: str = ""           # for skipped/failed: a code in class_report.REASONS
    reason_args: dict = field(default_factory=dict)
    words: int = 0
    fingerprint: str = ""      # of the documents' texts: changed writing means a new run
    file: str = ""             # the adapter's file name inside the output folder
    personal_gain: float | None = None   # 0.061 = the model predicts the student's held-out text 6.1% better
    general_drift: float | None = None   # 0.008 = general text 0.8% worse
    steps: int | None = None           # optimiser steps trained (metrics.py; a kept step in older state files)
    seconds: float | None = None
    at: str = ""               # when this record was made (UTC)

    @classmethod
    def from_dict(cls, d: dict) -> "Record":
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in names})


@dataclass
class ClassRun:
    folder: Path
    out: Path
    records: list[Record]
    settings: dict
    complete: bool     # every student is finished or skipped (nothing stopped or waiting)
    html: Path | None = None
    csv: Path | None = None
    recognition: object = None    # class_recognition.Recognition once two or more students have an adapter


def find_students(folder: str | Path, out: str | Path | None = None) -> list[Student]:
    """The subfolders of `folder`, by name; hidden ones and the output folder are not students."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ValueError(f"The class folder {folder} does not exist.")
    out_resolved = Path(out).resolve() if out is not None else (folder / DEFAULT_OUT).resolve()
    subs = [p for p in folder.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))
            and p.resolve() != out_resolved and not (p / STATE).exists()]
    return [Student(p.name, p) for p in sorted(subs, key=lambda p: p.name.casefold())]


def fingerprint(documents) -> str:
    h = hashlib.sha256()
    for text in sorted(hashlib.sha256(d.text.encode("utf-8")).hexdigest() for d in documents):
        h.update(text.encode("ascii"))
    return h.hexdigest()


def load_state(out: Path) -> dict[str, Record]:
    try:
        raw = json.loads((out / STATE).read_text(encoding="utf-8"))
        return {name: Record.from_dict(r) for name, r in raw.get("students", {}).items()}
    except (OSError, ValueError, TypeError, AttributeError):
        return {}      # no state yet (or unreadable): every student is new


def save_state(out: Path, records: dict[str, Record], settings: dict, recognition=None) -> None:
    atomic_write_text(out / STATE, json.dumps({"format": "normfit.class", "version": 1, "settings": settings,
                                           "students": {n: asdict(r) for n, r in records.items()},
                                           "recognition": recognition.to_dict() if recognition else None},
                                          ensure_ascii=False, indent=1))


def load_recognition(out: Path):
    from .class_recognition import Recognition
    try:
        raw = json.loads((out / STATE).read_text(encoding="utf-8")).get("recognition")
        return Recognition.from_dict(raw) if raw else None
    except (OSError, ValueError, TypeError, AttributeError, KeyError):
        return None


def _recognise(base, students: list[Student], records: dict[str, Record], out: Path, cfg, should_stop):
    """Each student's held-out writing guessed among all the class's adapters."""
    from .class_recognition import recognise
    done = []
    for s in students:
        r = records.get(s.name)
        if r is not None and r.status == "done" and (out / r.file).is_file():
            col = api.collect([s.folder], should_stop=should_stop)
            done.append((s.name, col.documents, out / r.file))
    return recognise(base, done, seed=cfg.seed, should_stop=should_stop)


def figures_of(m: Metrics, steps: int | None) -> dict:
    """The report's numbers from a result's Metrics (read from the saved adapter
    itself, so the summary says what the files say), with the steps trained
    (a file records only the step kept: metrics.py)."""
    return {"personal_gain": m.personal_gain, "general_drift": m.general_change, "steps": steps,
            "seconds": m.seconds}


def _file_for(name: str, out: Path, records: dict[str, Record], method: str) -> str:
    """The student's file name: their name made safe, numbered if another student has it
    (compared without case: Windows and macOS folders ignore it)."""
    stem = safe_file_stem(name, fallback="student") + ("" if method == "norm" else f"-{method}")
    taken = {r.file.casefold() for r in records.values() if r.file and r.name != name}
    taken |= {p.name.casefold() for p in out.glob("*.safetensors")}
    return unique_name(stem, ".safetensors", lambda n: n.casefold() in taken)


def run_class(base, folder: str | Path, out: str | Path | None = None, cfg: api.TrainConfig | None = None,
              on_event: Callable[[object], None] | None = None, should_stop: Callable[[], bool] = lambda: False,
              wording: Wording = ENGLISH, write_report: bool = True) -> ClassRun:
    """Personalise every student who is not finished yet; returns what is known
    about each. `should_stop()` ends the run after (or during) a student: the
    one in progress is left for the next run."""
    from . import class_report
    folder = Path(folder)
    out = Path(out) if out is not None else folder / DEFAULT_OUT
    cfg = cfg or api.TrainConfig()
    emit = on_event or (lambda e: None)
    students = find_students(folder, out)
    out.mkdir(parents=True, exist_ok=True)
    records = load_state(out)
    settings = {"minutes": cfg.minutes, "max_steps": cfg.max_steps, "method": cfg.method,
                "max_drift": cfg.max_drift, "base_id": base.base_id, "class": folder.name}
    order = [s.name for s in students]

    recognition = load_recognition(out)

    def report(complete: bool) -> ClassRun:
        run = ClassRun(folder, out, [records[n] for n in order if n in records], settings, complete,
                       recognition=recognition)
        save_state(out, records, settings, recognition)
        if write_report:
            run.html, run.csv = class_report.write(run, wording)
        return run

    for name in order:    # students not yet reached show as waiting in a partial report
        records.setdefault(name, Record(name))
    stopped, ran = False, False
    for i, s in enumerate(students):
        if stopped or should_stop():
            stopped = True
            break
        prev = records[s.name]
        col = api.collect([s.folder], should_stop=should_stop)
        if col.cancelled:
            stopped = True
            break
        fp, words = fingerprint(col.documents), col.words
        if prev.status in FINISHED and prev.fingerprint == fp and \
                (prev.status == "no-gain" or (out / prev.file).is_file()):
            emit(StudentFinished(i, len(students), prev, reused=True))
            continue
        emit(StudentStarted(i, len(students), s.name))
        ran = True
        rec = Record(s.name, words=words, fingerprint=fp, at=api.utc_now())
        try:
            rec = _personalise(base, s, rec, prev.file, col, cfg, out, records,
                               lambda e, i=i, n=s.name: emit(StudentEvent(i, n, e)), should_stop)
        except Exception as e:    # one student's odd file must not stop the class
            why = as_message(e)      # the engine's sentence, kept so the report words it in its language
            rec.status, rec.reason, rec.reason_args = "failed", "error", \
                {"why": why.to_json() if isinstance(why, Message) else (why or type(e).__name__)}
        records[s.name] = rec
        stopped = rec.status == "stopped"
        report(False)
        emit(StudentFinished(i, len(students), rec, reused=False))
    done = not stopped and all(records[n].status not in ("waiting", "stopped") for n in order)
    with_adapter = [n for n in order if records[n].status == "done"]
    if done and (ran or recognition is None or recognition.names != with_adapter):
        recognition = _recognise(base, students, records, out, cfg, should_stop)
    return report(done)


def _personalise(base, s: Student, rec: Record, prev_file: str, col, cfg, out: Path,
                 records: dict[str, Record], emit, should_stop) -> Record:
    """One student's job, run as the window and the command line run one (engine/session.py)."""
    from .session import Session
    if not col.documents:
        rec.status, rec.reason = "skipped", "no-documents"
        return rec
    if rec.words < api.MIN_WORDS:
        rec.status, rec.reason, rec.reason_args = "skipped", "too-little-text", \
            {"words": rec.words, "min": api.MIN_WORDS}
        return rec
    t0 = time.monotonic()
    session = Session(base, cfg, (cfg.method,), label=clean_label(s.name), on_event=lambda m, e: emit(e),
                      should_stop=should_stop, started_at=t0)
    try:
        data = session.prepare(col.documents)
    except api.NotEnoughText:      # enough words, but not enough left after the split
        rec.status, rec.reason, rec.reason_args = "skipped", "too-little-text", \
            {"words": rec.words, "min": api.MIN_WORDS}
        return rec
    result, = session.run(data).results
    if result.cancelled:
        rec.status = "stopped"
        return rec
    if not result.learned:      # nothing beat the base: there is no adapter to keep (notes.py)
        m = result.metrics()
        rec.status, rec.steps, rec.seconds = "no-gain", m.steps, round(time.monotonic() - t0, 1)
        rec.personal_gain = 0.0
        gb, ga = m.general_ppl_before, m.general_ppl_after
        if gb and ga:
            rec.general_drift = ga / gb - 1.0
        return rec
    # A student redone (new writing) keeps their file name; the new adapter replaces the old.
    rec.file = prev_file or _file_for(s.name, out, records, cfg.method)
    api.export_adapter(out / rec.file, result, base, overwrite=True, label=clean_label(s.name),
                       general=session.general)
    meta = api.open_adapter(out / rec.file, base).metadata
    for k, v in figures_of(Metrics.from_metadata(meta), result.steps).items():
        setattr(rec, k, v)
    rec.status = "done"
    return rec


def class_candidates(base, out: str | Path) -> tuple[list, list]:
    """A class's adapters (``normfit class``'s output folder: class-state.json and one
    file per student) as candidates for "whose writing is this?" among the students.
    They are the teacher's own output, so no signed entry is asked for; each file is
    opened and checked against the base like any adapter, and one that fails is
    skipped with its reason."""
    from .adapter_file import AdapterFileError
    from .adapter_open import open_adapter
    from .folder_scan import Skipped
    from .messages import QT_TRANSLATE_NOOP, msg
    from .routing import Candidate
    out = Path(out)
    cands: list[Candidate] = []
    skipped: list[Skipped] = []
    for r in load_state(out).values():
        if r.status != "done" or not r.file:
            continue
        path = out / Path(r.file).name      # a state file names files in its own folder, nowhere else
        try:
            cands.append(Candidate(r.name, open_adapter(path, base), path, None))
        except AdapterFileError as err:
            skipped.append(Skipped(path, as_message(err)))
        except Exception as err:     # noqa: BLE001 - one bad file never stops the class
            skipped.append(Skipped(path, msg(QT_TRANSLATE_NOOP("engine", "It could not be read ({name}); it was "
                                                                         "left out."), name=type(err).__name__)))
    return cands, skipped


def route_class(base, texts: Sequence[str], out: str | Path, device="cpu",
                should_stop: Callable[[], bool] = lambda: False):
    """The class's game: whose among the class's students (the teacher chose the class;
    a folder never turns itself into one, or a class-state.json on a stick would let
    unsigned adapters past the signed-entry rule)."""
    from .routing import route
    cands, skipped = class_candidates(base, out)
    routed = route(base, texts, cands, device, should_stop, students=True)
    routed.skipped = skipped
    return routed
