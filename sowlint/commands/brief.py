"""`sowlint brief`: the handoff meeting's brief of one SOW and its notes, written to a file or stdout."""

from __future__ import annotations

from pathlib import Path

from ..errors import SowlintError


def run_brief(path: str, notes: list[str], fmt: str, output: str | None, config: str | None = None,
              date_order: str | None = None) -> str | bytes | None:
    """Build and render the brief; write it to ``output`` (returns None) or return it for stdout."""
    from ..briefing.assemble import build_brief
    from ..briefing.render import render

    if fmt == "docx" and not output:
        raise SowlintError("--format docx needs -o FILE (a Word file is not written to a terminal)")
    if output:
        target = Path(output).resolve()
        for source in (path, *notes):
            if Path(source).resolve() == target:  # sowlint never writes to what it reads
                raise SowlintError(f"{output}: is one of the input files; choose another -o")
        if target.is_dir():
            raise SowlintError(f"{output}: is a folder; give a file name")
    text = render(build_brief(path, notes, config=config, date_order=date_order), fmt)
    if not output:
        return text
    try:
        if isinstance(text, bytes):
            Path(output).write_bytes(text)
        else:
            Path(output).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise SowlintError(f"{output}: cannot write the brief ({exc.strerror or exc})") from None
    return None
