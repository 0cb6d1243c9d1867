"""Split a person's documents into train / validation / held-out and make batches.

Held-out text is only ever scored for the report; decisions during training
(which step to keep) use the validation slice.

With enough documents (MIN_DOCS_FOR_DOC_SPLIT) whole documents go to each part,
chosen by seed, so held-out text is genuinely unseen writing. With fewer, each
document contributes a contiguous tail slice: the last 15% to held-out and the
10% before it to validation, so no part is a random scatter of sentences whose
neighbours were trained on.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Sequence

import torch

from .errors import UserError
from .messages import QT_TRANSLATE_NOOP, msg
from .documents import Document, count_words
from .evaluate import EvalSet, sampled_eval_set
from .tokenizer import Tokenizer

MIN_WORDS = 1500               # below this there is too little to learn from and to measure
MIN_DOCS_FOR_DOC_SPLIT = 6
MIN_DOCS_FOR_DOC_VALIDATION = 4    # with explicit held-out documents
HELDOUT_FRAC = 0.15
VALID_FRAC = 0.10


class NotEnoughText(UserError, ValueError):
    pass


@dataclass(frozen=True)
class Split:
    train: list[str]
    validation: list[str]
    heldout: list[str]
    by: str                     # "document", "tail slices" or "explicit held-out"


def _words(texts: Sequence[str]) -> int:
    return sum(count_words(t) for t in texts)


def check_enough(texts: Sequence[str], minimum: int = MIN_WORDS) -> None:
    n = _words(texts)
    if n < minimum:
        raise NotEnoughText(msg(QT_TRANSLATE_NOOP("engine", "There are only {n} words of text; NormFit needs at least "
                                                            "{minimum}. Add about {more} more words (a few more "
                                                            "pages) of your writing."),
                                n=n, minimum=minimum, more=minimum - n))


def _tail_cut(text: str, frac: float) -> int:
    """Index at which the last `frac` of the text starts, moved to a line start."""
    cut = int(len(text) * (1 - frac))
    nl = text.rfind("\n", 0, cut)
    # Only a short move: the slice may grow by at most a fifth of itself (the old
    # rule allowed a fifth of the whole text, so "10%" could become 13% or more).
    if nl >= 0 and cut - (nl + 1) <= 0.2 * frac * len(text):
        cut = nl + 1
    return cut


def split_documents(docs: Sequence[Document], seed: int = 0,
                    heldout: Sequence[Document] | None = None) -> Split:
    texts = [d.text for d in docs]
    if heldout:
        check_enough(texts)
        # Validation still comes from the training documents, never from held-out.
        # With several documents it is a whole document, so that choosing the step
        # to keep rewards what carries over to unseen writing (as held-out is),
        # not memorising the names and topics of the documents trained on.
        if len(texts) >= MIN_DOCS_FOR_DOC_VALIDATION:
            order = list(range(len(texts)))
            random.Random(seed).shuffle(order)
            total = sum(len(t) for t in texts)
            val, v_chars = [], 0
            for i in order:
                if not val or v_chars + len(texts[i]) / 2 < total * VALID_FRAC:
                    val.append(i)
                    v_chars += len(texts[i])
            if v_chars <= total * 0.35:
                return Split([texts[i] for i in range(len(texts)) if i not in val],
                             [texts[i] for i in sorted(val)], [d.text for d in heldout],
                             "explicit held-out, validation by document")
        train, val = [], []
        for t in texts:
            c = _tail_cut(t, VALID_FRAC)
            train.append(t[:c])
            val.append(t[c:])
        return Split(train, [v for v in val if v.strip()], [d.text for d in heldout], "explicit held-out")
    check_enough(texts)
    if len(texts) >= MIN_DOCS_FOR_DOC_SPLIT:
        order = list(range(len(texts)))
        random.Random(seed).shuffle(order)
        total = sum(len(t) for t in texts)
        held, val, train = [], [], []
        h_chars = v_chars = 0
        for i in order:
            n = len(texts[i])
            if not held or (h_chars + n / 2 < total * HELDOUT_FRAC and len(held) < len(texts) - 2):
                held.append(i)
                h_chars += n
            elif not val or (v_chars + n / 2 < total * VALID_FRAC and len(val) < len(texts) - len(held) - 1):
                val.append(i)
                v_chars += n
            else:
                train.append(i)
        # A held-out or validation part that swallowed most of the text (one huge
        # document) would leave nothing to learn from: fall back to tail slices.
        if sum(len(texts[i]) for i in train) >= total * 0.5:
            return Split([texts[i] for i in sorted(train)], [texts[i] for i in sorted(val)],
                         [texts[i] for i in sorted(held)], "document")
    train, val, held = [], [], []
    for t in texts:
        h = _tail_cut(t, HELDOUT_FRAC)
        v = _tail_cut(t[:h], VALID_FRAC / (1 - HELDOUT_FRAC))
        train.append(t[:v])
        val.append(t[v:h])
        held.append(t[h:])
    keep = lambda xs: [x for x in xs if x.strip()]
    return Split(keep(train), keep(val), keep(held), "tail slices")


@dataclass
class Prepared:
    """Everything training and evaluation need, already tokenised. The texts
    themselves are not kept (a long job holds tokens, not a second copy of
    someone's writing), except a bounded excerpt of the held-out text: the
    words the Results page lights up."""
    train_tokens: torch.Tensor       # 1-D int32: documents joined by end-of-text (batches widen to long)
    validation: EvalSet
    heldout: EvalSet
    by: str                          # how the split was made (Split.by)
    heldout_words: int
    context_length: int
    train_share: float = 1.0         # share of the training text tokenised (< 1: a sample, see below)
    heldout_excerpt: str = ""        # at most explain.MAX_CHARS of held-out text, seed-chosen

    @property
    def n_train_tokens(self) -> int:
        return int(self.train_tokens.numel())


# Held-out and validation are scored on at most this many windows, chosen by
# seed, so that measuring takes the same few seconds for a page or a lifetime
# of writing (a 19 MB file once took minutes to score and broke the budget).
MAX_EVAL_WINDOWS = 128

# A selection may hold 200 MB of text, which takes minutes to tokenise on one
# core (~1.4 MB/s here), while a budget can only use a fraction of it. Beyond
# these amounts a seed-chosen sample of pieces is tokenised instead of all of
# it, so getting ready takes seconds at any size:
PIECE_CHARS = 1 << 16            # pieces cut at line starts, ~16k tokens each
EVAL_MAX_CHARS = 1 << 20         # ~250k tokens, about 8x what MAX_EVAL_WINDOWS scores
# Training text per second of budget: ~6,000 tokens/s, about twice what a CPU
# trains per second (benchmarks/RESULTS.md), so a CPU run never repeats text;
# a GPU repeats the sample, which norm-only's few thousand gains cannot memorise.
TRAIN_CHARS_PER_S = 25_000
TRAIN_MIN_CHARS, TRAIN_MAX_CHARS = 2_000_000, 16_000_000


def train_chars_for(seconds: float) -> int:
    """How much training text a budget of `seconds` gets tokenised."""
    return int(min(TRAIN_MAX_CHARS, max(TRAIN_MIN_CHARS, TRAIN_CHARS_PER_S * seconds)))


def sample_pieces(texts: Sequence[str], max_chars: int, seed: int) -> list[str]:
    """The texts unchanged when they hold at most `max_chars` characters; else
    a seed-chosen set of pieces (cut at line starts) adding up to about
    `max_chars`, in text order, neighbouring pieces joined again."""
    if sum(len(t) for t in texts) <= max_chars:
        return list(texts)
    spans = []
    for i, t in enumerate(texts):
        s = 0
        while s < len(t):
            e = min(len(t), s + PIECE_CHARS)
            if e < len(t):
                nl = t.rfind("\n", s + PIECE_CHARS // 2, e)
                e = nl + 1 if nl >= 0 else e
            spans.append((i, s, e))
            s = e
    order = list(range(len(spans)))
    random.Random(seed).shuffle(order)
    chosen, n = [], 0
    for k in order:
        if n >= max_chars:
            break
        chosen.append(k)
        n += spans[k][2] - spans[k][1]
    merged: list[list[int]] = []
    for i, s, e in (spans[k] for k in sorted(chosen)):
        if merged and merged[-1][0] == i and merged[-1][2] == s:
            merged[-1][2] = e
        else:
            merged.append([i, s, e])
    return [texts[i][s:e] for i, s, e in merged]


def _tokens(tok: Tokenizer, texts: Sequence[str], sep: int) -> torch.Tensor:
    """Documents joined by end-of-text as one int32 tensor, one document's ids
    in Python at a time (a list of Python ints costs ~9x the tensor)."""
    parts = []
    for t in texts:
        parts.append(torch.tensor([sep], dtype=torch.int32))
        parts.append(tok.encode_tensor(t))
    return torch.cat(parts) if parts else torch.zeros(0, dtype=torch.int32)


def eval_set_of(tok: Tokenizer, texts: Sequence[str], context_length: int, seed: int,
                max_chars: int | None = None, max_windows: int | None = None) -> EvalSet:
    """Every window of a short text; of a long one, `max_windows` seed-chosen
    windows from at most `max_chars` characters of seed-chosen pieces (so the
    same seed scores the same text before and after). Defaults: EVAL_MAX_CHARS,
    MAX_EVAL_WINDOWS (held-out and validation)."""
    texts = sample_pieces(texts, EVAL_MAX_CHARS if max_chars is None else max_chars, seed)
    return sampled_eval_set([tok.encode_tensor(t) for t in texts], sum(len(t.encode("utf-8")) for t in texts),
                            context_length, tok.eot_id, MAX_EVAL_WINDOWS if max_windows is None else max_windows,
                            seed)


# A given general set, `normfit eval` and routing score every window of up to ~0.5 MB of text; of
# more, this many seed-chosen windows (~130k tokens, ~15 s on one core) from at
# most 4 MB of it: a 50 MB file once meant minutes of tokenising and GBs of windows.
EVAL_TEXT_WINDOWS = 512
EVAL_TEXT_CHARS = 4_000_000


def text_eval_set(tok: Tokenizer, texts: Sequence[str], context_length: int) -> EvalSet:
    """The windows scored of a given text (a general file, `normfit eval`,
    routing): every one of a short text, EVAL_TEXT_WINDOWS seed-chosen ones of a
    long one, the same each time (seed 0), so base and adapters score alike."""
    return eval_set_of(tok, list(texts), context_length, seed=0, max_chars=EVAL_TEXT_CHARS,
                       max_windows=EVAL_TEXT_WINDOWS)


def prepare(split: Split, tok: Tokenizer, context_length: int, seed: int = 0,
            train_chars: int | None = None) -> Prepared:
    """Tokenise a split: all of it, or for a long selection a sample of at most
    `train_chars` characters of training text (default: what five minutes use)."""
    limit = train_chars_for(300) if train_chars is None else train_chars
    train = sample_pieces(split.train, limit, seed)
    total = sum(len(t) for t in split.train)
    share = sum(len(t) for t in train) / total if total else 1.0
    return Prepared(_tokens(tok, train, tok.eot_id),
                    eval_set_of(tok, split.validation, context_length, seed),
                    eval_set_of(tok, split.heldout, context_length, seed + 1), split.by,
                    _words(split.heldout), context_length, share, _heldout_excerpt(split.heldout, seed))


def _heldout_excerpt(texts: Sequence[str], seed: int) -> str:
    from .explain import MAX_CHARS, excerpt
    # Documents in turn until the excerpt is full; a long one contributes a seeded stretch.
    parts, room = [], MAX_CHARS
    for t in texts:
        if room < 200:
            break
        part = excerpt(t.strip(), room, seed)
        parts.append(part)
        room -= len(part) + 2
    return "\n\n".join(parts)


class Batches:
    """Random windows of the training stream, reproducible from the seed."""

    def __init__(self, tokens: torch.Tensor, batch_size: int, context_length: int, seed: int):
        self.tokens = tokens
        self.B = batch_size
        self.T = min(context_length, len(tokens) - 1)
        self.g = torch.Generator().manual_seed(seed)

    def next(self) -> tuple[torch.Tensor, torch.Tensor]:
        hi = len(self.tokens) - self.T - 1
        starts = torch.randint(0, max(1, hi + 1), (self.B,), generator=self.g)
        w = torch.stack([self.tokens[s:s + self.T + 1] for s in starts.tolist()]).long()
        return w[:, :-1], w[:, 1:]
