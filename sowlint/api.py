"""The Python API: lint files or folders and get the same records as the JSON output.

    >>> import sowlint
    >>> report = sowlint.lint("proposal.docx")
    >>> [f.rule for f in report.findings if f.severity == "error"]

The work is done in ``sowlint.run``; this module only names what is public.
"""

from __future__ import annotations

from .errors import SowlintError
from .run.discover import discover
from .run.lint import lint
from .run.rules import rules_for, settings_for
from .run.single import lint_file

__all__ = ["lint", "lint_file", "discover", "SowlintError"]
