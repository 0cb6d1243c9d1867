"""Byte-level BPE tokenizer (Hugging Face `tokenizers`).

Byte-level means every string, in any script, maps to tokens and back exactly:
unknown characters fall back to their UTF-8 bytes.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

from tokenizers import Tokenizer as _HFTokenizer
from tokenizers import decoders, models, pre_tokenizers, trainers

EOT = "<|endoftext|>"


class Tokenizer:
    def __init__(self, hf: _HFTokenizer):
        self._tok = hf
        eot = hf.token_to_id(EOT)
        if eot is None:
            raise ValueError("The tokenizer file has no end-of-text token.")
        self.eot_id = eot

    @classmethod
    def load(cls, path: str | Path) -> "Tokenizer":
        return cls(_HFTokenizer.from_file(str(path)))

    @classmethod
    def train(cls, texts: Iterable[str], vocab_size: int) -> "Tokenizer":
        tok = _HFTokenizer(models.BPE())
        tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=True)
        tok.decoder = decoders.ByteLevel()
        trainer = trainers.BpeTrainer(
            vocab_size=vocab_size,
            special_tokens=[EOT],
            initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
            min_frequency=2,
            show_progress=False,
        )
        tok.train_from_iterator(texts, trainer=trainer)
        return cls(tok)

    def save(self, path: str | Path) -> None:
        self._tok.save(str(path))

    def to_json(self) -> str:
        """What save() writes, as text (for atomic_write_text)."""
        return self._tok.to_str(pretty=True)

    @property
    def vocab_size(self) -> int:
        return self._tok.get_vocab_size()

    def encode(self, text: str) -> list[int]:
        """Token ids. Long texts go through in pieces cut at line breaks: the
        library keeps strings and offsets per token (hundreds of bytes each), so
        one 15 MB text at once would peak at gigabytes."""
        if len(text) <= CHUNK_CHARS:
            return self._tok.encode(text, add_special_tokens=False).ids
        ids: list[int] = []
        for piece in _pieces(text, CHUNK_CHARS):
            ids.extend(self._tok.encode(piece, add_special_tokens=False).ids)
        return ids

    def encode_with_offsets(self, text: str) -> tuple[list[int], list[tuple[int, int]]]:
        """Token ids and each token's (start, end) in characters of `text` (for
        showing a score per word). For a short text only: no pieces."""
        enc = self._tok.encode(text, add_special_tokens=False)
        return enc.ids, [tuple(o) for o in enc.offsets]

    def encode_tensor(self, text: str) -> "torch.Tensor":
        """Like encode, as an int32 tensor built piece by piece (no list of
        millions of Python ints for a long text)."""
        import torch
        parts = [torch.tensor(self._tok.encode(p, add_special_tokens=False).ids, dtype=torch.int32)
                 for p in _pieces(text, CHUNK_CHARS)]
        return torch.cat(parts) if parts else torch.zeros(0, dtype=torch.int32)

    def encode_batch(self, texts: list[str]) -> list[list[int]]:
        return [e.ids for e in self._tok.encode_batch(texts, add_special_tokens=False)]

    def decode(self, ids: Iterable[int]) -> str:
        return self._tok.decode(list(ids), skip_special_tokens=True)


CHUNK_CHARS = 1 << 16


def _pieces(text: str, size: int) -> Iterator[str]:
    """Consecutive pieces of about `size` characters, each ending after a line
    break where there is one, so no word is cut in two."""
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            nl = text.rfind("\n", start + size // 2, end)
            if nl != -1:
                end = nl + 1
            else:
                sp = text.rfind(" ", start + size // 2, end)
                end = sp if sp != -1 else end
        yield text[start:end]
        start = end


def iter_chunks(texts: Iterable[str], size: int = 1 << 16) -> Iterator[str]:
    """Cut long texts into pieces the trainer handles without huge strings."""
    for t in texts:
        for i in range(0, len(t), size):
            yield t[i:i + size]
