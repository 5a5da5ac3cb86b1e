"""The page's language: the tag its markup declares, checked against the language of its text.

Identification from the text uses pycld2 (Google's Compact Language Detector 2, a C extension: about 0.3 ms for the
1,500 characters read here) when the ``lang`` extra is installed; without it only the markup is read.
"""

from __future__ import annotations

import regex

try:  # the optional extra: pip install 'cleantext[lang]'
    import pycld2 as _cld2
except ImportError:  # pragma: no cover - exercised only where the extra is missing
    _cld2 = None

# Characters of body text read, and the least the detector needs to be trusted.
SAMPLE_CHARS = 1500
MIN_CHARS = 200
# The detector's confidence (percent of the text in the top language) that overrules a declared language.
OVERRULE_PERCENT = 90
_TAG = regex.compile(r"^([a-zA-Z]{2,3})(?:[-_]([a-zA-Z0-9]{2,8}))?(?:[-_].*)?$")


def available() -> bool:
    """True when text language identification is installed (the ``lang`` extra)."""
    return _cld2 is not None


def normalise_tag(value: object) -> str | None:
    """A BCP 47 tag from a declared value ("en_US" -> "en-US", "DE" -> "de"), or None for junk."""
    if not isinstance(value, str):
        return None
    match = _TAG.match(value.strip()[:40])
    if not match:
        return None
    primary = match[1].lower()
    if primary in ("und", "mul", "zxx", "xx"):
        return None
    region = match[2]
    if region and len(region) == 2:
        return f"{primary}-{region.upper()}"
    return primary


def primary(tag: str | None) -> str | None:
    """The primary subtag: "en" for "en-US"."""
    return tag.split("-")[0].lower() if tag else None


def detect(text: str) -> tuple[str, int] | None:
    """(language code, percent of the text) identified from ``text``, or None when unsure or not installed."""
    if _cld2 is None:
        return None
    sample = text[:SAMPLE_CHARS]
    if len(sample) < MIN_CHARS:
        return None
    try:
        reliable, _, found = _cld2.detect(sample)
    except Exception:  # pycld2.error on text it cannot read; never worth failing a page for
        return None
    if not reliable or not found:
        return None
    name, code, percent, _ = found[0]
    if code in ("un", "xxx") or name == "Unknown":
        return None
    # CLD2 names Chinese "zh" / "zh-Hant", Norwegian "nb"/"no": keep the primary part.
    return code.split("-")[0].lower(), int(percent)
