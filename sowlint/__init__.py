"""sowlint: a linter for Statements of Work and services proposals."""

__version__ = "0.1.0"

__all__ = ["__version__", "lint", "lint_file", "brief"]


def __getattr__(name: str):
    # `sowlint.lint(...)` without importing the engine on `import sowlint` (the CLI needs only the version).
    if name in ("lint", "lint_file", "brief"):
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'sowlint' has no attribute {name!r}")
