"""Rule packs: YAML rule files, read safely, validated strictly, one rule per file."""

from .load import load_pack, load_packs, load_rule
from .model import Rule

__all__ = ["Rule", "load_pack", "load_packs", "load_rule"]
