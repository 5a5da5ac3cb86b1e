"""python -m cleantext."""

from .cli import run

run()
