"""The general-text check a job reports: which kind it is, its windows and its name.

The kind is said, not guessed: the base's reference set doubles as the drift
limit's baseline (scored once, its after-scores are the kept state's check),
while a given file is scored before and after only. Telling them apart by
object identity once made a copy or a sample of the reference set count as a
given file (scored twice, its drift read against another set).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .evaluate import EvalSet

REFERENCE = "reference"     # the base's own samples: drift from the base
GIVEN = "given file"        # a text file the person (or the shootout) named
NONE = "none"               # no check (a base that ships no reference set)

REFERENCE_LABEL = "reference samples from the base model"


@dataclass(frozen=True)
class General:
    kind: str
    eval_set: "EvalSet | None"
    label: str

    @classmethod
    def reference(cls, es: "EvalSet | None") -> "General":
        return cls(REFERENCE, es, REFERENCE_LABEL) if es is not None else cls.none()

    @classmethod
    def given(cls, es: "EvalSet", name: str) -> "General":
        return cls(GIVEN, es, name)

    @classmethod
    def none(cls) -> "General":
        return cls(NONE, None, NONE)

    @property
    def is_reference(self) -> bool:
        return self.kind == REFERENCE and self.eval_set is not None

    @property
    def present(self) -> bool:
        return self.eval_set is not None

    @property
    def metadata_name(self) -> str:
        """What an adapter file says about it: never a file name (files are shared)."""
        return self.label if self.kind == REFERENCE else self.kind


def as_general(x: "General | EvalSet | None") -> General:
    """A bare EvalSet is a given file (callers that mean the reference set say so)."""
    if x is None:
        return General.none()
    if isinstance(x, General):
        return x
    return General.given(x, "given file")
