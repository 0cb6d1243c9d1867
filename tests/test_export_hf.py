"""Using an adapter elsewhere: after `normfit export-hf ADAPTER --out DIR`, a
person with transformers and peft loads DIR/base and DIR/adapter and gets the
same predictions NormFit makes, token for token, on the same text."""
from __future__ import annotations

import json
import warnings

import pytest
import torch

from desktop.cli import main
from desktop.engine.api import model_with, open_adapter
from desktop.engine.hf_export import hf_state_dict

from .conftest import ROOT

transformers = pytest.importorskip("transformers", reason="transformers is in the 'test' extra (make test)")
peft = pytest.importorskip("peft", reason="peft is in the 'test' extra (make test)")

ADAPTER = ROOT / "benchmarks" / "results" / "shootout-tuned" / "adapters" / "norm_scientist_s0.safetensors"
# Several scripts, code and emoji: byte-level BPE must give the same ids on both sides.
TEXT = ("The hetnet connects genes to diseases. ഒരു വാക്ക്, café, 😀\n"
        "def route(text):\n    return min(adapters, key=score)  # best fit\n")


@pytest.fixture(scope="module")
def real_base():
    """The base the committed adapter was made for (base 1, shipped beside newer releases)."""
    from desktop.engine.api import open_adapter_with_its_base
    from desktop.engine.base import load_base
    return open_adapter_with_its_base(ADAPTER, load_base())[1]


@pytest.fixture(scope="module")
def exported(real_base, tmp_path_factory):
    out = tmp_path_factory.mktemp("export") / "hf"
    assert main(["export-hf", str(ADAPTER), "--out", str(out)]) == 0
    return out


@pytest.fixture
def hf_base(exported):
    """A fresh load each time (PEFT wraps the model it is given in place)."""
    from transformers import AutoModelForCausalLM
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        m = AutoModelForCausalLM.from_pretrained(exported / "base")
    return m.eval()


def test_the_tokenizer_gives_the_ids_normfit_scores(real_base, exported):
    from transformers import AutoTokenizer, PreTrainedTokenizerFast
    ours = [real_base.tokenizer.eot_id] + real_base.tokenizer.encode(TEXT)
    for tok in (AutoTokenizer.from_pretrained(exported / "base"),
                PreTrainedTokenizerFast.from_pretrained(exported / "base")):
        assert tok(TEXT).input_ids == ours
        assert tok.decode(ours, skip_special_tokens=True) == TEXT
        assert tok.eos_token_id == real_base.tokenizer.eot_id


def test_the_base_maps_exactly_onto_llama(real_base, exported, hf_base):
    cfg = json.loads((exported / "base" / "config.json").read_text())
    assert cfg["architectures"] == ["LlamaForCausalLM"] and cfg["rms_norm_eps"] == real_base.config.norm_eps
    # Every one of our weights has a Llama name, and nothing else is needed.
    hf = dict(hf_base.named_parameters())
    assert set(hf_state_dict(real_base)) | {"lm_head.weight"} >= set(hf)
    assert hf_base.lm_head.weight.data_ptr() == hf_base.model.embed_tokens.weight.data_ptr(), "tied"
    ids = torch.tensor([[real_base.tokenizer.eot_id] + real_base.tokenizer.encode(TEXT)])
    with torch.no_grad():
        theirs = hf_base(ids).logits
        ours = model_with(real_base, None)(ids)
    assert torch.allclose(theirs, ours, atol=1e-4, rtol=1e-4), (theirs - ours).abs().max()


def test_the_peft_adapter_gives_normfits_predictions(real_base, exported, hf_base):
    from peft import PeftModel
    cfg = json.loads((exported / "adapter" / "adapter_config.json").read_text())
    assert cfg["peft_type"] == "LN_TUNING" and cfg["base_model_name_or_path"] is None
    af = open_adapter(ADAPTER, real_base)
    ids = torch.tensor([[real_base.tokenizer.eot_id] + real_base.tokenizer.encode(TEXT)])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pm = PeftModel.from_pretrained(hf_base, exported / "adapter").eval()
    with torch.no_grad():
        theirs = pm(ids).logits
        ours = model_with(real_base, af)(ids)
        plain = model_with(real_base, None)(ids)
        loss = pm(ids, labels=ids).loss
    # The adapter really changes the predictions, so matching them means it was loaded...
    assert (ours - plain).abs().max() > 0.1
    # ...and both sides use the same fp16 gains, so only float rounding may differ.
    assert torch.allclose(theirs, ours, atol=1e-4, rtol=1e-4), (theirs - ours).abs().max()
    ours_loss = model_with(real_base, af).loss(ids[:, :-1], ids[:, 1:])
    assert abs(float(loss) - float(ours_loss)) < 1e-4


def test_the_export_holds_no_paths_and_refuses_lora(exported, tmp_path, capsys):
    for f in exported.rglob("*"):
        if f.is_file() and f.suffix in (".json", ".md"):
            assert str(ROOT) not in f.read_text(encoding="utf-8"), f.name
    assert (exported / "README.md").read_text().count("PeftModel.from_pretrained") == 1
    lora = ADAPTER.with_name("lora_scientist_s0.safetensors")
    if lora.is_file():
        assert main(["export-hf", str(lora), "--out", str(tmp_path / "x")]) == 2
        assert "Only norm-only adapters have a PEFT form" in capsys.readouterr().err
    assert main(["export-hf", "--out", str(exported)]) == 2     # not empty, no --force
