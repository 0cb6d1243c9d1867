"""The bundled base model releases (contract 1: assets/base/<base_id>/).

Several releases ship side by side. New personalisations use the newest; an
adapter is always opened with the release its `base_sha256` names, found from
each release's config.json without loading any weights.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

import torch

from .errors import UserError
from .messages import QT_TRANSLATE_NOOP, as_message, msg, phrase  # noqa: F401 (not every module uses each)
from .evaluate import EvalSet, make_eval_set
from .model import ModelConfig, Transformer, weight_shapes
from .ternary import FORMAT as TERNARY_FORMAT, unpack_state
from .tokenizer import Tokenizer


class BaseModelError(UserError):
    pass


def default_base_dir() -> Path:
    """assets/base next to the package, or inside a PyInstaller bundle."""
    from ..paths import assets_dir
    return assets_dir() / "base"


@dataclass(frozen=True)
class Release:
    folder: Path
    base_id: str
    sha256: str
    ternary: bool = False       # packed ternary weights: selectable, never the default


def default_release(found: list[Release]) -> Release:
    """The newest full-precision release (a ternary one only if it is all there is):
    a ternary release is a wire format to measure, chosen by name (--base), not by age."""
    full = [r for r in found if not r.ternary]
    return (full or found)[-1]


def _order(base_id: str) -> tuple[int, str]:
    """normfit-base-s-2 sorts after normfit-base-s-1 (and after -s-10 comes after -s-9)."""
    tail = base_id.rsplit("-", 1)[-1]
    return (int(tail) if tail.isdigit() else -1, base_id)


def releases(root: str | Path | None = None) -> list[Release]:
    """Every release under ``root`` (or ``root`` itself if it is one), oldest first."""
    root = Path(root) if root else default_base_dir()
    folders = [root] if (root / "config.json").is_file() else sorted(
        p.parent for p in root.glob("*/config.json"))
    out = []
    for f in folders:
        try:
            info = json.loads((f / "config.json").read_text(encoding="utf-8"))
            out.append(Release(f, str(info["base_id"]), str(info.get("base_sha256", "")),
                               info.get("weights_format") == TERNARY_FORMAT))
        except (OSError, ValueError, KeyError, TypeError):
            continue
    return sorted(out, key=lambda r: _order(r.base_id))


def release_for(sha256: str, base_id: str | None = None, root: str | Path | None = None) -> Release:
    """The shipped release with this sha256, or BaseModelError naming the base."""
    for r in releases(root):
        if r.sha256 == sha256:
            return r
    name = f"'{base_id}'" if base_id else f"with checksum {sha256[:12]}"
    raise BaseModelError(msg(QT_TRANSLATE_NOOP("engine", "This adapter was made for the base model {name}, which "
                                                         "this copy of NormFit does not include; open it with a "
                                                         "NormFit version that ships that base."), name=name))


@dataclass
class Base:
    folder: Path
    base_id: str
    sha256: str
    config: ModelConfig
    info: dict
    model: Transformer
    tokenizer: Tokenizer
    state: dict[str, torch.Tensor]      # pristine weights (CPU), to restore between runs
    reference_tokens: torch.Tensor | None
    replay_tokens: torch.Tensor | None = None   # the anchor's replay windows (disjoint from reference)
    _reference: EvalSet | None = field(default=None, repr=False)
    # The base's own score on its reference set, per device: the same for every
    # job, so a window's second run or a class's next student does not pay for it again.
    reference_scores: dict = field(default_factory=dict, repr=False)

    def fresh_model(self, device: torch.device | str = "cpu", share_frozen: bool = False) -> Transformer:
        """A new model holding the base weights (the loaded one stays pristine).

        ``share_frozen``: the weights outside the RMSNorm gains are the base's
        own tensors, not copies (16 MB less for norm-only and LoRA training,
        which never write them); the gains are copies, so training them leaves
        the base untouched."""
        m = Transformer(self.config)
        m.load_state_dict(self.state, assign=share_frozen)
        if share_frozen:
            for name in m.norm_names():
                mod = m.get_submodule(name)
                mod.weight = torch.nn.Parameter(mod.weight.detach().clone())
        return m.to(device)

    def reference_set(self) -> EvalSet | None:
        """The general-text check shipped with the app: sequences sampled from
        the base itself, so their perplexity measures drift from the base.
        Built once per base (decoding its windows to count bytes takes a moment);
        which set a job reports is said by general.General, not by this object."""
        if self.reference_tokens is None:
            return None
        if self._reference is None:
            rows = self.reference_tokens.long()
            docs = [r[1:].tolist() for r in rows]   # drop the leading end-of-text
            n_bytes = sum(len(self.tokenizer.decode(d).encode("utf-8")) for d in docs)
            self._reference = make_eval_set(docs, n_bytes, self.config.context_length, self.tokenizer.eot_id)
        return self._reference


def load_base(folder: str | Path | None = None) -> Base:
    from safetensors.torch import load_file

    folder = Path(folder) if folder else default_base_dir()
    if not (folder / "config.json").exists():
        found = releases(folder)
        if not found:
            raise BaseModelError(msg(QT_TRANSLATE_NOOP("engine", "No base model release in {folder}."),
                                     folder=folder))
        folder = default_release(found).folder
    cfg_path, w_path, t_path = folder / "config.json", folder / "model.safetensors", folder / "tokenizer.json"
    for p in (cfg_path, w_path, t_path):
        if not p.exists():
            raise BaseModelError(msg(QT_TRANSLATE_NOOP("engine", "The base model is incomplete: {name} is missing "
                                                                 "from {folder}."), name=p.name, folder=folder))
    info = json.loads(cfg_path.read_text(encoding="utf-8"))
    raw = w_path.read_bytes()
    sha = hashlib.sha256(raw).hexdigest()
    if info.get("base_sha256") and info["base_sha256"] != sha:
        raise BaseModelError(msg(QT_TRANSLATE_NOOP("engine", "The base model file is damaged (its checksum does "
                                                             "not match config.json).")))
    cfg = ModelConfig.from_dict(info)
    from safetensors.torch import load as load_bytes
    state = load_bytes(raw)
    if info.get("weights_format") == TERNARY_FORMAT:
        try:
            state = unpack_state(state, weight_shapes(cfg))
        except ValueError:
            raise BaseModelError(msg(QT_TRANSLATE_NOOP("engine", "The base model file is damaged (its checksum does "
                                                                 "not match config.json)."))) from None
    model = Transformer(cfg)
    model.load_state_dict(state)
    model.eval()
    sets = {}
    for name in ("reference", "replay"):
        p = folder / f"{name}.safetensors"
        sets[name] = load_file(str(p))["tokens"] if p.exists() else None
    return Base(folder=folder, base_id=info["base_id"], sha256=sha, config=cfg, info=info, model=model,
                tokenizer=Tokenizer.load(t_path), state={k: v.clone() for k, v in model.state_dict().items()},
                reference_tokens=sets["reference"], replay_tokens=sets["replay"])
