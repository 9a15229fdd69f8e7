"""The demo archive of this repository, copied and built once per test session.

Shared by the e2e suite (tests/e2e/test_site.py) and the browser tests, which read the
same built folder: whichever runs first builds it, the same way."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from archive_kit import tree_hashes

REPO = Path(__file__).resolve().parents[1]
DEMO_PARTS = ("content", "archive", "mkdocs.yml", "overrides", "published-ids.txt")


def jejak(*args: str, cwd: Path, cache: Path, workers: int = 2) -> subprocess.CompletedProcess:
    """The real `jejak` command line, in a child process, with its own cache folder.

    Two worker processes even for the small demo (JEJAK_WORKERS holds at any size), so
    that pages, files and citations are made by forked workers as in a large archive."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", JEJAK_CACHE_DIR=str(cache),
               JEJAK_WORKERS=str(workers))
    return subprocess.run([sys.executable, "-c", "from jejak.cli import main; main()", *args],
                          cwd=cwd, capture_output=True, text=True, env=env, timeout=900)


def demo_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The derived-data cache of the demo builds (JEJAK_CACHE_DIR; never ~/.cache/jejak)."""
    return tmp_path_factory.getbasetemp() / "jejak-demo-cache"


def build_demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """The demo copied and built once per test session (per xdist worker); its root and the
    hashes of its source tree before the build."""
    root = tmp_path_factory.getbasetemp() / "jejak-demo"
    memo = tmp_path_factory.getbasetemp() / "jejak-demo.json"
    if memo.is_file():
        return root, json.loads(memo.read_text(encoding="utf-8"))
    root.mkdir()
    for part in DEMO_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, root / part, symlinks=True)
        else:
            shutil.copy2(source, root / part)
    before = tree_hashes(root)
    proc = jejak("build", str(root), cwd=root, cache=demo_cache(tmp_path_factory))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    memo.write_text(json.dumps(before), encoding="utf-8")
    return root, before
