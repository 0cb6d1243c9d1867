"""Training throughput of NormFit's engine against Hugging Face transformers + PEFT
on a LlamaForCausalLM of identical shape, measured in the same run.

    .venv/bin/python benchmarks/bench_engine.py [--steps 12] [--rounds 5] [--batch 8]

Prints machine, versions and settings, this machine's fp32 matrix-multiply
limit (measured in the same run), then tokens/s per method for both (median of
interleaved rounds, with the spread), the ratio, and each as a share of the
limit (model FLOPs per token x tokens/s / limit). The HF model is loaded with
the committed base's weights and its logits are checked against ours first, so
both really are the same network. benchmarks/bench_loop.py measures the whole
training loop (accumulation, clipping, checks) the same way.
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from desktop.engine import adapters  # noqa: E402
from desktop.engine.base import load_base  # noqa: E402
from desktop.engine.device import cpu_name, tune_allocator  # noqa: E402


def machine() -> str:
    cpu = cpu_name()
    try:
        import psutil
        mem = f"{psutil.virtual_memory().total / 2**30:.0f} GiB"
    except ImportError:
        mem = "?"
    return f"{cpu}, {os.cpu_count()} logical CPUs, {mem} RAM, {platform.system()} {platform.release()}"


def hf_llama(base):
    from transformers import LlamaConfig, LlamaForCausalLM
    c = base.config
    hc = LlamaConfig(vocab_size=c.vocab_size, hidden_size=c.d_model, intermediate_size=c.ffn_dim,
                     num_hidden_layers=c.n_layers, num_attention_heads=c.n_heads,
                     num_key_value_heads=c.n_heads, max_position_embeddings=c.context_length,
                     rms_norm_eps=c.norm_eps, rope_theta=c.rope_theta, tie_word_embeddings=True,
                     attention_bias=False, mlp_bias=False)
    hc._attn_implementation = "sdpa"
    m = LlamaForCausalLM(hc)
    sd = {"model.embed_tokens.weight": base.state["embed.weight"],
          "model.norm.weight": base.state["final_norm.weight"]}
    names = {"attn_norm": "input_layernorm", "ffn_norm": "post_attention_layernorm",
             "attn.q": "self_attn.q_proj", "attn.k": "self_attn.k_proj", "attn.v": "self_attn.v_proj",
             "attn.o": "self_attn.o_proj", "ffn.gate": "mlp.gate_proj", "ffn.up": "mlp.up_proj",
             "ffn.down": "mlp.down_proj"}
    for i in range(c.n_layers):
        for ours, theirs in names.items():
            sd[f"model.layers.{i}.{theirs}.weight"] = base.state[f"blocks.{i}.{ours}.weight"]
    missing, unexpected = m.load_state_dict(sd, strict=False)
    assert not unexpected and all("lm_head" in k for k in missing), (missing, unexpected)
    m.tie_weights()
    return m


def hf_method(base, method):
    m = hf_llama(base)
    if method == "full":
        for p in m.parameters():
            p.requires_grad_(True)
        return m
    if method == "lora":
        from peft import LoraConfig, get_peft_model
        return get_peft_model(m, LoraConfig(r=4, lora_alpha=8, lora_dropout=0.0, target_modules=[
            "q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]))
    from peft import LNTuningConfig, get_peft_model
    return get_peft_model(m, LNTuningConfig(target_modules=["input_layernorm", "post_attention_layernorm",
                                                            "norm"]))


def matmul_limit(threads: int, n: int = 1024, repeats: int = 10) -> float:
    """Best fp32 FLOP/s of an n x n x n matrix product here (what training's
    matmuls could reach at best)."""
    a, b = torch.randn(n, n), torch.randn(n, n)
    for _ in range(3):
        a @ b
    best = 0.0
    for _ in range(repeats):
        t0 = time.perf_counter()
        a @ b
        best = max(best, 2 * n ** 3 / (time.perf_counter() - t0))
    return best


def flops_per_token(cfg, method: str) -> float:
    """Model FLOPs per trained token: forward 2 x (matmul weights incl. the tied
    output projection) + attention's 4 x layers x context x width; backward
    computes activation gradients (1x forward) and, for full fine-tuning only,
    weight gradients (another 1x). LoRA's and the gains' own terms are tiny."""
    d, L, T = cfg.d_model, cfg.n_layers, cfg.context_length
    weights = L * (4 * d * d + 3 * d * cfg.ffn_dim) + cfg.vocab_size * d
    forward = 2 * weights + 4 * L * T * d
    return forward * (3 if method == "full" else 2)


def ours_method(base, method):
    m = base.fresh_model()
    adapters.prepare(m, method)
    return m


def step_fn(model, hf: bool):
    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=1e-4)

    def step(x, y):
        if hf:
            logits = model(input_ids=x).logits
            loss = torch.nn.functional.cross_entropy(logits.float().view(-1, logits.size(-1)), y.reshape(-1))
        else:
            loss = model.loss(x, y)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        return float(loss)
    return step, sum(p.numel() for p in params)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--steps", type=int, default=12)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--batch", type=int, default=8)
    ap.add_argument("--threads", type=int, default=None)
    ap.add_argument("--json", default=None, help="also write results here")
    ap.add_argument("--no-tune-allocator", action="store_true")
    a = ap.parse_args()
    tuned = False if a.no_tune_allocator else tune_allocator()
    import peft
    import transformers
    if a.threads:
        torch.set_num_threads(a.threads)
    base = load_base()
    T = base.config.context_length
    print(f"machine: {machine()}")
    print(f"versions: python {platform.python_version()}, torch {torch.__version__}, "
          f"transformers {transformers.__version__}, peft {peft.__version__}")
    print(f"settings: base {base.base_id}, batch {a.batch} x {T} tokens, {torch.get_num_threads()} threads, "
          f"{a.steps} timed steps x {a.rounds} rounds after 3 warm-up steps, fp32, AdamW, "
          f"glibc allocator tuned: {tuned} (applies to both)")

    # Same network: logits agree.
    x = torch.randint(0, base.config.vocab_size, (2, 64))
    with torch.no_grad():
        diff = (hf_llama(base)(input_ids=x).logits - base.fresh_model()(x)).abs().max().item()
    print(f"check: max |logits(ours) - logits(HF)| = {diff:.2e}")
    assert diff < 1e-3
    limit = matmul_limit(torch.get_num_threads())
    print(f"fp32 matrix-multiply limit here (1024^3, best of 10, {torch.get_num_threads()} threads): "
          f"{limit / 1e9:.1f} GFLOP/s")

    g = torch.Generator().manual_seed(0)
    batches = [torch.randint(0, base.config.vocab_size, (a.batch, T + 1), generator=g) for _ in range(4)]
    results = {}
    for method in ("norm", "lora", "full"):
        runs = {"normfit": [], "peft": []}
        for impl, make in (("normfit", ours_method), ("peft", hf_method)):
            model = make(base, method)
            model.train()
            step, n = step_fn(model, impl == "peft")
            for i in range(3):
                b = batches[i % 4]
                step(b[:, :-1], b[:, 1:])
            runs[impl] = (model, step, n)
        tps = {"normfit": [], "peft": []}
        for r in range(a.rounds):          # interleave so drift hits both alike
            for impl in ("normfit", "peft"):
                _, step, _ = runs[impl]
                t0 = time.perf_counter()
                for i in range(a.steps):
                    b = batches[i % 4]
                    step(b[:, :-1], b[:, 1:])
                tps[impl].append(a.steps * a.batch * T / (time.perf_counter() - t0))
        fpt = flops_per_token(base.config, method)
        row = {impl: {"tokens_per_s": statistics.median(v), "all": v, "min": min(v), "max": max(v),
                      "trainable": runs[impl][2], "share_of_matmul_limit": statistics.median(v) * fpt / limit}
               for impl, v in tps.items()}
        row["ratio"] = row["normfit"]["tokens_per_s"] / row["peft"]["tokens_per_s"]
        row["ratio_per_round"] = [a_ / b_ for a_, b_ in zip(tps["normfit"], tps["peft"])]
        row["flops_per_token"] = fpt
        results[method] = row
        del runs
        gc.collect()
        print(f"{method:5} normfit {row['normfit']['tokens_per_s']:8.0f} tok/s "
              f"({row['normfit']['trainable']:,} trainable)   peft {row['peft']['tokens_per_s']:8.0f} tok/s "
              f"({row['peft']['trainable']:,} trainable)   ratio {row['ratio']:.2f}x", flush=True)
    print("\n| method | NormFit tokens/s (min-max) | HF+PEFT tokens/s (min-max) | ratio (per-round range) "
          "| share of matmul limit, NormFit / PEFT |\n|---|---|---|---|---|")
    for m, r in results.items():
        n, h = r["normfit"], r["peft"]
        print(f"| {m} | {n['tokens_per_s']:,.0f} ({n['min']:,.0f}-{n['max']:,.0f}) | {h['tokens_per_s']:,.0f} "
              f"({h['min']:,.0f}-{h['max']:,.0f}) | {r['ratio']:.2f}x ({min(r['ratio_per_round']):.2f}-"
              f"{max(r['ratio_per_round']):.2f}) | {n['share_of_matmul_limit']:.0%} / {h['share_of_matmul_limit']:.0%} |")
    if a.json:
        Path(a.json).write_text(json.dumps({"machine": machine(), "threads": torch.get_num_threads(),
                                            "matmul_limit_flops": limit, "batch": a.batch, "steps": a.steps,
                                            "rounds": a.rounds, "methods": results}, indent=2))


if __name__ == "__main__":
    main()
