"""Measuring sowlint against the labelled real corpus (used by tests and benchmarks)."""
