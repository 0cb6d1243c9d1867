"""Your words, lit up: each word's tint follows its measured change, the words
lists add up, long texts are bounded, and `normfit explain` writes its page."""
import math
import re

import pytest
import torch
import torch.nn.functional as F

from desktop.engine import api
from desktop.engine.adapter_file import AdapterFile
from desktop.engine.explain import MAX_CHARS, excerpt, segments, token_logprobs, word_totals
from desktop.engine.explain_page import SHOWN_BITS, page, tinted_html

from .conftest import synthetic_text
from .test_cli import one_line, run


def _adapter(base, seed=3, scale=0.3) -> AdapterFile:
    g = torch.Generator().manual_seed(seed)
    tensors = {n: 1.0 + scale * torch.randn(base.config.d_model, generator=g) for n in base.model.norm_names()}
    return AdapterFile("norm", tensors, {"base_sha256": base.sha256, "base_id": base.base_id})


def _independent_word_changes(base, adapter, text):
    """Per-word change computed another way: one forward pass over the whole
    (short) text per model, each token's change given to the word holding its
    last non-space character."""
    ids, offsets = base.tokenizer.encode_with_offsets(text)
    assert len(ids) < base.config.context_length
    x = torch.tensor([[base.tokenizer.eot_id] + ids])
    out = []
    for a in (None, adapter):
        m = api.model_with(base, a)
        with torch.no_grad():
            lp = F.log_softmax(m(x[:, :-1]).float(), -1)[0, torch.arange(len(ids)), x[0, 1:]]
        out.append(lp)
    delta = (out[1] - out[0]) / math.log(2)
    words = [(m.start(), m.end()) for m in re.finditer(r"\w+|[^\w\s]+", text)]
    change = [0.0] * len(words)
    for (a, b), d in zip(offsets, delta.tolist()):
        last = max(i for i in range(a, b) if not text[i].isspace()) if text[a:b].strip() else None
        if last is None:
            continue
        k = next(k for k, (s, e) in enumerate(words) if s <= last < e)
        change[k] += d
    return [(text[s:e], c) for (s, e), c in zip(words, change)]


def test_the_tint_of_each_word_follows_the_sign_of_its_measured_change(tiny_base):
    text = "The river carried the lantern near the garden, and nobody said a word."
    adapter = _adapter(tiny_base)
    ex = api.explain(tiny_base, adapter, text)
    words = [p for p in ex.pieces if p.change is not None]
    expected = _independent_word_changes(tiny_base, adapter, text)
    assert [p.text for p in words] == [w for w, _ in expected]
    for p, (w, c) in zip(words, expected):
        assert p.change == pytest.approx(c, abs=1e-3), w
        html = tinted_html([p])
        if c > SHOWN_BITS + 1e-3:
            assert "underline" in html and "italic" not in html, (w, c)
        elif c < -SHOWN_BITS - 1e-3:
            assert "italic" in html and "underline" not in html, (w, c)
        elif abs(c) < SHOWN_BITS - 1e-3:
            assert "<span" not in html
    assert any(abs(c) > SHOWN_BITS for _, c in expected)      # the test saw tinted words
    # The lists add up occurrences: each word's total is the sum of its tints.
    the = next(w for w in word_totals(ex.pieces) if w.word.lower() == "the")
    assert all(w.bits > 0 for w in ex.gained) and all(w.bits < 0 for w in ex.lost)
    assert [w.bits for w in ex.gained] == sorted((w.bits for w in ex.gained), reverse=True)
    assert the.count == 3
    assert the.bits == pytest.approx(sum(c for w, c in expected if w.lower() == "the"), abs=1e-3)


def test_scores_of_a_text_longer_than_the_context_use_overlapping_windows(tiny_base):
    ids = tiny_base.tokenizer.encode(synthetic_text(400, seed=5))
    T = tiny_base.config.context_length
    assert len(ids) > 3 * T
    m = api.model_with(tiny_base, None)
    lp = token_logprobs(m, ids, T, tiny_base.tokenizer.eot_id)
    # Windows start every T/2 tokens; token k is kept from the window in which it
    # has between T/2 and T tokens before it: a direct pass over that window's
    # start up to k must give the same score.
    stride = T // 2
    for k in (5, T + 3, 2 * T + 5, len(ids) - 1):
        s = 0 if k < T else stride * math.ceil((k - T + 1) / stride)
        assert T - stride <= k - s < T or s == 0
        window = ([tiny_base.tokenizer.eot_id] + ids)[s:k + 2]
        with torch.no_grad():
            direct = F.log_softmax(m(torch.tensor([window[:-1]])).float(), -1)[0, -1, window[-1]]
        assert lp[k].item() == pytest.approx(direct.item(), abs=1e-4), k
    assert torch.isfinite(lp).all() and (lp < 0).all()


def test_words_and_punctuation_in_any_script():
    text = "മലയാളം ഭാഷ, don't stop—naïve café."
    segs = [(text[a:b], k) for a, b, k in segments(text) if k != "s"]
    assert segs == [("മലയാളം", "w"), ("ഭാഷ", "w"), (",", "p"), ("don't", "w"), ("stop", "w"), ("—", "p"),
                    ("naïve", "w"), ("café", "w"), (".", "p")]


def test_a_long_text_is_explained_on_a_bounded_seeded_excerpt(tiny_base):
    long = synthetic_text(60_000, seed=9)          # ~350k characters
    assert len(long) > 20 * MAX_CHARS
    ex = api.explain(tiny_base, _adapter(tiny_base), long)
    assert ex.excerpt and ex.chars_total == len(long) and ex.chars_used <= MAX_CHARS
    assert ex.tokens < MAX_CHARS                    # what was scored is bounded, not the whole text
    assert excerpt(long, MAX_CHARS, 0) == excerpt(long, MAX_CHARS, 0) != excerpt(long, MAX_CHARS, 1)
    assert "".join(p.text for p in ex.pieces) == excerpt(long, MAX_CHARS, 0)
    html = page(ex, "heading")
    assert "An excerpt of" in html and html.count("<li>") == len(ex.gained) + max(1, len(ex.lost))


def test_the_held_out_excerpt_is_kept_for_the_results_page(tiny_base, docs_dir):
    from desktop.engine.documents import collect
    docs = collect([docs_dir]).documents
    data = api.prepare_documents(tiny_base, docs)
    assert 200 < len(data.heldout_excerpt) <= MAX_CHARS + 10
    held = api.split_documents(docs).heldout
    assert data.heldout_excerpt.split("\n\n")[0].strip() in held[0]
    assert all(data.heldout_excerpt[:300] not in t for t in api.split_documents(docs).train)


def test_explain_command_prints_the_lists_and_writes_the_page(tiny_base, tiny_base_dir, tmp_path):
    from desktop.engine.adapter_file import save_adapter
    a = _adapter(tiny_base)
    ad = tmp_path / "me.safetensors"
    save_adapter(ad, a.tensors, {"method": "norm", "base_id": tiny_base.base_id, "base_sha256": tiny_base.sha256,
                                 "created_utc": "2026-12-01T00:00:00Z", "app_version": "0", "train_tokens": 1,
                                 "steps": 1, "seconds": 1, "lr": 0.01, "heldout_ppl_before": 2,
                                 "heldout_ppl_after": 1, "general_ppl_before": 2, "general_ppl_after": 2,
                                 "label": "Asha"})
    doc = tmp_path / "new.txt"
    doc.write_text(synthetic_text(300, seed=4), encoding="utf-8")
    out = tmp_path / "page.html"
    p = run("explain", "--adapter", ad, doc, "--out", out, "--base", tiny_base_dir)
    assert p.returncode == 0, p.stderr
    assert "Words it now expects" in p.stdout and "Asha" in out.read_text(encoding="utf-8")
    assert out.read_text(encoding="utf-8").count("<span") > 10
    again = run("explain", "--adapter", ad, doc, "--out", out, "--base", tiny_base_dir)
    assert again.returncode == 2 and "--force" in one_line(again.stderr)
    bad = run("explain", "--adapter", tmp_path / "nope.safetensors", doc, "--base", tiny_base_dir)
    assert bad.returncode == 2
    one_line(bad.stderr)
