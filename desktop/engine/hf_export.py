"""Export for the Hugging Face stack: the base as a `transformers`
LlamaForCausalLM folder and a norm adapter as a PEFT LN-tuning adapter folder.

No transformers or peft is needed to export (the app ships without them): the
files are written here with safetensors and JSON. Our decoder maps exactly onto
LlamaForCausalLM: RMSNorm (mean of squares in float32, eps from the config,
gain after the cast back), RoPE in the rotate_half layout with
inv_freq = theta^(-2i/head_dim), SwiGLU (down(silu(gate(x)) * up(x))), no
biases, 1/sqrt(head_dim) attention scale, and tied input/output embeddings.
tests/test_export_hf.py proves it by comparing logits.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import torch

from .errors import UserError
from .adapter_file import AdapterFile
from .base import Base
from .share import write_public     # atomic, and readable by others: the export is for sharing

# Our tensor names -> transformers' Llama names (per block, then the rest).
BLOCK_NAMES = {"attn_norm": "input_layernorm", "ffn_norm": "post_attention_layernorm",
               "attn.q": "self_attn.q_proj", "attn.k": "self_attn.k_proj", "attn.v": "self_attn.v_proj",
               "attn.o": "self_attn.o_proj", "ffn.gate": "mlp.gate_proj", "ffn.up": "mlp.up_proj",
               "ffn.down": "mlp.down_proj"}
TOP_NAMES = {"embed": "model.embed_tokens", "final_norm": "model.norm", "lm_head": "lm_head"}
# PEFT's LN-tuning targets for Llama, and how it names a saved gain: the module's
# path under "base_model.model." with ".ln_tuning_layers.weight" (adapter name dropped).
LN_TARGETS = ["input_layernorm", "post_attention_layernorm", "norm"]
PEFT_PREFIX, PEFT_SUFFIX = "base_model.model.", ".ln_tuning_layers.weight"


class ExportError(UserError):
    """str(e) is one sentence for a person."""


def hf_module(ours: str) -> str:
    """'blocks.2.ffn.up' -> 'model.layers.2.mlp.up_proj'; 'final_norm' -> 'model.norm'."""
    if ours.startswith("blocks."):
        _, i, rest = ours.split(".", 2)
        return f"model.layers.{i}.{BLOCK_NAMES[rest]}"
    return TOP_NAMES[ours]


def hf_state_dict(base: Base) -> dict[str, torch.Tensor]:
    out = {}
    for name, t in base.state.items():
        module, _, param = name.rpartition(".")
        out[f"{hf_module(module)}.{param}"] = t.detach().to("cpu").contiguous()
    return out


def hf_config(base: Base) -> dict:
    c = base.config
    eot = base.tokenizer.eot_id
    return {
        "architectures": ["LlamaForCausalLM"], "model_type": "llama",
        "vocab_size": c.vocab_size, "hidden_size": c.d_model, "intermediate_size": c.ffn_dim,
        "num_hidden_layers": c.n_layers, "num_attention_heads": c.n_heads, "num_key_value_heads": c.n_heads,
        "head_dim": c.head_dim, "hidden_act": "silu", "max_position_embeddings": c.context_length,
        "rms_norm_eps": c.norm_eps,
        # transformers 4.x reads rope_theta; 5.x reads rope_parameters. Both, so either loads it.
        "rope_theta": c.rope_theta, "rope_parameters": {"rope_type": "default", "rope_theta": c.rope_theta},
        "attention_bias": False, "attention_dropout": 0.0, "mlp_bias": False,
        "tie_word_embeddings": c.tied_embeddings, "bos_token_id": eot, "eos_token_id": eot,
        "torch_dtype": "float32", "dtype": "float32", "use_cache": True, "initializer_range": 0.02,
        "normfit_base_id": base.base_id, "normfit_base_sha256": base.sha256,
    }


def _json(path: Path, obj: dict) -> None:
    write_public(path, (json.dumps(obj, indent=2) + "\n").encode("utf-8"))


def _tokenizer_json(base: Base) -> bytes:
    """Our tokenizer, plus a post-processor that puts <|endoftext|> before every
    text, as NormFit does when it scores: then `tokenizer(text)` gives exactly
    the ids NormFit feeds the model."""
    from tokenizers import Tokenizer as HFTokenizer
    from tokenizers.processors import TemplateProcessing

    from .tokenizer import EOT
    tok = HFTokenizer.from_file(str(base.folder / "tokenizer.json"))
    eot = base.tokenizer.eot_id
    tok.post_processor = TemplateProcessing(single=f"{EOT} $A", pair=f"{EOT} $A {EOT} $B:1",
                                            special_tokens=[(EOT, eot)])
    return tok.to_str(pretty=False).encode("utf-8")


def export_base(base: Base, out: Path) -> list[Path]:
    from safetensors.torch import save

    from .tokenizer import EOT
    out.mkdir(parents=True, exist_ok=True)
    sd = hf_state_dict(base)
    write_public(out / "model.safetensors", save(sd, metadata={"format": "pt"}))
    _json(out / "config.json", hf_config(base))
    _json(out / "generation_config.json", {"bos_token_id": base.tokenizer.eot_id,
                                           "eos_token_id": base.tokenizer.eot_id})
    write_public(out / "tokenizer.json", _tokenizer_json(base))
    _json(out / "tokenizer_config.json", {
        "tokenizer_class": "PreTrainedTokenizerFast", "bos_token": EOT, "eos_token": EOT,
        "model_max_length": base.config.context_length, "clean_up_tokenization_spaces": False})
    _json(out / "special_tokens_map.json", {"bos_token": EOT, "eos_token": EOT})
    card = base.folder / "MODEL_CARD.md"
    files = ["model.safetensors", "config.json", "generation_config.json", "tokenizer.json",
             "tokenizer_config.json", "special_tokens_map.json"]
    if card.is_file():
        write_public(out / "MODEL_CARD.md", card.read_bytes())
        files.append("MODEL_CARD.md")
    return [out / f for f in files]


def peft_state_dict(adapter: AdapterFile) -> dict[str, torch.Tensor]:
    # float32 holding the fp16 gains exactly: the values NormFit itself uses.
    return {f"{PEFT_PREFIX}{hf_module(n)}{PEFT_SUFFIX}": t.detach().float().contiguous()
            for n, t in adapter.tensors.items()}


def export_adapter(adapter: AdapterFile, base: Base, out: Path) -> list[Path]:
    from safetensors.torch import save

    if adapter.method != "norm":
        raise ExportError(f"Only norm-only adapters have a PEFT form (LN tuning); this one is "
                          f"'{adapter.method}'.")
    if adapter.base_sha256 != base.sha256:
        raise ExportError("This adapter was made for a different base model than the one being exported.")
    out.mkdir(parents=True, exist_ok=True)
    write_public(out / "adapter_model.safetensors", save(peft_state_dict(adapter), metadata={"format": "pt"}))
    _json(out / "adapter_config.json", {
        "peft_type": "LN_TUNING", "task_type": "CAUSAL_LM", "target_modules": LN_TARGETS,
        "exclude_modules": None, "modules_to_save": None, "inference_mode": True,
        # No path here: the export is meant to be shared. Load it onto ../base (README).
        "base_model_name_or_path": None, "revision": None, "auto_mapping": None})
    return [out / "adapter_model.safetensors", out / "adapter_config.json"]


_FIGURES = ("heldout_ppl_before", "heldout_ppl_after", "general_ppl_before", "general_ppl_after",
            "steps", "seconds", "lr", "created_utc")


def readme(base: Base, adapter: AdapterFile | None) -> str:
    lines = [
        f"# {base.base_id}, exported by NormFit for Hugging Face transformers",
        "",
        f"`base/` is NormFit's base model `{base.base_id}` (sha256 of NormFit's own weights file "
        f"`{base.sha256}`) as a `LlamaForCausalLM` with a fast tokenizer (byte-level BPE; every text "
        "is prefixed with `<|endoftext|>`, as NormFit does, so `tokenizer(text)` gives the ids the "
        "model expects). See `base/MODEL_CARD.md` for data, licence and limits.",
        "",
    ]
    if adapter is not None:
        figs = ", ".join(f"{k} {adapter.metadata[k]}" for k in _FIGURES if k in adapter.metadata)
        lines += [
            "`adapter/` is a NormFit norm-only adapter in PEFT's LN-tuning layout: new RMSNorm gains "
            f"for the {len(adapter.tensors)} norms of the base ({sum(t.numel() for t in adapter.tensors.values()):,} "
            "numbers, stored as float32 copies of NormFit's fp16 values).",
            f"Its own figures: {figs}." if figs else "",
            "",
        ]
    lines += [
        "Load it, from the folder holding this README (needs `transformers`, and `peft` for the adapter):",
        "",
        "```python",
        "import torch",
        "from transformers import AutoTokenizer, AutoModelForCausalLM",
        "tok = AutoTokenizer.from_pretrained(\"base\")",
        "model = AutoModelForCausalLM.from_pretrained(\"base\")",
    ]
    if adapter is not None:
        lines += ["from peft import PeftModel",
                  "model = PeftModel.from_pretrained(model, \"adapter\")   # the personalised gains"]
    lines += [
        "model.eval()",
        "ids = tok(\"Some text to score.\", return_tensors=\"pt\").input_ids",
        "with torch.no_grad():",
        "    loss = model(ids, labels=ids).loss     # perplexity = loss.exp()",
        "```",
        "",
        f"The context length is {base.config.context_length} tokens. Logits match NormFit's own to float "
        "rounding (NormFit's tests check this).",
        "",
    ]
    return "\n".join(lines)


@dataclass
class Exported:
    folder: Path
    files: list[Path]


def export_hf(base: Base, out: str | Path, adapter: AdapterFile | None = None) -> Exported:
    """Write ``out``/README.md, ``out``/base/ and, given an adapter, ``out``/adapter/.
    Nothing is written anywhere else."""
    out = Path(out)
    if adapter is not None and adapter.method != "norm":
        raise ExportError(f"Only norm-only adapters have a PEFT form (LN tuning); this one is "
                          f"'{adapter.method}'.")
    out.mkdir(parents=True, exist_ok=True)
    files = export_base(base, out / "base")
    if adapter is not None:
        files += export_adapter(adapter, base, out / "adapter")
    write_public(out / "README.md", readme(base, adapter).encode("utf-8"))
    return Exported(out, files + [out / "README.md"])
