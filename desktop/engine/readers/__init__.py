"""Format readers: each module registers its suffixes into reading.READERS on import.

The libraries behind them are imported inside the reader functions, so starting
NormFit stays fast and a missing optional library only affects its own format.
"""
from . import ebook, office, pdf, rtf, web  # noqa: F401
