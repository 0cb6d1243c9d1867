"""NormFit: personalise a small language model to one person's writing, offline."""
__version__ = "0.1.0"
