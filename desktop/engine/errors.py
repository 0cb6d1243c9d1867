"""One base class for the engine's errors whose text is already one plain
sentence for a person (a refused file, too little text, an adapter for another
base...). The window and the command line show str(e) as it is for these and
recognise them by class; anything else is an internal error with details."""
from __future__ import annotations


class UserError(Exception):
    """str(e) is one sentence a person can act on."""
