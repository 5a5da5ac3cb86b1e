"""Normalised page metadata: authors, dates, canonical URL, site name, language, description, image, categories
and tags, each with the source it was read from (see Metadata)."""

from .build import build_metadata
from .model import FIELDS, Metadata

__all__ = ["FIELDS", "Metadata", "build_metadata"]
