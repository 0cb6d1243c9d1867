import os
import random
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

WORDS = ("river lantern quiet morning garden letter window harbour silver autumn kettle road "
         "stone meadow candle orchard bridge sparrow winter market thread ladder bell cottage").split()
VERBS = "carried noticed folded wandered remembered painted gathered mended followed answered".split()


def synthetic_text(n_words: int, seed: int = 0) -> str:
    """Sentences in a small, regular 'style' a model can learn quickly."""
    rng = random.Random(seed)
    out, n = [], 0
    while n < n_words:
        s = (f"The {rng.choice(WORDS)} {rng.choice(VERBS)} the {rng.choice(WORDS)} "
             f"near the {rng.choice(WORDS)}, and nobody said a word about the {rng.choice(WORDS)}.")
        out.append(s)
        n += len(s.split())
        if rng.random() < 0.15:
            out.append("\n\n")
    return " ".join(out)


@pytest.fixture(scope="session")
def tiny_base_dir(tmp_path_factory):
    """A tiny base release (random weights, small tokenizer) for fast tests."""
    from desktop.engine.model import ModelConfig, Transformer
    from desktop.engine.pretrain import PretrainConfig, write_release
    from desktop.engine.tokenizer import Tokenizer

    out = tmp_path_factory.mktemp("tinybase")
    tok = Tokenizer.train([synthetic_text(4000, s) for s in range(3)] + ["ഒരു വാക്ക് café 😀"], 400)
    cfg = ModelConfig(vocab_size=tok.vocab_size, d_model=32, n_layers=2, n_heads=2, ffn_dim=64,
                      context_length=64)
    model = Transformer(cfg)
    model.init_weights(0)
    pcfg = PretrainConfig(corpus="-", out=str(out), work="-", base_id="normfit-test-tiny")
    from desktop.engine.release_sets import write_sets
    sha = write_release(out, model, tok, pcfg, {"data": {}})
    write_sets(out, model, tok.eot_id, pcfg.base_id, sha)
    return out


@pytest.fixture(scope="session")
def tiny_base(tiny_base_dir):
    from desktop.engine.base import load_base
    return load_base(tiny_base_dir)


@pytest.fixture(scope="session")
def real_base():
    from desktop.engine.base import load_base
    return load_base()


@pytest.fixture
def docs_dir(tmp_path):
    d = tmp_path / "docs"
    d.mkdir()
    for i in range(3):
        (d / f"note{i}.txt").write_text(synthetic_text(900, seed=10 + i), encoding="utf-8")
    return d


SHARED_USES = {"ran": 0, "skipped": 0}


def pytest_configure(config):
    config.addinivalue_line("markers", "shared: reads ../shared/data (skips where it is absent)")


def pytest_runtest_logreport(report):
    # Counted for the summary line below: CI's log then shows that these ran.
    if "shared" in report.keywords:
        if report.skipped:
            SHARED_USES["skipped"] += 1
        elif report.when == "call":
            SHARED_USES["ran"] += 1


def need_shared(sub: str) -> Path:
    """A folder of ../shared/data, or a skip with the reason. CI sets
    NORMFIT_REQUIRE_SHARED=1 where ../shared is present, so a wrong path there
    fails instead of silently skipping."""
    p = SHARED / sub
    if not p.exists():
        if os.environ.get("NORMFIT_REQUIRE_SHARED") == "1":
            pytest.fail(f"shared fixture {p} is absent but NORMFIT_REQUIRE_SHARED=1")
        pytest.skip(f"shared fixture {p} is absent (only on the development machines)")
    return p


def pytest_terminal_summary(terminalreporter):
    ran, skipped = SHARED_USES["ran"], SHARED_USES["skipped"]
    terminalreporter.write_line(f"tests marked shared (../shared/data): {ran} ran, {skipped} skipped "
                                f"({'present' if SHARED.exists() else 'absent'}: {SHARED})")
