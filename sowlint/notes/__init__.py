"""Sales handoff notes held against the SOW: what was promised or expected, and whether the SOW says so."""
