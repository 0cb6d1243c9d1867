"""Train the base model release (a tool for the project, not for end users).

    normfit pretrain --corpus ../shared/data/pretrain --out assets/base --minutes 120

Steps: read the corpus (JSON lines with a "text" field, or plain .txt files),
optionally add Python source from the running interpreter's standard library,
train a byte-level BPE tokenizer, tokenise everything once into a cache, then
train the decoder for a wall-clock budget with AdamW and a cosine schedule on
elapsed time. Checkpoints go to a work folder outside git (resumable with
--resume); the release folder (contract 1) is rewritten at every checkpoint so
the latest weights are always usable.
"""
from __future__ import annotations

import hashlib
import io
import json
import math
import platform
import random
import sys
import sysconfig
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import torch

from .atomic import atomic_write, atomic_write_text
from .device import detect
from .evaluate import eval_set_from_texts, evaluate
from .model import ModelConfig, Transformer, count_params
from .model_card import model_card
from .release_sets import write_sets
from . import ternary as tern
from .tokenizer import Tokenizer, iter_chunks

BASE_ID = "normfit-base-s-1"


@dataclass(frozen=True)
class PretrainConfig:
    corpus: str
    out: str
    work: str
    minutes: float = 60.0
    resume: bool = False
    general: str | None = None
    stdlib_mb: float = 10.0
    # The model's shape: ModelConfig's own defaults unless an option says otherwise.
    vocab_size: int = ModelConfig.vocab_size
    d_model: int = ModelConfig.d_model
    n_layers: int = ModelConfig.n_layers
    n_heads: int = ModelConfig.n_heads
    ffn_dim: int = ModelConfig.ffn_dim
    context_length: int = ModelConfig.context_length
    batch_size: int = 16
    lr: float = 3e-3
    min_lr_frac: float = 0.1
    warmup_steps: int = 200
    weight_decay: float = 0.1
    seed: int = 1337
    device: str = "auto"
    threads: int | None = None
    checkpoint_minutes: float = 10.0
    compile: bool = True
    base_id: str = BASE_ID
    # A release folder to continue from (weights, shape and tokenizer), e.g. the
    # last committed base: how a new machine resumes without the work folder.
    init_from: str | None = None
    # Train on at most this many tokens of the prepared stream (its start): how a
    # subset that fits a transfer limit is used (tools/gpu_pretrain.py).
    max_tokens: int | None = None
    # "adamw" for everything, or "muon": Muon for the blocks' weight matrices,
    # AdamW (at lr) for embeddings and gains (engine/muon.py says why).
    optimizer: str = "adamw"
    muon_lr: float = 0.02
    # Join the hard line breaks inside prose paragraphs (the Gutenberg books and
    # the documentation are wrapped at ~70 characters); code is left alone.
    unwrap: bool = False
    # Continue into ternary projections (engine/ternary.py): quantisation-aware
    # training with a straight-through estimator; the release is written packed.
    ternary: bool = False
    # Steps over which the quantised weight is blended in (0 = ternary from the first step).
    ternary_warmup_steps: int = 0


def log(msg: str) -> None:
    print(f"[pretrain {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------- data
def read_corpus(corpus: Path) -> tuple[list[str], dict]:
    texts: list[str] = []
    domains: dict[str, int] = {}
    files = sorted(corpus.glob("*.jsonl")) + sorted(corpus.glob("*.txt"))
    if not files:
        raise ValueError(f"No .jsonl or .txt files in {corpus}.")
    for f in files:
        if f.suffix == ".jsonl":
            with f.open(encoding="utf-8") as fh:
                for line in fh:
                    if line.strip():
                        rec = json.loads(line)
                        texts.append(rec["text"])
                        d = rec.get("domain", "unknown")
                        domains[d] = domains.get(d, 0) + len(rec["text"].encode("utf-8"))
        else:
            t = f.read_text(encoding="utf-8")
            texts.append(t)
            domains["text"] = domains.get("text", 0) + len(t.encode("utf-8"))
    return texts, domains


def read_stdlib_code(max_mb: float, seed: int) -> tuple[list[str], dict]:
    """Python source of the running interpreter's own standard library (not
    site-packages), read at training time and never stored in the project."""
    if max_mb <= 0:
        return [], {}
    root = Path(sysconfig.get_paths()["stdlib"])
    files = sorted(p for p in root.rglob("*.py")
                   if "site-packages" not in p.parts and "dist-packages" not in p.parts)
    random.Random(seed).shuffle(files)
    budget = int(max_mb * 1e6)
    texts, used = [], 0
    for p in files:
        try:
            t = p.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        n = len(t.encode("utf-8"))
        if used + n > budget:
            continue
        texts.append(t)
        used += n
    info = {"python_stdlib_code": used, "stdlib_files": len(texts),
            "stdlib_source": f"Python {platform.python_version()} standard library ({root})"}
    return texts, info


def unwrap_text(text: str) -> str:
    """Join a paragraph's lines with spaces when it reads as wrapped prose:
    no line indented (code, verse set in), every line but the last long enough
    to have been wrapped. Short-line paragraphs (lists, verse, headings) and
    anything indented stay as they are."""
    out = []
    for para in text.split("\n\n"):
        lines = para.split("\n")
        wrapped = (len(lines) > 1 and all(ln and not ln[0].isspace() for ln in lines)
                   and all(len(ln) >= 40 for ln in lines[:-1]))
        out.append(" ".join(ln.strip() for ln in lines) if wrapped else para)
    return "\n\n".join(out)


def read_general(path: str | None) -> list[str]:
    from .documents import general_texts
    return general_texts(path) if path else []


TOKEN_FILES = ("tokenizer.json", "tokens.npy", "data.json")


def has_prepared_tokens(work: Path) -> bool:
    return all((work / f).exists() for f in TOKEN_FILES)


def prepare_tokens(cfg: PretrainConfig, work: Path,
                   given: Tokenizer | None = None) -> tuple[Tokenizer, np.ndarray, dict]:
    tok_path, arr_path, meta_path = (work / f for f in TOKEN_FILES)
    if has_prepared_tokens(work):
        log("using cached tokenizer and tokens")
        return Tokenizer.load(tok_path), np.load(arr_path, mmap_mode="r"), json.loads(meta_path.read_text())
    if not cfg.corpus:
        raise ValueError(f"No corpus given and no prepared tokens in {work}.")
    texts, domains = read_corpus(Path(cfg.corpus))
    if cfg.unwrap:
        texts = [unwrap_text(t) for t in texts]
    code, code_info = read_stdlib_code(cfg.stdlib_mb, cfg.seed)
    docs = texts + code
    random.Random(cfg.seed).shuffle(docs)
    log(f"{len(texts)} corpus documents, {len(code)} stdlib files")
    # The tokenizer sees a sample (about 30 MB) spread over the whole shuffled set.
    sample, size = [], 0
    for d in docs:
        sample.append(d)
        size += len(d)
        if size > 30_000_000:
            break
    t0 = time.time()
    if given is not None:
        tok = given     # continuing a release: its tokenizer must not change
    else:
        tok = Tokenizer.train(iter_chunks(sample), cfg.vocab_size)
        log(f"tokenizer trained in {time.time() - t0:.0f}s, vocab {tok.vocab_size}")
    t0 = time.time()
    out = []
    for s in range(0, len(docs), 256):
        for ids in tok.encode_batch(docs[s:s + 256]):
            out.append(np.asarray(ids + [tok.eot_id], dtype=np.uint16))
    arr = np.concatenate(out)
    n_bytes = sum(len(d.encode("utf-8")) for d in docs)
    log(f"tokenised {n_bytes / 1e6:.1f} MB into {len(arr) / 1e6:.2f}M tokens in {time.time() - t0:.0f}s")
    meta = {"domains_bytes": domains, **code_info, "unwrapped": cfg.unwrap, "documents": len(docs), "bytes": n_bytes,
            "tokens": int(len(arr))}
    work.mkdir(parents=True, exist_ok=True)
    tok.save(tok_path)
    np.save(arr_path, arr)
    meta_path.write_text(json.dumps(meta, indent=1))
    return tok, arr, meta


def prepare_only(cfg: PretrainConfig) -> dict:
    """Tokenise the corpus into the work folder and stop (the data then travels
    small, e.g. to a GPU machine)."""
    init = None
    if cfg.init_from:
        from .base import load_base
        init = load_base(cfg.init_from)
    work = Path(cfg.work)
    work.mkdir(parents=True, exist_ok=True)
    _, arr, meta = prepare_tokens(cfg, work, init.tokenizer if init else None)
    log(f"{len(arr) / 1e6:.2f}M tokens ready in {work}")
    return meta


# ---------------------------------------------------------------- training
def lr_at(cfg: PretrainConfig, step: int, frac: float) -> float:
    if step < cfg.warmup_steps:
        return cfg.lr * (step + 1) / cfg.warmup_steps
    frac = min(max(frac, 0.0), 1.0)
    return cfg.lr * (cfg.min_lr_frac + (1 - cfg.min_lr_frac) * 0.5 * (1 + math.cos(math.pi * frac)))


class _Optimizers:
    """Several optimisers stepped as one (Muon for matrices + AdamW for the
    rest); param_groups carry their own peak rate so one schedule scales all."""

    def __init__(self, *opts: torch.optim.Optimizer):
        self.opts = opts

    @property
    def param_groups(self) -> list[dict]:
        return [g for o in self.opts for g in o.param_groups]

    def zero_grad(self, set_to_none: bool = True) -> None:
        for o in self.opts:
            o.zero_grad(set_to_none=set_to_none)

    def step(self) -> None:
        for o in self.opts:
            o.step()

    def state_dict(self) -> dict:
        return {"opts": [o.state_dict() for o in self.opts]}

    def load_state_dict(self, sd: dict) -> None:
        if "opts" not in sd or len(sd["opts"]) != len(self.opts):
            raise ValueError("The checkpoint was written with another optimiser; start without --resume.")
        for o, s in zip(self.opts, sd["opts"]):
            o.load_state_dict(s)


def make_optimizer(model: Transformer, cfg: PretrainConfig, fused: bool) -> _Optimizers:
    named = list(model.named_parameters())
    # Muon orthogonalises maps; the (tied) embedding is a lookup table and stays with AdamW.
    muon = [p for n, p in named if cfg.optimizer == "muon" and p.dim() == 2 and not n.startswith("embed")]
    taken = {id(p) for p in muon}
    decay = [p for _, p in named if p.dim() >= 2 and id(p) not in taken]
    no_decay = [p for _, p in named if p.dim() < 2]
    groups = [{"params": g, "weight_decay": wd, "peak_lr": cfg.lr}
              for g, wd in ((decay, cfg.weight_decay), (no_decay, 0.0)) if g]
    opts = [torch.optim.AdamW(groups, lr=cfg.lr, betas=(0.9, 0.95), fused=fused or None)]
    if muon:
        from .muon import Muon
        opts.append(Muon([{"params": muon, "peak_lr": cfg.muon_lr}], lr=cfg.muon_lr,
                         weight_decay=cfg.weight_decay))
    return _Optimizers(*opts)


def write_release(out: Path, model: Transformer, tok: Tokenizer, cfg: PretrainConfig, summary: dict) -> str:
    """Write contract 1's folder atomically file by file; returns base_sha256."""
    from safetensors.torch import save

    out.mkdir(parents=True, exist_ok=True)
    state = {k: v.detach().to("cpu", torch.float32).contiguous() for k, v in model.state_dict().items()}
    if cfg.ternary:
        state = tern.pack_state(state)
    weights = save(state, metadata={"base_id": cfg.base_id})
    # A release is read by every user of the machine: 0644, not the temporary file's 0600.
    atomic_write(out / "model.safetensors", weights, mode=0o644)
    sha = hashlib.sha256(weights).hexdigest()
    atomic_write_text(out / "tokenizer.json", tok.to_json(), mode=0o644)
    config = {"base_id": cfg.base_id, "base_sha256": sha, **model.cfg.to_dict(), "training": summary}
    if cfg.ternary:
        config["weights_format"] = tern.FORMAT
    atomic_write_text(out / "config.json", json.dumps(config, indent=2) + "\n", mode=0o644)
    atomic_write_text(out / "MODEL_CARD.md", model_card(config, model), mode=0o644)
    return sha


class _Pretraining:
    """One pretraining run's state: data, model, optimiser, progress, and what a
    checkpoint writes (the resumable checkpoint and the release folder)."""

    def __init__(self, cfg: PretrainConfig):
        self.cfg = cfg
        self.info = info = detect(cfg.device, cfg.threads)
        self.dev = info.torch_device
        log(f"device {info.kind} ({info.name}), {info.threads} threads")
        self.work = Path(cfg.work)
        self.work.mkdir(parents=True, exist_ok=True)
        self.init = None
        if cfg.init_from:
            from .base import load_base
            self.init = load_base(cfg.init_from)
            log(f"continuing from {self.init.base_id} ({self.init.folder})")
        self.tok, arr, self.data_meta = prepare_tokens(cfg, self.work, self.init.tokenizer if self.init else None)
        if cfg.max_tokens and cfg.max_tokens < len(arr):
            arr = arr[:cfg.max_tokens]
            self.data_meta = {**self.data_meta, "tokens_used": int(len(arr))}
        n_val = max(cfg.context_length * 64, len(arr) // 200)
        self.train_arr, val_arr = arr[:-n_val], arr[-n_val:]
        self.model, self.prior = self._model()
        # Swapped before the optimiser is made; the Parameters stay the same objects.
        self.tern_layers = tern.make_quantisation_aware(self.model) if cfg.ternary else []
        self.model.to(self.dev)
        self.opt = make_optimizer(self.model, cfg, fused=(info.kind == "cuda"))
        self.ckpt = self.work / "checkpoint.pt"
        self.state = self._resumed() or {"step": 0, "elapsed": 0.0, "tokens_seen": 0,
                                         "total_seconds": cfg.minutes * 60}
        log(f"model {count_params(self.model):,} parameters, {self.model.cfg.n_norm_gains} norm gains; "
            f"{len(self.train_arr) / 1e6:.1f}M training tokens")
        general_texts = read_general(cfg.general)
        self.general_es = (eval_set_from_texts(general_texts, self.tok, cfg.context_length)
                           if general_texts else None)
        from .evaluate import make_eval_set
        self.val_es = make_eval_set([val_arr[:cfg.context_length * 64].tolist()], 0, cfg.context_length,
                                    self.tok.eot_id)
        self.general_eval: dict = {}
        self.hardware = f"{info.kind} ({info.name}, {info.threads} threads) on {platform.machine()}"

    def _model(self) -> tuple[Transformer, dict]:
        if self.init is not None:      # its shape and weights; figures so far, to add to
            return self.init.fresh_model(), self.init.info.get("training", {})
        c = self.cfg
        mcfg = ModelConfig(vocab_size=self.tok.vocab_size, d_model=c.d_model, n_layers=c.n_layers,
                           n_heads=c.n_heads, ffn_dim=c.ffn_dim, context_length=c.context_length)
        torch.manual_seed(c.seed)
        model = Transformer(mcfg)
        model.init_weights(c.seed)
        return model, {}

    def _resumed(self) -> dict | None:
        if not (self.cfg.resume and self.ckpt.exists()):
            return None
        blob = torch.load(self.ckpt, map_location=self.dev, weights_only=False)
        self.model.load_state_dict(blob["model"])
        self.opt.load_state_dict(blob["optimizer"])
        state = blob["state"]
        state["total_seconds"] = state["elapsed"] + self.cfg.minutes * 60
        log(f"resumed at step {state['step']}, {state['elapsed'] / 60:.1f} min done")
        return state

    def summary(self) -> dict:
        # Figures are cumulative over the releases this one continues from.
        cfg, state, prior, init = self.cfg, self.state, self.prior, self.init
        return {"tokens_seen": prior.get("tokens_seen", 0) + state["tokens_seen"],
                "steps": prior.get("steps", 0) + state["step"],
                "seconds": prior.get("seconds", 0) + round(state["elapsed"]),
                "continued_from": ({"base_id": init.base_id, "base_sha256": init.sha256,
                                    "tokens_seen": prior.get("tokens_seen", 0),
                                    "seconds": prior.get("seconds", 0), "hardware": prior.get("hardware")}
                                   if init else None),
                "this_run": {"tokens_seen": state["tokens_seen"], "steps": state["step"],
                             "seconds": round(state["elapsed"]), "warmup_steps": cfg.warmup_steps,
                             "min_lr_frac": cfg.min_lr_frac},
                "batch_size": cfg.batch_size, "batch_tokens": cfg.batch_size * cfg.context_length, "lr": cfg.lr,
                "optimizer": cfg.optimizer, "muon_lr": cfg.muon_lr if cfg.optimizer == "muon" else None,
                "weight_decay": cfg.weight_decay, "hardware": self.hardware, "torch": torch.__version__,
                "python": platform.python_version(), "data": self.data_meta, "general_eval": self.general_eval,
                "val_loss": state.get("val_loss", float("nan")),
                **({"ternary": {"format": tern.FORMAT, "projections": list(tern.PROJECTIONS),
                                "warmup_steps": cfg.ternary_warmup_steps, "scale": "absmean per tensor",
                                "estimator": "straight-through, fp32 latent weights",
                                "share_of_parameters": round(tern.ternary_fraction(self.model), 4)}}
                   if cfg.ternary else {})}

    def checkpoint(self, final: bool = False) -> None:
        model, state = self.model, self.state
        vr = evaluate(model, self.val_es, self.dev)
        state["val_loss"] = vr.loss
        if self.general_es is not None:
            gr = evaluate(model, self.general_es, self.dev)
            self.general_eval = {"bpb": gr.bpb, "ppl": gr.ppl, "tokens": gr.tokens, "bytes": gr.bytes}
            log(f"step {state['step']}: val loss {vr.loss:.3f}, general bpb {gr.bpb:.3f}, ppl {gr.ppl:.1f}")
        buf = io.BytesIO()
        torch.save({"model": model.state_dict(), "optimizer": self.opt.state_dict(), "state": state,
                    "config": asdict(self.cfg)}, buf)
        atomic_write(self.ckpt, buf.getvalue())
        sha = write_release(Path(self.cfg.out), model, self.tok, self.cfg, self.summary())
        if final:   # the guard's reference and replay sets, sampled from the weights as served
            served = Transformer(model.cfg)
            dense = {k: v.detach().to("cpu", torch.float32) for k, v in model.state_dict().items()}
            served.load_state_dict(tern.served_state(dense) if self.cfg.ternary else dense)
            write_sets(Path(self.cfg.out), served, self.tok.eot_id, self.cfg.base_id, sha)

    def train(self) -> dict:
        cfg, state, model, opt = self.cfg, self.state, self.model, self.opt
        rng = np.random.default_rng(cfg.seed + state["step"])
        B, T = cfg.batch_size, cfg.context_length
        autocast = (torch.autocast("cuda", dtype=torch.bfloat16) if self.info.kind == "cuda"
                    else torch.autocast("cpu", enabled=False))
        # Worth ~1.3x on a 2-core CPU for this model size; costs ~45 s once.
        step_model = torch.compile(model) if cfg.compile else model
        last_ckpt = last_log = seg_start = time.time()
        budget_end = seg_start + (state["total_seconds"] - state["elapsed"])
        seg_elapsed0, loss_sum, loss_n = state["elapsed"], None, 0
        model.train()
        while time.time() < budget_end:
            starts = rng.integers(0, len(self.train_arr) - T - 1, size=B)
            batch = torch.from_numpy(np.stack([self.train_arr[s:s + T + 1] for s in starts]).astype(np.int64))
            batch = batch.to(self.dev, non_blocking=True)
            if self.tern_layers:
                tern.set_mix(self.tern_layers, min(1.0, (state["step"] + 1) / max(1, cfg.ternary_warmup_steps)))
            scale = lr_at(cfg, state["step"], state["elapsed"] / max(1.0, state["total_seconds"])) / cfg.lr
            for g in opt.param_groups:
                g["lr"] = g["peak_lr"] * scale
            with autocast:
                logits = step_model(batch[:, :-1])
                loss = torch.nn.functional.cross_entropy(logits.float().view(-1, logits.size(-1)),
                                                         batch[:, 1:].reshape(-1))
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            state["step"] += 1
            state["tokens_seen"] += B * T
            state["elapsed"] = seg_elapsed0 + (time.time() - seg_start)
            # Summed on the device and read once a minute: reading it every step
            # would make a GPU wait for each step to finish.
            loss_sum = loss.detach() if loss_sum is None else loss_sum + loss.detach()
            loss_n += 1
            if time.time() - last_log > 60:
                tps = state["tokens_seen"] / max(1e-9, state["elapsed"])
                log(f"step {state['step']} loss {loss_sum.item() / loss_n:.3f} lr {opt.param_groups[0]['lr']:.2e} "
                    f"{state['tokens_seen'] / 1e6:.2f}M tokens ({tps:.0f} tok/s avg)")
                last_log, loss_sum, loss_n = time.time(), None, 0
            if time.time() - last_ckpt > cfg.checkpoint_minutes * 60:
                self.checkpoint()
                last_ckpt = time.time()
        self.checkpoint(final=True)
        log(f"done: {state['step']} steps, {state['tokens_seen'] / 1e6:.2f}M tokens; release in {cfg.out}")
        return self.summary()


def run(cfg: PretrainConfig) -> dict:
    return _Pretraining(cfg).train()
