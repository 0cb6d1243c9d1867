"""Try it (issue 20, parts 4-5), engine side: continuations that read like
text, next-word suggestions, and keystroke savings computed by hand."""
from __future__ import annotations

import math
import re

import pytest
import torch

from desktop.engine import suggest, textgen
from desktop.engine.textgen import Sampling

SENTENCE_END = re.compile(r"([.!?][\"'”’)\]]*|…)$")


# ---------------------------------------------------------------- text that reads like text
def test_hard_wrapped_lines_are_joined_but_code_and_paragraphs_are_kept():
    assert textgen.join_wrapped("The sea was grey\nand the wind\nwas cold.") == "The sea was grey and the wind was cold."
    assert textgen.join_wrapped("One line.\n\nAnother\nline.") == "One line.\n\nAnother line."
    code = "def f(x):\n    return x + 1"
    assert textgen.join_wrapped(code) == code
    assert textgen.join_wrapped("Things:\n- eggs\n- milk") == "Things:\n- eggs\n- milk"


def test_sentence_ends_skip_abbreviations_and_decimals():
    text = "Mr. Smith went to St. Ives. He saw 3.5 cats! Then"
    assert [text[:e] for e in textgen.sentence_ends(text)] == ["Mr. Smith went to St. Ives.",
                                                              "Mr. Smith went to St. Ives. He saw 3.5 cats!"]


def test_a_tidy_continuation_has_no_break_mid_sentence_and_ends_at_a_sentence_end():
    raw = " was grey,\nand the wind was cold. Then\nhe turned to"
    assert textgen.tidy_continuation("The sea", raw) == " was grey, and the wind was cold."
    # No sentence end at all: it says so instead of stopping mid-word.
    assert textgen.tidy_continuation("The sea", "\nwas grey,\nand the") == " was grey, and the…"
    # Only the first paragraph.
    assert textgen.tidy_continuation("Yes", ", it was.\n\nChapter II\n\nThe") == ", it was."


def test_the_base_writes_one_clean_paragraph(real_base):
    model = real_base.fresh_model().eval()
    for prompt in ("The ferry still smelled of", "She opened the letter and", "In the morning we",
                   "The old ferryman", "My father used"):
        for seed in range(3):
            out = textgen.continue_text(model, real_base.tokenizer, prompt, seed=seed)
            assert "\n" not in out, (prompt, seed, out)
            assert SENTENCE_END.search(out), (prompt, seed, out)
            assert out.startswith((" ", ",", ";", ".", "'", "’", "-")) or out[:1].isalnum()


def test_repetition_penalty_and_top_p_change_what_can_be_picked():
    logits = torch.tensor([3.0, 2.9, 0.0, -1.0])
    greedy = Sampling(temperature=0.0, top_p=1.0, repetition_penalty=1.0)
    assert textgen._pick(logits, torch.tensor([0]), greedy, None) == 0
    penalised = Sampling(temperature=0.0, top_p=1.0, repetition_penalty=1.3)
    assert textgen._pick(logits, torch.tensor([0]), penalised, None) == 1     # 3.0 / 1.3 < 2.9
    # top-p 0.6 of probabilities 0.5, 0.3, 0.15, 0.05 keeps the first two tokens only.
    probs = torch.tensor([0.5, 0.3, 0.15, 0.05])
    s = Sampling(temperature=1.0, top_p=0.6, repetition_penalty=1.0)
    g = torch.Generator().manual_seed(0)
    picked = {textgen._pick(probs.log(), torch.tensor([], dtype=torch.long), s, g) for _ in range(300)}
    assert picked == {0, 1}


def test_openings_are_the_persons_own_most_habitual():
    texts = ["I think we should go. It was late. I think we should stay.",
             "I think we should eat. The cat sat down. It was late again."]
    assert textgen.opening_words(texts, 2) == ["I think we", "It was late"]


# ---------------------------------------------------------------- suggestions
def test_words_follow_the_same_rule_in_text_and_in_bytes():
    text = "Don’t stop—the “ship” sailed; അമ്മ വന്നു."
    spans = [text[s:e] for s, e in suggest.words_of(text)]
    assert spans == ["Don", "t", "stop", "the", "ship", "sailed", "അമ്മ", "വന്നു"]
    b = text.encode("utf-8")
    flags = suggest._word_bytes(b)
    rebuilt = re.findall(rb"[^\x00]+", bytes(x if f else 0 for x, f in zip(b, flags)))
    assert [w.decode("utf-8") for w in rebuilt] == spans


def test_suggestions_agree_with_what_was_typed_and_with_the_models_probability(real_base):
    tok = real_base.tokenizer
    model = real_base.fresh_model().eval()
    table = suggest.TokenTable(tok)
    words = suggest.next_words(model, tok, table, "She said that she w")
    assert len(words) == 3 and len(set(words)) == 3 and all(w.startswith("w") for w in words)
    # The top word's score, recomputed independently: its tokens' probabilities
    # times the probability that the next token starts with a non-word character.
    ids = [tok.eot_id] + tok.encode("She said that she")
    caches, logp = suggest._context(model, ids)
    (word, score), *_ = suggest.scored_words(model, table, caches, logp, b" w", 1)
    with torch.no_grad():
        full = [tok.eot_id] + tok.encode("She said that she " + word)
        lp = torch.log_softmax(model(torch.tensor([full]))[0].float(), -1)
        own = sum(float(lp[i - 1, full[i]]) for i in range(len(ids), len(full)))
        ends = torch.tensor([len(r) > 0 and not suggest._word_bytes(r[:1])[0] for r in table.raw])
        own += float(torch.logsumexp(lp[-1][ends], 0))
    assert score == pytest.approx(own, abs=0.05)    # other spellings of the word only add a little


def test_keystroke_cost_by_hand(monkeypatch):
    """'hello': not among the three with nothing typed nor after 'h', there after 'he': cost 2, saved 3."""
    shown = {b" ": ["a", "the", "is"], b" h": ["his", "her", "how"], b" he": ["he", "hello", "help"]}
    monkeypatch.setattr(suggest, "complete_words", lambda m, t, c, lp, typed, sep: shown.get(typed, []))
    assert suggest.word_cost(None, None, None, None, b" ", "hello") == 2
    assert suggest.word_cost(None, None, None, None, b" ", "the") == 0
    assert suggest.word_cost(None, None, None, None, b" ", "zebra") == 5       # never shown: typed in full


def test_savings_and_their_range_by_hand():
    # Two windows: 10 and 20 characters; the adapted model saves 1 and 3 more characters.
    diffs, chars = [1, 3], [10, 20]
    r = 4 / 30
    var = ((1 - r * 10) ** 2 + (3 - r * 20) ** 2) / 1
    assert suggest.margin_pts(diffs, chars) == pytest.approx(100 * 12.71 * math.sqrt(2 * var) / 30)
    s = suggest.Savings(words=8, chars=30, saved_base=12, saved_adapted=16, margin_pts=5.0)
    assert (s.base_pct, s.adapted_pct) == (pytest.approx(40.0), pytest.approx(53.333, abs=1e-3))
    assert s.clearly_better
    assert not suggest.Savings(8, 30, 12, 16, 14.0).clearly_better       # range reaches below zero


def test_every_word_is_measured_once_with_its_own_separator(real_base):
    tok = real_base.tokenizer
    table = suggest.TokenTable(tok)
    text = " ".join(f"Word{i} and (more) text, here." for i in range(120))
    windows = suggest.plan_windows(tok, table, [text], max_words=10_000)
    measured = sorted((w.ids, j, sep, word) for w in windows for j, sep, word in w.words)
    assert len(measured) == len(suggest.words_of(text))
    data = text.encode("utf-8")
    for ids, j, sep, word in measured:
        context = b"".join(table.raw[i] for i in ids[:j])      # what the model sees before the word
        assert context + sep + word.encode("utf-8") in data
        assert not any(suggest._word_bytes(sep))


def test_the_same_model_on_both_sides_saves_the_same(real_base):
    tok = real_base.tokenizer
    table = suggest.TokenTable(tok)
    model = real_base.fresh_model().eval()
    s = suggest.keystroke_savings(model, model, tok, table, ["It was a cold morning and the sea was grey. " * 8],
                                  max_words=20)
    assert s.words == 20 and s.saved_base == s.saved_adapted and not s.clearly_better
    assert 0 < s.base_pct < 100
    # The window's bound: it stops after the word that passes the time given (here at once).
    quick = suggest.keystroke_savings(model, model, tok, table, ["It was a cold morning and the sea was grey. " * 8],
                                      max_words=20, seconds=0)
    assert quick.words == 1


def test_a_list_begun_mid_way_ends_the_continuation():
    raw = " in Bestances\n-   Antonio Sêt (b. 1866)\n-   Sancho"
    assert textgen.tidy_continuation("My father used", raw) == " in Bestances…"


def test_no_paragraph_break_before_the_first_sentence_ends(real_base):
    tok = real_base.tokenizer
    para, newline = textgen._break_tokens(tok)
    logits = torch.zeros(tok.vocab_size)
    held = textgen._hold_paragraph(logits, tok, " it was")
    assert torch.isinf(held[para]).all() and not torch.isinf(held[~para]).any()
    assert torch.isinf(textgen._hold_paragraph(logits, tok, " it was\n")[newline]).all()
    assert not torch.isinf(textgen._hold_paragraph(logits, tok, " it was. Then")).any()


def test_prose_asked_for_is_prose_and_code_asked_for_keeps_its_lines():
    raw = "'s Best Acts (born 1944)\n_Blacka_ (1977) and (1980)"
    assert textgen.tidy_continuation("The old ferryman", raw) == "'s Best Acts (born 1944) _Blacka_ (1977) and (1980)…"
    assert textgen.tidy_continuation("def area(r):", "\n    pi = 3.14\n    return pi * r\n    x") == \
        "\n    pi = 3.14\n    return pi * r"
