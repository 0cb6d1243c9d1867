"""One base class for the engine's errors whose text is already one plain
sentence for a person (a refused file, too little text, an adapter for another
base...). The window and the command line recognise them by class; the command
line shows str(e) (English), the window words e.message in the person's
language (engine/messages.py)."""
from __future__ import annotations

from .messages import Message, as_message


class UserError(Exception):
    """str(e) is one sentence a person can act on; e.message is that sentence as a
    Message (its template and values) when the raiser made one."""

    def __init__(self, sentence: str = "", *args):
        super().__init__(sentence, *args)
        self.message: Message | str = as_message(sentence)

    def __str__(self) -> str:
        return str(self.message)


class Stopped(Exception):
    """A long computation (suggestions, a probe, scoring) was asked to stop
    (its window closed): what it made so far is nobody's."""
