"""The records every output is rendered from: ``Finding`` (one per problem found) and ``Report``.

``finding.py`` holds ``Finding`` and its ``Location``, the categories and severities;
``report.py`` holds ``Report`` (one run), ``DocumentResult`` (one document), ``RuleInfo`` and
``Suppressed``.  Imports only ``document``: every stage may import this package.
"""

from .finding import CATEGORIES, SEVERITIES, SEVERITY_RANK, Finding, Location

__all__ = ["CATEGORIES", "SEVERITIES", "SEVERITY_RANK", "Finding", "Location"]
