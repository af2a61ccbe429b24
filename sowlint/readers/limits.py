"""Caps that keep a hostile or huge input from taking the machine down."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReadLimits:
    max_file_bytes: int = 64 * 1024 * 1024  # any input file
    max_pages: int = 1000  # PDF pages read
    max_chars: int = 5_000_000  # characters of text in one document
    max_seconds: float = 60.0  # wall time for reading one document
    max_page_chars: int = 60_000  # a PDF page above this skips the slow layout pass
    zip_max_members: int = 2000
    zip_max_member_bytes: int = 256 * 1024 * 1024
    zip_max_total_bytes: int = 512 * 1024 * 1024
    zip_max_ratio: float = 200.0  # uncompressed / compressed, per member over 1 MiB
