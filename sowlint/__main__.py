"""`python -m sowlint` runs the command line."""

from .cli import run

run()
