"""Rules over a document: the rule pack, the closed set of rule kinds, and the findings they make.

``rulepack/`` loads and validates YAML rules (and caches them); ``checks/`` holds the kinds;
``context.py`` is what a check sees of one document (sentences, sections, lines), ``match.py`` finds
a rule's phrases, token patterns and regexes, ``runner.py`` turns hits into ``Finding`` records.
May import ``document``, ``readers`` (rule examples), ``nlp``, ``timeline`` and ``findings``;
never ``notes``, ``run``, ``reporters`` or ``commands``.  Importing the package imports nothing:
a one-document run loads the pieces it needs when it needs them.
"""
