"""Shared test helpers."""

from __future__ import annotations

from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
SHARED = REPO.parent / "shared"


@pytest.fixture
def corpus_dir() -> Path:
    return TESTS / "corpus"
