"""The handoff brief: the handoff meeting's agenda, filled in from the SOW, the sales notes and the findings.

``build_brief(path, notes)`` (``assemble.py``) lints the document, reads the notes and returns a
``Brief`` (``model.py``) of ten sections; ``render(brief, fmt)`` (``render.py``) writes it as HTML,
Markdown, JSON or .docx.  Sits above ``run`` and ``reporters``; only ``commands`` and the API use it.
"""
