"""The general-text check is a General value that says its kind (issue 24, item 2):
a copy or a sample of the reference set, said to be the reference set, is
treated as the reference set (scored once, drift read against its own base
scores), never as a given file because it is another object."""
import copy

import pytest

from desktop.engine import measure as measure_mod
from desktop.engine import train as train_mod
from desktop.engine.anchor import drift
from desktop.engine.api import collect, general_set, prepare_documents
from desktop.engine.evaluate import EvalSet
from desktop.engine.general import General
from desktop.engine.train import TrainConfig, train

CFG = TrainConfig(method="norm", lr=0.05, max_steps=12, minutes=1, validate_every_steps=4)


def _run(base, data, general, monkeypatch):
    """The result and how many windows were scored in all."""
    scored = []
    real = train_mod.evaluate
    spy = lambda m, es, *a, **k: (lambda r: (scored.append(len(r.rows or ())), r)[1])(real(m, es, *a, **k))
    measure_mod._CACHES.clear()     # the base's scores are remembered per process: score them in each run
    monkeypatch.setattr(train_mod, "evaluate", spy)
    monkeypatch.setattr(measure_mod, "evaluate", spy)
    return train(base, data, CFG, general), sum(scored)


def test_a_copy_of_the_reference_set_is_scored_once_like_the_original(tiny_base, docs_dir, monkeypatch):
    data = prepare_documents(tiny_base, collect([docs_dir]).documents, seed=0)
    original = general_set(tiny_base)
    assert original.is_reference and original.label.startswith("reference")
    a, n_a = _run(tiny_base, data, original, monkeypatch)
    same = General.reference(copy.deepcopy(original.eval_set))
    assert same.eval_set is not tiny_base.reference_set()
    b, n_b = _run(tiny_base, data, same, monkeypatch)
    assert n_b == n_a                       # not scored a second time as if it were a given file
    assert b.best_step == a.best_step and b.general_drift == a.general_drift
    assert b.general_after.nll_nats == a.general_after.nll_nats
    assert b.general_before.nll_nats == a.general_before.nll_nats


def test_a_sample_of_the_reference_set_reports_its_own_drift(tiny_base, docs_dir, monkeypatch):
    data = prepare_documents(tiny_base, collect([docs_dir]).documents, seed=0)
    ref = tiny_base.reference_set()
    half = ref.inputs.shape[0] // 2           # a sample of the reference set: its first half
    sample = EvalSet(ref.inputs[:half].clone(), ref.targets[:half].clone(), ref.n_bytes // 2, of_rows=ref.inputs.shape[0])
    r, _ = _run(tiny_base, data, General.reference(sample), monkeypatch)
    assert r.general_after is not None and r.general_drift is not None
    # The drift reported is the change on the very windows reported: one set, not two.
    assert max(r.general_after.rows) < sample.inputs.shape[0]
    assert r.general_drift == pytest.approx(drift(r.general_after.loss, r.general_before.loss), rel=1e-9, abs=1e-12)


def test_no_general_set_and_a_given_file_say_so(tiny_base, tmp_path):
    f = tmp_path / "news.txt"
    f.write_text("The council met on Tuesday to discuss the new library. " * 40, encoding="utf-8")
    given = general_set(tiny_base, f)
    assert given.kind == "given file" and given.label == "news.txt" and not given.is_reference
    assert given.metadata_name == "given file"          # adapter files never carry a file name
    assert General.none().metadata_name == "none" and not General.none().present
