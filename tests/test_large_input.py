"""A long selection: only what the budget can use is tokenised, measuring
stays a bounded sample, and the budget's clock counts getting the text ready."""
from __future__ import annotations

import time

import pytest
import torch

from desktop.engine import data as D
from desktop.engine.documents import Document

from .conftest import synthetic_text


def _lines(n_lines: int, seed: int = 0) -> str:
    return "\n".join(f"line {seed}-{i}: " + synthetic_text(8, seed * 100_000 + i) for i in range(n_lines)) + "\n"


def test_short_texts_are_kept_whole():
    texts = [_lines(50, 1), _lines(30, 2)]
    assert D.sample_pieces(texts, 10**9, seed=0) == texts


def test_long_texts_give_a_seeded_sample_of_line_pieces_in_order(monkeypatch):
    monkeypatch.setattr(D, "PIECE_CHARS", 2_000)
    texts = [_lines(3_000, 1), _lines(2_000, 2)]
    total = sum(map(len, texts))
    limit = total // 10
    a = D.sample_pieces(texts, limit, seed=0)
    assert a == D.sample_pieces(texts, limit, seed=0)
    assert a != D.sample_pieces(texts, limit, seed=1)
    got = sum(map(len, a))
    assert limit <= got <= limit + 2_000
    # Each piece is a run of whole lines of one text, and pieces keep text order.
    where = []
    for p in a:
        assert p.endswith("\n") and (p.startswith("line ") or p == "")
        i = 0 if p in texts[0] else 1
        assert p in texts[i]
        where.append((i, texts[i].index(p)))
    assert where == sorted(where)
    # Spread over the whole selection, not the first tenth of it.
    assert {i for i, _ in where} == {0, 1}


def test_preparation_tokenises_only_the_sample(tiny_base, monkeypatch):
    monkeypatch.setattr(D, "PIECE_CHARS", 4_000)
    tok = tiny_base.tokenizer
    seen = []
    real = tok.encode_tensor
    monkeypatch.setattr(tok, "encode_tensor", lambda t: (seen.append(len(t)), real(t))[1])
    big = _lines(12_000, 3)                       # ~1 MB in one document
    split = D.split_documents([Document("/big.txt", "Text", big)])
    limit = 60_000
    monkeypatch.setattr(D, "EVAL_MAX_CHARS", 30_000)
    p = D.prepare(split, tok, tiny_base.config.context_length, train_chars=limit)
    assert sum(seen) <= limit + 2 * 30_000 + 3 * 4_000          # not the million characters
    assert 0 < p.train_share < 0.1
    assert p.n_train_tokens > 0 and p.heldout.n_tokens > 0 and p.validation.n_tokens > 0
    # A selection within the limit is tokenised whole, as before.
    seen.clear()
    small = D.split_documents([Document("/s.txt", "Text", _lines(800, 4))])
    q = D.prepare(small, tok, tiny_base.config.context_length, train_chars=limit)
    assert q.train_share == 1.0 and sum(seen) == sum(len(t) for t in small.train + small.validation + small.heldout)


def test_the_training_text_grows_with_the_budget_within_bounds():
    assert D.train_chars_for(5) == D.TRAIN_MIN_CHARS
    assert D.train_chars_for(300) > D.train_chars_for(120) > D.TRAIN_MIN_CHARS
    assert D.train_chars_for(10**6) == D.TRAIN_MAX_CHARS


def test_the_budget_counts_getting_the_text_ready(tiny_base, monkeypatch):
    """A slow preparation (a big file on a slow PC) is taken out of the
    training time, so the whole job still ends near its budget."""
    from desktop.engine import api
    from desktop.engine.session import Session
    real = api.prepare_documents
    slow = 3.0

    def slow_prepare(*a, **k):
        time.sleep(slow)
        return real(*a, **k)
    monkeypatch.setattr(api, "prepare_documents", slow_prepare)
    docs = [Document(f"/d{i}.txt", "Text", synthetic_text(900, i)) for i in range(3)]
    budget = 8.0
    t0 = time.monotonic()
    s = Session(tiny_base, api.TrainConfig(minutes=budget / 60, threads=1, max_drift=None), started_at=t0)
    out = s.run(s.prepare(docs))
    wall = time.monotonic() - t0
    r, = out.results
    assert r.steps > 0 and r.seconds >= slow
    assert wall <= budget + 1.5, f"the job took {wall:.1f} s for a {budget:.0f} s budget"
    assert out.sizes["norm"] > 0 and out.heldout_words > 0


@pytest.mark.parametrize("methods", [("norm", "lora")])
def test_compare_shares_the_time_before_the_first_method(tiny_base, monkeypatch, methods):
    from desktop.engine import api
    from desktop.engine.session import Session
    real = api.prepare_documents
    monkeypatch.setattr(api, "prepare_documents", lambda *a, **k: (time.sleep(2.0), real(*a, **k))[1])
    docs = [Document(f"/d{i}.txt", "Text", synthetic_text(900, i)) for i in range(3)]
    budget = 5.0
    t0 = time.monotonic()
    s = Session(tiny_base, api.TrainConfig(minutes=budget / 60, threads=1, max_drift=None), methods)
    out = s.run(s.prepare(docs))
    wall = time.monotonic() - t0
    assert [r.method for r in out.results] == list(methods)
    assert wall <= len(methods) * budget + 1.5
    # Each method's clock carried its share of the time before the first one:
    # the methods' times add up to the whole job.
    assert sum(r.seconds for r in out.results) >= wall - 0.5


def test_scoring_a_long_text_is_a_bounded_sample_with_the_same_windows_each_time(tiny_base, monkeypatch):
    """`normfit eval` and routing: every window of a short text, a fixed-size
    seeded sample of a long one, identical for the base and an adapter."""
    from desktop.engine import api, evaluate as E
    monkeypatch.setattr(D, "EVAL_TEXT_CHARS", 40_000)
    monkeypatch.setattr(D, "EVAL_TEXT_WINDOWS", 24)
    monkeypatch.setattr(D, "PIECE_CHARS", 4_000)
    scored = []
    real = E.evaluate

    def spy(model, es, *a, **k):
        scored.append(es.inputs.clone())
        return real(model, es, *a, **k)
    monkeypatch.setattr(api, "evaluate", spy)
    T = tiny_base.config.context_length
    short = _lines(40, 5)
    r = api.evaluate_texts(tiny_base, [short])
    assert r.bytes == len(short.encode("utf-8"))                 # all of it
    long = _lines(20_000, 6)                                     # ~1.7 MB
    a = api.evaluate_texts(tiny_base, [long])
    b = api.evaluate_texts(tiny_base, [long])                     # as with an adapter: same seed, same windows
    assert scored[-1].shape[0] == scored[-2].shape[0] == 24 and a.tokens <= 24 * T
    assert torch.equal(scored[-1], scored[-2]) and a.nll_nats == b.nll_nats
