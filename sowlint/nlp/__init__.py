"""Language helpers shared by rules: plain-string analysis that needs no model (parties, obligation owners)."""
