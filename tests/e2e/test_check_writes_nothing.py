"""`jejak check` reads the archive and never changes it: every byte and mtime stays the same."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from archive_kit import POSTER, PRODUCT, SESSION, ArchiveKit
from click.testing import CliRunner

from jejak.cli import main

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"


def snapshot(root: Path) -> dict[str, tuple]:
    """Every entry under root: kind, content hash, mtime (ns) and mode; links not followed."""
    out: dict[str, tuple] = {}
    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        for name in dirnames + filenames:
            path = here / name
            info = path.lstat()
            if path.is_symlink():
                digest = os.readlink(path)
            elif path.is_file():
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
            else:
                digest = "dir"
            out[path.relative_to(root).as_posix()] = (digest, info.st_mtime_ns, info.st_mode)
    return out


def _run_every_format(root: Path, tmp_path: Path) -> list[int]:
    codes = []
    for args in ([], ["--format", "json"], ["--format", "github"], ["--lang", "en"]):
        result = CliRunner().invoke(main, ["check", str(root), *args],
                                    env={"GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md")})
        codes.append(result.exit_code)
    return codes


def test_a_broken_archive_is_byte_identical_after_check(kit: ArchiveKit, tmp_path: Path) -> None:
    kit.replace(SESSION, "format: webinar", "format: daring")
    kit.replace(PRODUCT, "kind: visual", "kind: visual\nno_hp: 081234567890")
    kit.write(POSTER, b"\x89PNG\r\n\x1a\n terpotong")
    kit.write("content/groups/kkg-contoh/catatan.txt", "catatan\n")
    os.symlink("../../people/siti-aminah.md", kit.path("content/groups/kkg-contoh/tautan.md"))
    before = snapshot(kit.root)
    assert _run_every_format(kit.root, tmp_path) == [1, 1, 1, 1]
    assert snapshot(kit.root) == before


def test_a_valid_archive_is_byte_identical_after_check(kit: ArchiveKit, tmp_path: Path) -> None:
    before = snapshot(kit.root)
    assert _run_every_format(kit.root, tmp_path) == [0, 0, 0, 0]
    assert snapshot(kit.root) == before


@pytest.mark.parametrize("fixture", ["check-five-problems", "check-warnings-only"])
def test_fixture_folders_are_untouched(fixture: str, tmp_path: Path) -> None:
    before = snapshot(FIXTURES / fixture)
    _run_every_format(FIXTURES / fixture, tmp_path)
    assert snapshot(FIXTURES / fixture) == before


def _demo_tree() -> dict[str, tuple]:
    # only the archive's own files: the rest of the repository (caches, other tests) may change
    tree = {}
    for part in ("content", "archive"):
        tree.update({f"{part}/{k}": v for k, v in snapshot(REPO / part).items()})
    for name in ("mkdocs.yml", "published-ids.txt"):
        if (REPO / name).exists():
            info = (REPO / name).stat()
            tree[name] = (hashlib.sha256((REPO / name).read_bytes()).hexdigest(),
                          info.st_mtime_ns, info.st_mode)
    return tree


def test_demo_archive_passes_and_is_untouched() -> None:
    """The demo archive of this repository has no errors, and check leaves it as it was."""
    before = _demo_tree()
    assert len(before) > 50
    result = CliRunner().invoke(main, ["check", str(REPO), "--lang", "en"])
    errors = [line for line in result.stdout.splitlines() if ": error J" in line]
    assert errors == []
    assert result.exit_code == 0
    assert _demo_tree() == before
