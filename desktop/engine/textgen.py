"""Writing a continuation that reads like text ("Try it", `normfit generate`).

The bases were pretrained on Gutenberg-style text hard-wrapped at about 70
characters, so a model continues a sentence with a line break in the middle
of it, and left alone it runs on past any sentence end into the next
fragment. Here a continuation is one paragraph: generation stops at a
sentence end once there are enough words (or at a blank line), the wrapped
lines are joined, and a continuation that never reached a sentence end says
so with an ellipsis instead of stopping mid-word.

The sampling settings (DEFAULT_SAMPLING) were chosen by
benchmarks/bench_generate.py: repetition and distinct-n on 20 prompts, base
and adapted, at two temperatures (benchmarks/RESULTS.md, "Try it").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import torch
import torch.nn.functional as F


@dataclass(frozen=True)
class Sampling:
    temperature: float = 0.7
    top_k: int = 0                   # 0: no top-k cut
    top_p: float = 0.9               # nucleus: the smallest set of tokens holding this much probability
    repetition_penalty: float = 1.15  # CTRL-style: divides the logit of a token already in the window
    penalty_window: int = 64         # ...of this many recent tokens (prompt included)

    def label(self) -> str:
        return (f"temperature {self.temperature:g}, top-k {self.top_k or 'off'}, top-p {self.top_p:g}, "
                f"repetition penalty {self.repetition_penalty:g} over {self.penalty_window} tokens")


# The measured choice (benchmarks/RESULTS.md, "Try it: sampling settings").
DEFAULT_SAMPLING = Sampling()
# What Try it asked for before this module: kept so the benchmark compares against it.
OLD_SAMPLING = Sampling(temperature=0.8, top_k=40, top_p=1.0, repetition_penalty=1.0)

MIN_WORDS = 12          # a continuation shorter than this is not yet worth stopping
MAX_NEW_TOKENS = 80

_ABBREV = {"mr", "mrs", "ms", "dr", "st", "prof", "sr", "jr", "vs", "etc", "e.g", "i.e", "no", "fig", "cf"}
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s|$)")
_CODE_CHARS = set("{}()[]=<>;")
_LIST = re.compile(r"\s*([-*•]|\d+[.)])\s")


def looks_like_code(text: str) -> bool:
    """Indented lines or many code characters: its line breaks mean something.
    (Prose has the odd ";" or "(": a few of them in a short text are not code.)"""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if any(ln.startswith(("    ", "\t")) for ln in lines[1:]):
        return True
    n = sum(c in _CODE_CHARS for c in text)
    return n >= 4 and n > 0.06 * len(text)


_CODE_START = re.compile(r"\s*(def|class|import|from|for|while|if|elif|return|#include|function|var|let|const)\b")


def prompt_is_code(prompt: str) -> bool:
    """What the person typed decides whether the continuation is code (lines
    kept) or prose (lines joined): a generated index or list is not code."""
    last = prompt.rstrip().split("\n")[-1]
    return looks_like_code(prompt) or bool(_CODE_START.match(last)) or prompt.rstrip().endswith(("{", ";"))


def join_wrapped(text: str) -> str:
    """Join hard-wrapped lines inside each paragraph with a space; blank lines,
    and anything that looks like code or a list, stay as they are."""
    out = []
    for para in text.split("\n\n"):
        lines = para.split("\n")
        listy = any(_LIST.match(ln) for ln in lines[1:])
        if len(lines) > 1 and not looks_like_code(para) and not listy:
            para = re.sub(r"[ \t]+", " ", " ".join(ln.strip() for ln in lines if ln.strip()))
        out.append(para)
    return "\n\n".join(out)


def sentence_ends(text: str) -> list[int]:
    """Indices just after each sentence end (., !, ? with any closing quote or
    bracket), skipping common abbreviations ("Mr.") and single initials."""
    ends = []
    for m in _SENTENCE_END.finditer(text):
        word = re.search(r"([\w.]+)$", text[:m.start() + 1].rstrip(".!?\"'”’)]") + "")
        w = (word.group(1) if word else "").lower().rstrip(".")
        if m.group(0).startswith(".") and (w in _ABBREV or (len(w) == 1 and w.isalpha())):
            continue
        ends.append(m.end())
    return ends


def tidy_continuation(prompt: str, raw: str) -> str:
    """The continuation as shown after `prompt`: its first paragraph, wrapped
    lines joined, ending at the last sentence end (or with an ellipsis when it
    reached none). Code keeps its lines and ends at its last complete line."""
    body = raw.lstrip()
    lead = raw[:len(raw) - len(body)]
    body = body.split("\n\n")[0]
    if prompt_is_code(prompt):
        cut = body.rfind("\n")
        return lead + (body[:cut] if cut > 0 else body).rstrip()
    # A line break right after the prompt is a wrap too: it reads as a space.
    sep = " " if lead else ""
    # A list or an indented block begun mid-way is a new block, not this sentence's text.
    lines = body.split("\n")
    block = next((i for i, ln in enumerate(lines) if i and (_LIST.match(ln) or ln[:1].isspace())), len(lines))
    # Prose was asked for: every remaining line break is a wrap (the base's
    # short lines of a list or an index read as code to looks_like_code).
    body = re.sub(r"\s+", " ", " ".join(ln.strip() for ln in lines[:block])).strip()
    ends = sentence_ends(body)
    if ends:
        return sep + body[:ends[-1]]
    return sep + body.rstrip(" ,;:-") + "…" if body.strip() else ""


def _pick(logits: torch.Tensor, recent: torch.Tensor, s: Sampling, g: torch.Generator | None) -> int:
    logits = logits.float().clone()
    if s.repetition_penalty != 1.0 and recent.numel():
        seen = torch.unique(recent)
        v = logits[seen]
        logits[seen] = torch.where(v > 0, v / s.repetition_penalty, v * s.repetition_penalty)
    if s.temperature <= 0:
        return int(logits.argmax())
    logits = logits / s.temperature
    if s.top_k:
        kth = torch.topk(logits, min(s.top_k, logits.numel())).values[-1]
        logits[logits < kth] = -float("inf")
    probs = F.softmax(logits, dim=-1)
    if s.top_p < 1.0:
        sp, si = torch.sort(probs, descending=True)
        keep = torch.cumsum(sp, 0) - sp < s.top_p        # always keeps the most likely token
        probs = torch.zeros_like(probs).scatter_(0, si[keep], sp[keep])
    return int(torch.multinomial(probs, 1, generator=g))


def _done(prompt: str, text: str) -> bool:
    """Stop at a paragraph break, or once a sentence end with enough words
    before it is confirmed by the whitespace after it (so "3.5" or "Mr."
    never stop it half-way)."""
    body = text.lstrip()
    if "\n\n" in body:
        return True
    if prompt_is_code(prompt):
        return False
    return any(e < len(body) and len(body[:e].split()) >= MIN_WORDS for e in sentence_ends(body))


_breaks: dict[int, tuple[torch.Tensor, torch.Tensor]] = {}


def _break_tokens(tokenizer) -> tuple[torch.Tensor, torch.Tensor]:
    """(tokens holding a blank line or the end of text, tokens starting with a line break), once per tokenizer."""
    key = id(tokenizer)
    if key not in _breaks:
        size = tokenizer.vocab_size
        text = [tokenizer.decode([i]) for i in range(size)]
        para = torch.tensor(["\n\n" in t for t in text])
        para[tokenizer.eot_id] = True
        _breaks[key] = (para, torch.tensor([t.startswith("\n") for t in text]))
    return _breaks[key]


def _hold_paragraph(logits: torch.Tensor, tokenizer, text: str) -> torch.Tensor:
    """Until the first sentence has ended, no blank line and no end of text:
    the small model often breaks off after a few words (a heading, a wrapped
    line read as a paragraph), which left "He did not have been an estate…"."""
    body = text.lstrip()
    if any(e < len(body) for e in sentence_ends(body)):
        return logits
    para, newline = _break_tokens(tokenizer)
    ban = para | newline if text.endswith("\n") else para
    ban = torch.cat([ban, torch.zeros(max(0, logits.numel() - ban.numel()), dtype=torch.bool)])[:logits.numel()]
    return logits.masked_fill(ban, -float("inf"))


@torch.no_grad()
def sample(model, tokenizer, prompt: str, sampling: Sampling = DEFAULT_SAMPLING, seed: int = 0,
           max_new_tokens: int = MAX_NEW_TOKENS, stop=None, hold_paragraph: bool = False,
           should_stop=None) -> str:
    """The raw sampled text after `prompt` (token by token, with the model's
    key/value cache), until `stop(text)` says so or max_new_tokens;
    `hold_paragraph`: no paragraph break before the first sentence end.
    Raises Stopped between tokens once `should_stop()` says so."""
    ids = [tokenizer.eot_id] + tokenizer.encode(prompt)
    room = model.cfg.context_length - max_new_tokens - 1
    ids = ids[:1] + ids[-room + 1:] if len(ids) > room else ids
    g = torch.Generator().manual_seed(seed)
    caches = [{} for _ in model.blocks]
    x = torch.tensor([ids])
    new: list[int] = []
    text = ""
    for _ in range(max_new_tokens):
        if should_stop is not None and should_stop():
            from .errors import Stopped
            raise Stopped()
        logits = model.logits(model.hidden(x, caches))[0, -1]
        if hold_paragraph:
            logits = _hold_paragraph(logits, tokenizer, text)
        nxt = _pick(logits, torch.tensor((ids + new)[-sampling.penalty_window:]), sampling, g)
        if nxt == tokenizer.eot_id:
            break
        new.append(nxt)
        x = torch.tensor([[nxt]])
        text = tokenizer.decode(new)
        if stop is not None and stop(text):
            break
    return text


def continue_text(model, tokenizer, prompt: str, sampling: Sampling = DEFAULT_SAMPLING, seed: int = 0,
                  max_new_tokens: int = MAX_NEW_TOKENS, should_stop=None) -> str:
    """A tidy continuation of `prompt` (tidy_continuation), stopping early at a sentence end."""
    prompt = prompt.rstrip()
    code = prompt_is_code(prompt)
    raw = sample(model, tokenizer, prompt, sampling, seed, max_new_tokens, lambda t: _done(prompt, t),
                 hold_paragraph=not code, should_stop=should_stop)
    return tidy_continuation(prompt, raw)


def opening_words(texts, n: int = 4, words: int = 3) -> list[str]:
    """The person's own sentence openings, most habitual first: the first
    `words` words of each sentence (prose only), counted; ties keep the order
    they first appear in. Offered as prompts, so the personalised side starts
    where this person would."""
    from collections import Counter
    counts: Counter = Counter()
    for text in texts:
        flat = join_wrapped(text)
        starts = [0] + sentence_ends(flat)
        for s in starts:
            head = flat[s:s + 120].lstrip()
            m = re.match(r"([A-Z][\w'’-]*(?: [\w'’-]+){%d})\b" % (words - 1), head)
            if m and not m.group(1).isupper() and not looks_like_code(head[:60]):
                counts[m.group(1)] += 1
    return [w for w, _ in counts.most_common(n)]
