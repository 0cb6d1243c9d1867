"""A person's run on the committed base: given these documents, after a 30-second
budget the held-out perplexity is lower and the file is under 9 KB. (30 s: the job
also scores the base's 64-sequence reference set before training and at checks.)"""
import time

from desktop.engine.adapter_file import MAX_NORM_FILE_BYTES
from desktop.engine.api import (TrainConfig, collect, export_adapter, general_set, open_adapter,
                                personalise, prepare_documents)

from .conftest import ROOT


def test_thirty_seconds_of_norm_only_lowers_held_out_perplexity(real_base, tmp_path):
    docs = collect([ROOT / "assets" / "samples" / "novelist"]).documents
    data = prepare_documents(real_base, docs, seed=0)
    general = general_set(real_base)
    t0 = time.monotonic()
    r = personalise(real_base, data, TrainConfig(method="norm", minutes=30 / 60), general)
    # Ends inside the budget, evaluation included; the slack covers a machine
    # that is busy with other work (the after-evaluation's time is predicted).
    assert time.monotonic() - t0 < 30 + 8
    assert r.steps > 5 and not r.cancelled
    assert r.heldout_after.ppl < r.heldout_before.ppl
    path = tmp_path / "novelist.safetensors"
    n = export_adapter(path, r, real_base, general=general)
    assert n <= MAX_NORM_FILE_BYTES
    assert open_adapter(path, real_base).metadata["base_sha256"] == real_base.sha256
