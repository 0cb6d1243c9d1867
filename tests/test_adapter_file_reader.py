"""One adapter-file reader (issue 24, item 4): the header is parsed once, by
adapter_header.read_header, into one value; opening or inspecting a file reads
it once; each method's shapes come from the base's config (no model is built),
and agree with what a built model holds."""
import pytest
import torch

from desktop.engine import adapter_file, adapters, api, model as model_mod
from desktop.engine.adapter_header import read_header
from desktop.engine.api import collect, export_adapter, prepare_documents
from desktop.engine.model import ModelConfig, Transformer, weight_shapes
from desktop.engine.train import TrainConfig, train

from .conftest import ROOT

CONFIGS = [ModelConfig(vocab_size=64, d_model=32, n_layers=2, n_heads=2, ffn_dim=80, context_length=16),
           ModelConfig(vocab_size=64, d_model=32, n_layers=3, n_heads=4, ffn_dim=48, context_length=16,
                       tied_embeddings=False)]


@pytest.mark.parametrize("cfg", CONFIGS)
def test_shapes_from_the_config_are_the_shapes_a_built_model_holds(cfg):
    m = Transformer(cfg)
    assert weight_shapes(cfg) == {k: tuple(v.shape) for k, v in m.state_dict().items()}
    for name, method in adapters.REGISTRY.items():
        built = Transformer(cfg)
        adapters.prepare(built, name)
        assert method.shapes(cfg) == {k: tuple(v.shape) for k, v in adapters.extract(built, name).items()}, name


@pytest.fixture(scope="module")
def files(tiny_base, docs_dir_module, tmp_path_factory):
    data = prepare_documents(tiny_base, collect([docs_dir_module]).documents, seed=0)
    out = tmp_path_factory.mktemp("adapters")
    paths = {}
    for m in ("norm", "lora", "full"):
        r = train(tiny_base, data, TrainConfig(method=m, max_steps=1, minutes=1, select_best=False))
        paths[m] = out / f"{m}.safetensors"
        export_adapter(paths[m], r, tiny_base)
    return paths


@pytest.fixture(scope="module")
def docs_dir_module(tmp_path_factory):
    from .conftest import synthetic_text
    d = tmp_path_factory.mktemp("docs")
    for i in range(3):
        (d / f"doc{i}.txt").write_text(synthetic_text(900, seed=i), encoding="utf-8")
    return d


def test_opening_and_inspecting_read_and_parse_the_file_once_and_build_no_model(tiny_base, files, monkeypatch):
    reads, parses = [], []
    real_read, real_parse = adapter_file.read_limited, adapter_file.parse
    monkeypatch.setattr(adapter_file, "read_limited", lambda *a, **k: (reads.append(a[0]), real_read(*a, **k))[1])
    monkeypatch.setattr(adapter_file, "parse", lambda *a, **k: (parses.append(1), real_parse(*a, **k))[1])

    def no_model(*a, **k):
        raise AssertionError("a model was built to open an adapter")
    monkeypatch.setattr(model_mod.Transformer, "__init__", no_model)
    monkeypatch.setattr(type(tiny_base), "fresh_model", no_model)
    for m, path in files.items():
        for open_it in (lambda p: api.inspect_adapter(p, tiny_base)[0], lambda p: api.open_adapter(p, tiny_base),
                        lambda p: api.open_adapter_with_its_base(p, tiny_base)[0]):
            reads.clear(), parses.clear()
            af = open_it(path)
            assert af.method == m and len(reads) == 1 and len(parses) == 1, (m, reads)


def test_a_big_file_is_read_only_as_far_as_its_declared_method_allows(tiny_base, files, tmp_path):
    """A file over 64 KB is read only when its header (read by the same reader)
    says LoRA or full, and only up to that method's size for this base."""
    data = files["full"].read_bytes()
    assert len(data) > adapter_file.MAX_LOAD_BYTES
    assert read_header(data).method == "full" and adapter_file.peek_header(files["full"]).method == "full"
    full_limit = adapters.REGISTRY["full"].max_file_bytes(tiny_base.config)
    padded = tmp_path / "padded.safetensors"
    padded.write_bytes(data + b" " * (full_limit - len(data) + 1))      # one byte more than any full file
    with pytest.raises(api.AdapterFileError, match="is at most 65,536 bytes"):
        api.open_adapter(padded, tiny_base)
    norm = files["norm"].read_bytes()
    n = int.from_bytes(norm[:8], "little")
    head = read_header(norm)
    assert head.length == n and head.metadata["method"] == "norm" and set(head.specs) == set(
        adapters.REGISTRY["norm"].shapes(tiny_base.config))


def test_the_header_is_parsed_in_one_place_only():
    """No second hand-written reader (api._limit_for once had its own)."""
    readers = [p.relative_to(ROOT) for p in (ROOT / "desktop").rglob("*.py")
               if '"<Q"' in p.read_text(encoding="utf-8") and "pretrain" not in p.name]
    assert [str(p) for p in readers] == ["desktop/engine/adapter_header.py"]
