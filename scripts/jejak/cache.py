"""The cache folder for derived data: outside every archive, keyed by content hash."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

_TEMP: tempfile.TemporaryDirectory | None = None


def user_cache_dir() -> Path:
    """$JEJAK_CACHE_DIR, else $XDG_CACHE_HOME/jejak or ~/.cache/jejak.

    JEJAK_CACHE_DIR=off gives a temporary folder that disappears with the process.
    Never a folder inside an archive: a pull request could plant entries there."""
    global _TEMP
    configured = os.environ.get("JEJAK_CACHE_DIR")
    if configured == "off":
        if _TEMP is None:
            _TEMP = tempfile.TemporaryDirectory(prefix="jejak-cache-")
        return Path(_TEMP.name)
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "jejak"
