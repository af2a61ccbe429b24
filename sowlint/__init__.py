"""sowlint: a linter for Statements of Work and services proposals."""

__version__ = "0.1.0"
