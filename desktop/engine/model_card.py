"""A base release's MODEL_CARD.md, written from its config.json (training
summary included) by the pretrain tool at every checkpoint."""
from __future__ import annotations

from .model import Transformer, count_params


def _continued(t: dict) -> str:
    c, r = t.get("continued_from"), t.get("this_run") or {}
    if not c:
        return ""
    return (f"\n- continued from `{c['base_id']}` (`{c['base_sha256'][:12]}...`, {c['tokens_seen'] / 1e6:.2f}M tokens, "
            f"{c['seconds'] / 60:.0f} minutes on {c.get('hardware') or '?'}): this run added "
            f"{r.get('tokens_seen', 0) / 1e6:.2f}M tokens in {r.get('seconds', 0) / 60:.0f} minutes, re-warming "
            f"the rate over {r.get('warmup_steps')} steps then a cosine decay to {r.get('min_lr_frac')} of the peak;"
            f" same shape and tokenizer, so the norm-gain names and count are unchanged")


def _unwrapped(d: dict) -> str:
    if not d.get("unwrapped"):
        return ""
    return ("\nThe corpus text was unwrapped before tokenising (`--unwrap`): the lines of a prose paragraph "
            "(none indented, every line but the last 40+ characters) joined with spaces, so the model writes "
            "paragraphs rather than ~70-character lines; code, verse and lists kept as they were.")


def _optimiser_line(t: dict) -> str:
    adamw = f"AdamW (betas 0.9/0.95, weight decay {t.get('weight_decay')}), peak lr {t.get('lr')}"
    if t.get("optimizer") == "muon":
        return (f"Muon (Nesterov momentum 0.95, 5 Newton-Schulz steps) for the blocks' matrices at peak lr "
                f"{t.get('muon_lr')}, {adamw} for the embedding and the gains")
    return adamw


def _ternary(config: dict) -> str:
    t = (config.get("training") or {}).get("ternary")
    if not t:
        return ""
    return (f"\n\n## Ternary weights\nThe blocks' projections ({', '.join(t['projections'])}) are served ternary: each "
            f"weight is -1, 0 or +1 times one {t['scale']} scale, {100 * t['share_of_parameters']:.0f}% of the "
            f"parameters, stored five to a byte (1.6 bits per weight, `weights_format` `{t['format']}`) and unpacked "
            f"into dense tensors on load. The embedding and the RMSNorm gains stay fp32. Trained quantisation-aware "
            f"({t['estimator']}), the quantised weight blended in over {t['warmup_steps']} steps. Adapters trained "
            f"on this release are trained on the ternary weights they are served with.")


def model_card(config: dict, model: Transformer) -> str:
    t = config["training"]
    d = t.get("data", {})
    dom = d.get("domains_bytes", {})
    dom_lines = "\n".join(f"| {k} | {v / 1e6:.1f} MB |" for k, v in sorted(dom.items()))
    evals = t.get("general_eval", {})
    return f"""# NormFit base model `{config['base_id']}`

A small LLaMA-style decoder (RMSNorm, RoPE, SwiGLU, tied embeddings) trained from
scratch by NormFit's own `normfit pretrain` tool. It is the shared base on which
each person's norm-only adapter ({model.cfg.n_norm_gains:,} RMSNorm gains) is trained.{_ternary(config)}

## Architecture
| | |
|---|---|
| parameters | {count_params(model):,} |
| d_model / layers / heads / FFN | {config['d_model']} / {config['n_layers']} / {config['n_heads']} / {config['ffn_dim']} |
| vocabulary | {config['vocab_size']} (byte-level BPE trained on the corpus below) |
| context | {config['context_length']} tokens, RoPE theta {config['rope_theta']} |
| norm gains (adapter size) | {model.cfg.n_norm_gains:,} values, {2 * model.cfg.n_norm_gains:,} bytes in fp16 |
| base_sha256 | `{config['base_sha256']}` |

## Training data
Read at training time from the shared corpus (`../shared/data/pretrain`, see its
README for sources and licences: public-domain books from the Gutenberg collection, English and
Malayalam Wikipedia under CC-BY-SA 3.0, SQLite documentation in the public domain)
plus Python source code from the running interpreter's standard library
({d.get('stdlib_source', 'none')}; {d.get('stdlib_files', 0)} files,
{d.get('python_stdlib_code', 0) / 1e6:.1f} MB; PSF licence), so that the base has
seen code. None of this text is stored in the project; only the weights are.

| domain | bytes |
|---|---|
{dom_lines}
| python_stdlib_code | {d.get('python_stdlib_code', 0) / 1e6:.1f} MB |

Total {d.get('bytes', 0) / 1e6:.1f} MB, {d.get('tokens', 0) / 1e6:.2f}M tokens
({d.get('bytes', 0) / max(1, d.get('tokens', 1)):.2f} bytes per token).{_unwrapped(d)}

## Training run
- tokens seen: {t.get('tokens_seen', 0) / 1e6:.2f}M ({t.get('steps', 0)} steps of {t.get('batch_tokens', 0)} tokens,
  {t.get('tokens_seen', 0) / max(1, d.get('tokens', 1)):.2f} epochs)
- time: {t.get('seconds', 0) / 60:.0f} minutes on {t.get('hardware', '?')}{_continued(t)}
- optimiser: {_optimiser_line(t)},
  warm-up then cosine decay over wall-clock time, batch {t.get('batch_size')} x {config['context_length']}
- software: torch {t.get('torch', '?')}, Python {t.get('python', '?')}

## Evaluation
On the shared general held-out set (`../shared/data/general/heldout.jsonl`: 30 Wikipedia
articles, 7 SQLite pages, opening chapters of Franklin's *Autobiography* and Russell's
*The Problems of Philosophy*, none of them in the training data):

| metric | value |
|---|---|
| bits per byte | {evals.get('bpb', float('nan')):.3f} |
| perplexity per token | {evals.get('ppl', float('nan')):.1f} |
| tokens scored | {evals.get('tokens', 0):,} |

Validation loss on a held-back slice of the corpus: {t.get('val_loss', float('nan')):.3f} nats/token.

## Limits
A few million parameters trained for minutes to hours on a CPU: it writes locally
fluent but meandering text and knows little. It is meant as a base for measuring
how much a small adapter learns about one person's writing, not as an assistant.
Malayalam is about 6% of the data, code about {100 * d.get('python_stdlib_code', 0) / max(1, d.get('bytes', 1)):.0f}%; other
languages and kinds of text are barely represented. Outputs can reproduce biases
of 19th-century books and Wikipedia.
"""
