"""Shared fixtures: a fresh minimal valid archive per test (see archive_kit.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from archive_kit import ArchiveKit


@pytest.fixture
def kit(tmp_path: Path) -> ArchiveKit:
    """A fresh minimal valid archive (one group, two people, session, product, paper, plan)."""
    return ArchiveKit(tmp_path / "arsip")
