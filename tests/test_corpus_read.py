"""Every real third-party document reads, and the readers find its labelled top-level headings."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from sowlint.evaluation.headings import corpus_heading_recall
from sowlint.readers import read_document

REAL = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "real"
pytestmark = [pytest.mark.corpus, pytest.mark.skipif(not REAL.is_dir(), reason="../shared/corpora/real absent")]


def _manifest() -> list[dict]:
    if not REAL.is_dir():
        return []
    return yaml.safe_load((REAL / "MANIFEST.yaml").read_text(encoding="utf-8"))["documents"]


@pytest.mark.parametrize("entry", _manifest(), ids=lambda e: e["file"])
def test_every_real_document_reads(entry):
    doc = read_document(REAL / entry["file"])
    if entry.get("words", 1) == 0:
        # The scanned PDF: no silent empty result, a warning that names the page.
        assert any("no text layer" in w for w in doc.warnings)
    else:
        assert doc.meta.words > 0.5 * entry["words"], "far fewer words than the manifest counts"
        # Every block's span points at its own text in the rendition.
        for block in doc.blocks():
            assert doc.text[block.start : block.end] == block.text


def test_top_level_headings_match_labels():
    recall, per_file = corpus_heading_recall(REAL)
    misses = {name: miss for name, (_h, _t, miss) in per_file.items() if miss}
    assert recall >= 0.85, f"heading recall {recall:.3f}; misses: {misses}"
