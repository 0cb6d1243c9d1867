"""Sentences the engine says to a person, in a form a front end can word in
the person's language.

The engine speaks English (the command line shows it as it is) but keeps, with
each sentence, its template and values: a ``Message`` is a ``str`` (so every
caller that prints, logs or compares it keeps working) that also remembers
``template`` and ``values``. The window (desktop/ui/words.say) and the class
report look the template up in the translation files and fill in the values,
numbers written the language's way. The engine imports no Qt:
``QT_TRANSLATE_NOOP`` below is a plain function with Qt's name, so that
pyside6-lupdate collects the templates into assets/i18n/*.ts.

Rules for a template: ``{name}`` placeholders with no format spec (the front end
writes numbers); a value that is itself a sentence or a phrase is a Message
(``phrase``), so it is worded too; file names, fingerprints and other text the
person typed or named are plain strings and are shown as they are.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, Callable

# Every engine sentence is filed under this one context in the translation files.
CONTEXT = "engine"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:    # noqa: N802 (Qt's marker name)
    return text


def _english(value: Any) -> str:
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


class Message(str):
    """An English sentence that remembers how it was made."""

    template: str
    values: dict
    context: str

    def __new__(cls, template: str, context: str = CONTEXT, **values: Any) -> "Message":
        text = template.format(**{k: _english(v) for k, v in values.items()}) if values else template
        self = super().__new__(cls, text)
        self.template, self.values, self.context = template, values, context
        return self

    def __reduce__(self):          # pickling (a job's result crossing a process) keeps the template
        return (_rebuild, (self.template, self.context, self.values))

    def to_json(self) -> dict:
        return {"template": self.template, "context": self.context,
                "values": {k: (v.to_json() if isinstance(v, Message) else v) for k, v in self.values.items()}}

    @classmethod
    def from_json(cls, data: Any) -> "Message | str":
        """The inverse of to_json; anything else (an older file's plain sentence) comes back as it was."""
        if not (isinstance(data, dict) and isinstance(data.get("template"), str)):
            return data if isinstance(data, str) else str(data)
        values = {k: (cls.from_json(v) if isinstance(v, dict) else v)
                  for k, v in (data.get("values") or {}).items()}
        try:
            return cls(data["template"], str(data.get("context") or CONTEXT), **values)
        except (KeyError, IndexError, ValueError):     # a hand-edited file: show the template as it is
            return data["template"]


def _rebuild(template: str, context: str, values: dict) -> Message:
    return Message(template, context, **values)


def msg(template: str, **values: Any) -> Message:
    """A sentence from a template marked with QT_TRANSLATE_NOOP(CONTEXT, ...)."""
    return Message(template, CONTEXT, **values)


def phrase(template: str) -> Message:
    """A few words used inside another sentence ("trusted-keys list"), worded with it."""
    return Message(template, CONTEXT)


def as_message(text: Any) -> Message | str:
    """What an error or record holds: its Message if it has one, else the text."""
    if isinstance(text, Message):
        return text
    inner = getattr(text, "message", None)
    if isinstance(inner, Message):
        return inner
    args = getattr(text, "args", None)      # any exception raised with a Message
    if isinstance(args, tuple) and len(args) == 1 and isinstance(args[0], Message):
        return args[0]
    return str(text)


def render(text: Any, translate: Callable[[str, str], str], number: Callable[[float], str] = _english) -> str:
    """Word `text` with `translate(context, template)` (a missing translation returns the template)
    and `number` for int/float values. Plain strings are returned as they are."""
    if not isinstance(text, Message):
        return str(text)
    vals = {}
    for k, v in text.values.items():
        if isinstance(v, Message):
            vals[k] = render(v, translate, number)
        elif isinstance(v, (int, float)) and not isinstance(v, bool):
            vals[k] = number(v)
        else:
            vals[k] = str(v)
    wording = translate(text.context, text.template) or text.template
    try:
        return wording.format(**vals)
    except (KeyError, IndexError, ValueError):     # a translation that lost a placeholder: say it in English
        return text.template.format(**vals)


def _english_date(ts: float) -> str:
    return time.strftime("%d %B %Y, %H:%M", time.localtime(ts)).lstrip("0")


@dataclass(frozen=True)
class Wording:
    """How a front end words what the engine writes for a person (the class
    report, a Message): translate(context, template), numbers and dates in the
    language chosen, and that language's code for the page. English by default,
    so the engine and the command line need no Qt."""
    translate: Callable[[str, str], str] = field(default=lambda context, text: text)
    number: Callable[[float], str] = _english
    date: Callable[[float], str] = _english_date
    lang: str = "en"

    def lookup(self, context: str, text: str) -> str:
        return self.translate(context, text) or text

    def say(self, text: Any) -> str:
        return render(getattr(text, "message", text), self.lookup, self.number)


ENGLISH = Wording()
