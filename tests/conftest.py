"""Shared fixtures: a fresh minimal valid archive per test (see archive_kit.py)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from archive_kit import ArchiveKit

# Builds keep derived data in a cache outside the archive; tests never share the user's.
os.environ.setdefault("JEJAK_CACHE_DIR", tempfile.mkdtemp(prefix="jejak-test-cache-"))


@pytest.fixture
def kit(tmp_path: Path) -> ArchiveKit:
    """A fresh minimal valid archive (one group, two people, session, product, paper, plan)."""
    return ArchiveKit(tmp_path / "arsip")
