"""The NormFit engine: everything that computes. Imports no Qt."""
