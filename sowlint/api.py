"""The Python API: lint files or folders and get the same records as the JSON output.

    >>> import sowlint
    >>> report = sowlint.lint("proposal.docx", fail_on="warning")
    >>> report.passed, report.exit_code, [f.rule for f in report.blocking]

    >>> b = sowlint.brief("proposal.docx", notes=["call-notes.md"])   # the handoff brief
    >>> b.status, b.as_dict()["sections"][0]["facts"]

The work is done in ``sowlint.run``; this module only names what is public.
"""

from __future__ import annotations

from .errors import SowlintError
from .run.discover import discover
from .run.lint import lint
from .run.rules import rules_for, settings_for
from .run.single import lint_file

__all__ = ["lint", "lint_file", "discover", "brief", "SowlintError"]


def brief(path, notes=(), config: str | None = None, date_order: str | None = None):
    """The handoff brief of one SOW (a ``sowlint.briefing.model.Brief``); ``.as_dict()`` is its JSON.
    Raises SowlintError (one line) when the SOW or a notes file cannot be read."""
    from .briefing.assemble import build_brief

    return build_brief(str(path), [str(n) for n in notes], config=config, date_order=date_order)
