"""A lint run: settings and rules per document, one document or a batch, baselines and waivers.

``lint.py`` runs files and folders (``discover.py`` finds them), ``single.py`` lints one document
(``helper.py`` reads it in a forked process beside spaCy's import), ``batch.py`` runs many in a
process pool, ``config.py`` and ``rules.py`` decide the settings and rules, ``suppress.py`` applies
baselines and waivers.  May import every stage below it; never ``reporters`` or ``commands``.
"""
