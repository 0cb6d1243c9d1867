"""Which parameters train for each method, and how to take them out and put them back.

- norm: only the RMSNorm gains (the shareable adapter).
- lora: rank-4 (alpha 8) low-rank updates on Q, K, V, O and every FFN matrix;
  the base weights stay frozen and B starts at zero, so step 0 equals the base.
- full: every parameter.
"""
from __future__ import annotations

import math

import torch
import torch.nn as nn

from . import methods
from .methods import Spec
from .adapter_file import MAX_LOAD_BYTES
from .model import ModelConfig, Transformer, norm_names, weight_shapes

LORA_TARGETS = ("attn.q", "attn.k", "attn.v", "attn.o", "ffn.gate", "ffn.up", "ffn.down")
LORA_RANK = 4
LORA_ALPHA = 8.0


class LoRALinear(nn.Module):
    def __init__(self, base: nn.Linear, rank: int, alpha: float, generator: torch.Generator):
        super().__init__()
        self.base = base
        self.scale = alpha / rank
        self.lora_A = nn.Parameter(torch.empty(rank, base.in_features))
        self.lora_B = nn.Parameter(torch.zeros(base.out_features, rank))
        bound = 1.0 / math.sqrt(base.in_features)   # kaiming-uniform(a=sqrt(5)), as PEFT does
        with torch.no_grad():
            self.lora_A.uniform_(-bound, bound, generator=generator)
        self.lora_A.data = self.lora_A.data.to(base.weight.device)
        self.lora_B.data = self.lora_B.data.to(base.weight.device)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.base(x) + (x @ self.lora_A.t() @ self.lora_B.t()) * self.scale


def _get(model: nn.Module, dotted: str) -> nn.Module:
    m = model
    for part in dotted.split("."):
        m = getattr(m, part)
    return m


def _set(model: nn.Module, dotted: str, new: nn.Module) -> None:
    parent, _, leaf = dotted.rpartition(".")
    setattr(_get(model, parent) if parent else model, leaf, new)


def lora_module_names(model_or_cfg: Transformer | ModelConfig) -> list[str]:
    cfg = model_or_cfg.cfg if isinstance(model_or_cfg, Transformer) else model_or_cfg
    return [f"blocks.{i}.{t}" for i in range(cfg.n_layers) for t in LORA_TARGETS]


def plain_state_dict(model: Transformer) -> dict[str, torch.Tensor]:
    """State dict with LoRA wrappers folded away (names as in the base)."""
    sd = {}
    for k, v in model.state_dict().items():
        if ".lora_" in k:
            continue
        sd[k.replace(".base.weight", ".weight")] = v
    return sd


def _cpu(t: torch.Tensor) -> torch.Tensor:
    return t.detach().float().cpu().clone()


class Method:
    """Everything about one way of personalising: its Spec (name, words, default
    rate, shareable or not: methods.py), which parameters train, how its tensors
    leave and re-enter a model holding the base weights, their shapes and the
    largest file worth reading. A new method is a subclass passed to register()."""
    spec: Spec
    writes_base_weights = False     # False: training may share the base's frozen tensors (16 MB less)

    @property
    def name(self) -> str:
        return self.spec.name

    def unfreeze(self, model: Transformer, seed: int) -> None:
        """Make the method's parameters trainable (everything else is frozen first)."""
        raise NotImplementedError

    def extract(self, model: Transformer) -> dict[str, torch.Tensor]:
        raise NotImplementedError

    def shapes(self, cfg: ModelConfig) -> dict[str, tuple[int, ...]]:
        """Each tensor's name and shape in this method's file, from the config alone."""
        raise NotImplementedError

    def max_file_bytes(self, cfg: ModelConfig) -> int:
        """The largest file of this method worth reading for a base of this shape:
        a header plus its tensors in fp16 (a file's size is checked before it is read)."""
        return 8 + MAX_LOAD_BYTES + 2 * sum(math.prod(s) for s in self.shapes(cfg).values())

    def apply(self, model: Transformer, tensors: dict[str, torch.Tensor]) -> None:
        raise NotImplementedError


class NormGains(Method):
    spec = methods.spec("norm")

    def unfreeze(self, model, seed):
        for n in model.norm_names():
            _get(model, n).weight.requires_grad_(True)

    def extract(self, model):
        return {n: _cpu(_get(model, n).weight) for n in model.norm_names()}

    def shapes(self, cfg):
        return {n: (cfg.d_model,) for n in norm_names(cfg)}

    def max_file_bytes(self, cfg):
        return MAX_LOAD_BYTES       # the shared kind: never more than 64 KB is read

    def apply(self, model, tensors):
        for n, t in tensors.items():
            _get(model, n).weight.copy_(t.to(model.embed.weight.dtype))


class LoRA(Method):
    spec = methods.spec("lora")

    def unfreeze(self, model, seed):
        g = torch.Generator().manual_seed(seed)
        for n in lora_module_names(model):
            lin = _get(model, n)
            if not isinstance(lin, LoRALinear):
                lin = LoRALinear(lin, LORA_RANK, LORA_ALPHA, g)
                _set(model, n, lin)
            lin.lora_A.requires_grad_(True)
            lin.lora_B.requires_grad_(True)

    def extract(self, model):
        out = {}
        for n in lora_module_names(model):
            m = _get(model, n)
            out[f"{n}.lora_A"], out[f"{n}.lora_B"] = _cpu(m.lora_A), _cpu(m.lora_B)
        return out

    def shapes(self, cfg):
        weights = weight_shapes(cfg)
        out = {}
        for n in lora_module_names(cfg):
            d_out, d_in = weights[f"{n}.weight"]
            out[f"{n}.lora_A"] = (LORA_RANK, d_in)
            out[f"{n}.lora_B"] = (d_out, LORA_RANK)
        return out

    def apply(self, model, tensors):
        prepare(model, "lora")
        for n in lora_module_names(model):
            m = _get(model, n)
            m.lora_A.copy_(tensors[f"{n}.lora_A"])
            m.lora_B.copy_(tensors[f"{n}.lora_B"])


class Full(Method):
    spec = methods.spec("full")
    writes_base_weights = True

    def unfreeze(self, model, seed):
        for p in model.parameters():
            p.requires_grad_(True)

    def extract(self, model):
        return {k: _cpu(v) for k, v in plain_state_dict(model).items()}

    def shapes(self, cfg):
        return weight_shapes(cfg)

    def apply(self, model, tensors):
        model.load_state_dict(dict(tensors), strict=True)


REGISTRY: dict[str, Method] = {}


def register(method: Method) -> Method:
    """Add a method: to REGISTRY, and its Spec to methods.py's list, which the
    window, the command line and the shootout read."""
    REGISTRY[method.name] = method
    methods.register(method.spec)
    return method


def unregister(name: str) -> None:
    REGISTRY.pop(name, None)
    methods.unregister(name)


for _m in (NormGains(), LoRA(), Full()):
    register(_m)


def _method(name: str) -> Method:
    if name not in REGISTRY:
        known = tuple(REGISTRY)
        raise ValueError(f"Unknown method '{name}': choose {', '.join(known[:-1])} or {known[-1]}.")
    return REGISTRY[name]


def method(name: str) -> Method:
    """The registered method of this name (ValueError naming the choices)."""
    return _method(name)


def prepare(model: Transformer, method: str, seed: int = 0) -> list[nn.Parameter]:
    """Set requires_grad for `method` (adding LoRA modules if needed); return trainable params."""
    m = _method(method)
    for p in model.parameters():
        p.requires_grad_(False)
    m.unfreeze(model, seed)
    return [p for p in model.parameters() if p.requires_grad]


def extract(model: Transformer, method: str) -> dict[str, torch.Tensor]:
    """The trained tensors under their file names (CPU, float32)."""
    return _method(method).extract(model)


def expected_shapes(cfg: ModelConfig, method: str) -> dict[str, tuple[int, ...]]:
    return _method(method).shapes(cfg)


@torch.no_grad()
def apply(model: Transformer, method: str, tensors: dict[str, torch.Tensor]) -> Transformer:
    """Put trained tensors into a model holding the base weights (all frozen afterwards)."""
    _method(method).apply(model, tensors)
    for p in model.parameters():
        p.requires_grad_(False)
    return model
