"""Errors sowlint reports to users as one line (exit code 2), never as a traceback."""

from __future__ import annotations


class SowlintError(Exception):
    """Base class: the message is one line a user can act on."""


class ReadError(SowlintError):
    """A document could not be read (missing, unsupported, corrupt, hostile or over a limit)."""


class ConfigError(SowlintError):
    """A config file, command-line option or rule pack is invalid."""


class OutputError(SowlintError):
    """A report cannot be written where it was asked for (a folder in the way, or one of the inputs)."""
