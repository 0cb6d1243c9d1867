"""One record of a result's figures (issue 24, item 5): `steps` are the steps
trained everywhere (window, command line, class report, shootout), `kept_step`
the step kept, and an adapter file's `steps` key (format 1) holds the kept step,
as files of every earlier version do."""
import dataclasses

from desktop.engine import api, classroom
from desktop.engine.api import adapter_metadata, collect, prepare_documents
from desktop.engine.metrics import Metrics
from desktop.engine.train import TrainConfig, train

from .test_classroom import FAST, make_class, read_csv

# The figures of a file written by NormFit 0.1 (before the general-text guard): "n/a" where not measured.
OLD_FILE = {"format": "normfit.adapter", "format_version": "1", "method": "norm", "base_id": "normfit-base-s-1",
            "base_sha256": "ab" * 32, "created_utc": "2026-01-01T00:00:00Z", "app_version": "0.1.0",
            "train_tokens": "52310", "steps": "40", "seconds": "298.4", "lr": "0.01",
            "heldout_ppl_before": "61.25", "heldout_ppl_after": "55.5", "general_ppl_before": "n/a",
            "general_ppl_after": "n/a"}


def test_an_old_files_figures_are_read_and_written_back_the_same():
    m = Metrics.from_metadata(OLD_FILE)
    assert m.kept_step == 40 and m.steps is None          # a file never knew how many steps were trained
    assert m.seconds == 298.4 and m.train_tokens == 52310 and m.general_ppl_before is None
    assert abs(m.personal_gain - (1 - 55.5 / 61.25)) < 1e-12 and m.general_change is None
    back = {k: str(v) for k, v in m.to_metadata().items()}
    assert {k: back[k] for k in OLD_FILE if k in back} == {k: v for k, v in OLD_FILE.items() if k in back}
    assert {back[k] for k in set(back) - set(OLD_FILE)} == {"n/a"}      # bits per byte: not in 0.1's files
    assert set(OLD_FILE) - set(back) == {"format", "format_version", "method", "base_id", "base_sha256",
                                         "created_utc", "app_version"}


def test_steps_are_trained_steps_and_the_file_keeps_the_kept_step(tiny_base, docs_dir, tmp_path):
    data = prepare_documents(tiny_base, collect([docs_dir]).documents, seed=0)
    r = train(tiny_base, data, TrainConfig(method="norm", lr=0.05, max_steps=6, minutes=1, validate_every_steps=2))
    r = dataclasses.replace(r, best_step=2)           # kept an earlier step than the last
    assert r.metrics().steps == 6 and r.metrics().kept_step == 2
    s = r.summary()
    assert s["steps"] == 6 and s["best_step"] == 2
    meta = adapter_metadata(r, tiny_base)
    assert meta["steps"] == 2 and meta["seconds"] == round(r.seconds, 1)
    path = tmp_path / "a.safetensors"
    api.export_adapter(path, r, tiny_base)
    read = Metrics.from_metadata(api.open_adapter(path, tiny_base).metadata)
    assert read.kept_step == 2 and read.heldout_ppl_after == float(f"{r.heldout_after.ppl:.6g}")


def test_the_class_reports_steps_are_steps_trained(tiny_base, tmp_path, monkeypatch):
    """Even when the step kept (the file's) is an earlier one."""
    from desktop.engine import session as session_mod
    real = session_mod.Session.run

    def kept_earlier(self, data):
        out = real(self, data)
        return dataclasses.replace(out, results=[dataclasses.replace(r, best_step=1) for r in out.results])
    monkeypatch.setattr(session_mod.Session, "run", kept_earlier)
    folder = make_class(tmp_path, {"Anu": 900})
    run = classroom.run_class(tiny_base, folder, cfg=FAST)
    rec, = run.records
    meta = api.open_adapter(run.out / rec.file, tiny_base).metadata
    assert meta["steps"] == "1" and rec.steps == 5
    assert read_csv(run.csv)[0]["steps"] == "5"
