"""cleantext: separate the article body of a web page (HTML or text) from its boilerplate, and say why."""

from __future__ import annotations

from .api import clean
from .batch import clean_many
from .document import Block, Document
from .errors import CleantextError, InputTooLarge, Timeout, UnsupportedInput
from .metadata import Metadata
from .options import Options
from .pagetype import PageType
from .presets import DEFAULT_RULES
from .records import Record, Result
from .rule import Rule

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_RULES",
    "Block",
    "CleantextError",
    "Document",
    "InputTooLarge",
    "Metadata",
    "Options",
    "PageType",
    "Record",
    "Result",
    "Rule",
    "Timeout",
    "UnsupportedInput",
    "__version__",
    "clean",
    "clean_many",
]
