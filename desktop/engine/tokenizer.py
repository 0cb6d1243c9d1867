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

    @property
    def vocab_size(self) -> int:
        return self._tok.get_vocab_size()

    def encode(self, text: str) -> list[int]:
        return self._tok.encode(text, add_special_tokens=False).ids

    def encode_batch(self, texts: list[str]) -> list[list[int]]:
        return [e.ids for e in self._tok.encode_batch(texts, add_special_tokens=False)]

    def decode(self, ids: Iterable[int]) -> str:
        return self._tok.decode(list(ids), skip_special_tokens=True)


def iter_chunks(texts: Iterable[str], size: int = 1 << 16) -> Iterator[str]:
    """Cut long texts into pieces the trainer handles without huge strings."""
    for t in texts:
        for i in range(0, len(t), size):
            yield t[i:i + size]
