"""Typed errors raised by cleantext. Every failure a caller should handle derives from CleantextError."""

from __future__ import annotations


class CleantextError(Exception):
    """Base class of every error cleantext raises on purpose."""


class UnsupportedInput(CleantextError):
    """The input is not a web page or text (binary data, an image, a PDF, an archive...)."""


class InputTooLarge(CleantextError):
    """The input is larger than Options.max_input_bytes."""


class Timeout(CleantextError):
    """Cleaning took longer than Options.timeout_seconds."""
