"""Several base releases side by side: new work uses the newest, an adapter opens with the base it names."""
import shutil

import pytest
import torch

from desktop.engine.adapter_file import AdapterFileError
from desktop.engine.api import (export_adapter, inspect_adapter, open_adapter, open_adapter_with_its_base,
                                personalise, prepare_documents, collect)
from desktop.engine.base import load_base, releases
from desktop.engine.model import Transformer
from desktop.engine.pretrain import PretrainConfig, write_release
from desktop.engine.release_sets import write_sets
from desktop.engine.train import TrainConfig

from .conftest import ROOT


@pytest.fixture(scope="module")
def two_releases(tiny_base, tmp_path_factory):
    """releases/normfit-test-1 (the tiny base, id normfit-test-tiny) and normfit-test-2 (other weights)."""
    root = tmp_path_factory.mktemp("releases")
    shutil.copytree(tiny_base.folder, root / "normfit-test-1")
    cfg = tiny_base.config
    m = Transformer(cfg)
    m.init_weights(7)
    pc = PretrainConfig(corpus="-", out="-", work="-", base_id="normfit-test-2")
    sha = write_release(root / "normfit-test-2", m, tiny_base.tokenizer, pc, {"data": {}})
    write_sets(root / "normfit-test-2", m, tiny_base.tokenizer.eot_id, "normfit-test-2", sha)
    return root


def _adapter(base, docs_dir, path):
    data = prepare_documents(base, collect([docs_dir]).documents)
    r = personalise(base, data, TrainConfig(method="norm", lr=0.05, max_steps=3, minutes=1,
                                            select_best=False, max_drift=None))
    export_adapter(path, r, base)
    return path


def test_the_newest_release_is_the_default(two_releases):
    assert [r.base_id for r in releases(two_releases)] == ["normfit-test-tiny", "normfit-test-2"]
    assert load_base(two_releases).base_id == "normfit-test-2"


def test_an_adapter_opens_with_the_base_it_names(two_releases, docs_dir, tmp_path):
    old = load_base(two_releases / "normfit-test-1")
    new = load_base(two_releases)
    path = _adapter(old, docs_dir, tmp_path / "old.safetensors")
    af, base = open_adapter_with_its_base(path, new)
    assert base.base_id == "normfit-test-tiny" and base.sha256 == old.sha256 == af.base_sha256
    with pytest.raises(AdapterFileError, match="made for a different base model .'normfit-test-tiny'"):
        open_adapter(path, new)                 # against base 2 alone it is refused, in words
    assert open_adapter(path, old).base_sha256 == old.sha256


def test_an_adapter_for_a_base_not_shipped_gets_one_sentence_naming_it(two_releases, docs_dir, tmp_path):
    import dataclasses
    new = load_base(two_releases)
    foreign = dataclasses.replace(new, sha256="ab" * 32, base_id="someone-elses-base")
    path = _adapter(foreign, docs_dir, tmp_path / "foreign.safetensors")
    with pytest.raises(AdapterFileError) as e:
        open_adapter_with_its_base(path, new)
    msg = str(e.value)
    assert "'someone-elses-base'" in msg and "does not include" in msg and msg.count(".") == 1
    af, own, why = inspect_adapter(path, new)
    assert own is None and why == msg and af.base_id == "someone-elses-base"


# In the manner of the novelist fixture (Jane Austen) the committed adapters
# were trained on: Persuasion's first sentence and Emma's people. Each novelist
# adapter scores it 7-11% better than its base (programmer adapter: 15% worse),
# so an adapter that is opened but not applied (the same figure as the base)
# fails here, where "less than 1.5 x the base" let it pass.
AUTHORS_MANNER = ("Sir Walter Elliot, of Kellynch Hall, in Somersetshire, was a man who, for his own amusement, "
                  "never took up any book but the Baronetage. Mrs. Weston had been Miss Taylor; and Emma was very "
                  "fond of her, though she could not help thinking that Mr. Knightley was right. ") * 6


def _fits_its_author(base, af) -> None:
    from desktop.engine.api import evaluate_texts
    adapted, plain = evaluate_texts(base, [AUTHORS_MANNER], af).ppl, evaluate_texts(base, [AUTHORS_MANNER], None).ppl
    assert adapted < 0.97 * plain, (adapted, plain)


COMMITTED = ROOT / "benchmarks" / "results" / "shootout-tuned" / "adapters" / "norm_novelist_s0.safetensors"


@pytest.mark.skipif(not COMMITTED.is_file(), reason="committed base-1 adapter absent")
def test_a_committed_base_1_adapter_still_opens_evaluates_and_generates(real_base):
    from desktop.engine.api import generate
    af, base = open_adapter_with_its_base(COMMITTED, real_base)
    assert base.base_id == "normfit-base-s-1"
    _fits_its_author(base, af)
    assert isinstance(generate(base, "The morning", af, max_new_tokens=5), str)
    if real_base.base_id != "normfit-base-s-1":      # once base 2 ships, against it alone: refused
        with pytest.raises(AdapterFileError, match="different base model"):
            open_adapter(COMMITTED, real_base)


BASE2_ADAPTER = ROOT / "benchmarks" / "results" / "frontier" / "d3" / "adapters" / "norm_novelist_s0_d3.safetensors"


@pytest.mark.skipif(not BASE2_ADAPTER.is_file(), reason="committed base-2 adapter absent")
def test_a_committed_base_2_adapter_still_opens_with_its_own_base(real_base):
    af, base = open_adapter_with_its_base(BASE2_ADAPTER, real_base)
    assert base.base_id == "normfit-base-s-2" and af.base_sha256 == base.sha256
    _fits_its_author(base, af)
    if real_base.base_id != "normfit-base-s-2":      # base 3 is the newest: against it alone, refused
        with pytest.raises(AdapterFileError, match="different base model"):
            open_adapter(BASE2_ADAPTER, real_base)
