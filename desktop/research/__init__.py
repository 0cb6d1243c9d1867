"""Developer tools over the engine: release sets, sweeps, shootouts."""
