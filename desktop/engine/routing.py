"""Routing by evidence: which adapter in a folder fits a text best.

The federation serves one base and routes each person to their own adapter; a
school lab asks the same question of a text ("whose adapter fits this?"). The
answer here is measured, not guessed: the text is scored with the base and with
every adapter whose signed entry verifies; the evidence is each adapter's gain
over the base (evidence.py: normalising it by a cohort was measured and did not
name the right writer more often), and certainty.py says how sure that is.
Entries that fail verification, withdrawn adapters and adapters for another base
are skipped, each with its reason.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from . import share
from .messages import QT_TRANSLATE_NOOP, as_message, msg, phrase  # noqa: F401 (not every module uses each)
from .adapter_file import AdapterFile, AdapterFileError
from .folder_scan import Policy, Skipped, loose_adapters, policy, scan_folder
from .names import clean_label
from .untrusted import visible
from .base import Base
from .evaluate import EvalResult

BASE_NAME = "base model"


@dataclass
class Candidate:
    name: str                  # the shared file's name (content-derived), plus its label if any
    adapter: AdapterFile
    path: Path
    fingerprint: str | None    # the signer's key; None for unsigned adapters (--include-unsigned)


@dataclass
class Score:
    name: str
    ppl: float
    bpb: float
    tokens: int
    fingerprint: str | None = None
    gain: float = 0.0          # the evidence: nats per token better than the base on this text (0: the base)
    prob: float = 0.0          # how likely this candidate's writer wrote it (certainty.judge)


@dataclass
class Routed:
    scores: list[Score]                     # best first; the base is among them
    skipped: list[Skipped] = field(default_factory=list)
    verdict: object = None                  # certainty.Verdict over pool (None when no adapter was usable)
    pool: list[Score] = field(default_factory=list)   # what the verdict's indices name, best first
    words: int = 0
    writers: int = 0                        # the candidates' writers (the base is nobody's)

    @property
    def best(self) -> Score:
        return self.scores[0]

    @property
    def runner_up(self) -> Score | None:
        return self.scores[1] if len(self.scores) > 1 else None

    def margin(self) -> float | None:
        """How much lower the best perplexity is than the next one, as a fraction."""
        r = self.runner_up
        return None if r is None else 1.0 - self.best.ppl / r.ppl

    def base_score(self) -> Score:
        return next(s for s in self.scores if s.name == BASE_NAME)


def _display_name(path: Path, entry: dict | None) -> str:
    # A label is data, never layout: cleaned by the one rule, then anything
    # left that a terminal could act on is shown as an escape.
    label = clean_label((entry or {}).get("label") or "") or ""
    return visible(f"{path.stem} ({label})" if label else path.stem)


def find_candidates(folder: str | Path, base: Base, include_unsigned: bool = False,
                    expected_key: str | None = None, any_signer: bool = False,
                    pol: Policy | None = None) -> tuple[list[Candidate], list[Skipped]]:
    """Every adapter in ``folder`` that may be routed to (signed by a key the
    person trusts, not withdrawn, for this base), and every other file, with why.
    No file in the folder can stop this or make it raise."""
    from .adapter_open import open_adapter

    folder = Path(folder)
    known = {**share.known_bases(), base.sha256: base.base_id}
    pol = pol or policy(any_signer, expected_key)
    scan = scan_folder(folder, known, pol)
    cands: list[Candidate] = []
    skipped = list(scan.skipped)

    def use(path: Path, entry: dict | None, fp: str | None) -> None:
        try:
            af = open_adapter(path, base)
        except AdapterFileError as err:
            skipped.append(Skipped(path, as_message(err)))
            return
        except Exception as err:     # noqa: BLE001 - one bad file never stops the folder
            skipped.append(Skipped(path, msg(QT_TRANSLATE_NOOP("engine", "It could not be read ({name}); it was "
                                                                         "left out."), name=type(err).__name__)))
            return
        cands.append(Candidate(_display_name(path, entry or af.metadata), af, path, fp))

    for v in scan.usable:
        if v.entry["base_sha256"] != base.sha256:
            skipped.append(Skipped(v.adapter, msg(QT_TRANSLATE_NOOP("engine", "It was made for another base model "
                                                                              "({other}), not the one loaded "
                                                                              "({base_id})."),
                                                  other=visible(v.entry['base_id'], 40), base_id=base.base_id)))
            continue
        use(v.adapter, v.entry, v.fingerprint)
    for a in loose_adapters(folder, scan):
        if not include_unsigned:
            skipped.append(Skipped(a, msg(QT_TRANSLATE_NOOP("engine", "It has no signed directory entry next to "
                                                                      "it."))))
            continue
        use(a, None, None)
    return cands, skipped


def route(base: Base, texts: Sequence[str], candidates: Sequence[Candidate], device="cpu",
          should_stop: Callable[[], bool] = lambda: False, students: bool = False) -> Routed:
    """Score ``texts`` (together) with the base and each candidate; best first.

    ``students``: the writer is one of the candidates (a class's game), so the base
    is not a possible answer. The text is cut into windows once and norm-only
    adapters are swapped into one model (evidence.score_sets); every perplexity is
    the one evaluate_texts would give."""
    import math
    from . import certainty as cert
    from .data import text_eval_set
    from .documents import count_words
    from .errors import Stopped
    from .evidence import score_sets

    es = text_eval_set(base.tokenizer, texts, base.config.context_length)
    g = score_sets(base, [es], [c.adapter for c in candidates], device, should_stop)
    if g is None:
        raise Stopped()
    n, nb = max(1, g.tokens[0]), max(1, g.n_bytes[0])

    def score(name, nll, fp=None, gain=0.0) -> Score:
        # Capped like EvalResult.ppl: an absurd adapter gives an absurd but finite figure.
        return Score(name, math.exp(min(nll / n, 700.0)), nll / math.log(2) / nb, g.tokens[0], fp, gain)

    scores = [score(BASE_NAME, g.base_nll[0])]
    scores += [score(c.name, g.nll[0][j], c.fingerprint, g.gain(0, j)) for j, c in enumerate(candidates)]
    # Ties keep the base first: an adapter must do better, not as well, to be chosen.
    scores.sort(key=lambda s: -s.gain)
    pool = [s for s in scores if s.name != BASE_NAME] if students else scores
    words = sum(count_words(t) for t in texts)
    verdict = None
    if candidates:
        verdict = cert.judge([s.gain for s in pool], g.tokens[0], words, len(candidates))
        for s, p in zip(pool, verdict.probs):
            s.prob = p
    return Routed(scores, verdict=verdict, pool=pool, words=words, writers=len(candidates))


def route_folder(base: Base, texts: Sequence[str], folder: str | Path, include_unsigned: bool = False,
                 expected_key: str | None = None, device="cpu",
                 should_stop: Callable[[], bool] = lambda: False, any_signer: bool = False) -> Routed:
    cands, skipped = find_candidates(folder, base, include_unsigned, expected_key, any_signer)
    routed = route(base, texts, cands, device, should_stop)
    routed.skipped = skipped
    return routed
