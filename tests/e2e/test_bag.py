"""`jejak export bag DIR [ROOT]`: a BagIt bag of the published records, originals and manifest."""

from __future__ import annotations

import shutil
from pathlib import Path

import bagit
import pytest
from click.testing import CliRunner

from jejak.cli import main

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "citable"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def bag_dir(tmp_path: Path) -> Path:
    target = tmp_path / "bag"
    result = run("export", "bag", str(target), str(FIXTURE))
    assert result.exit_code == 0, result.output
    assert "Bag BagIt valid ditulis" in result.output
    return target


def test_the_bag_validates(bag_dir):
    bag = bagit.Bag(str(bag_dir))
    bag.validate()
    assert set(bag.algorithms) == {"sha256", "sha512"}
    assert bag.info["Source-Organization"] == "Arsip KKG Contoh"
    assert bag.info["External-Identifier"] == "https://arsip.contoh.id/"


def test_the_bag_holds_records_originals_and_the_manifest(bag_dir):
    data = bag_dir / "data"
    for path in ("content/groups/kkg-contoh/papers/ptk-pecahan.md",
                 "content/people/siti-aminah.md", "mkdocs.yml",
                 "archive/groups/kkg-contoh/papers/ptk-pecahan/laporan.pdf",
                 "archive/groups/kkg-contoh/products/poster-adab/poster.png",
                 "archive/groups/kkg-contoh/logo.png", "manifest-sha256-site.txt"):
        assert (data / path).is_file(), path
    original = FIXTURE / "archive/groups/kkg-contoh/papers/ptk-pecahan/laporan.pdf"
    assert (data / "archive/groups/kkg-contoh/papers/ptk-pecahan/laporan.pdf").read_bytes() == \
        original.read_bytes()
    manifest = (data / "manifest-sha256-site.txt").read_text()
    assert "kelompok/kkg-contoh/publikasi/ptk-pecahan/berkas/laporan.pdf" in manifest
    assert not (data / "content/groups/kkg-contoh/products/draf-modul.md").exists()  # a draft


def test_a_changed_payload_fails_bag_validation(bag_dir):
    target = bag_dir / "data/archive/groups/kkg-contoh/papers/ptk-pecahan/laporan.pdf"
    content = bytearray(target.read_bytes())
    content[10] ^= 0x01
    target.write_bytes(bytes(content))
    with pytest.raises(bagit.BagValidationError):
        bagit.Bag(str(bag_dir)).validate()


def test_a_folder_that_holds_files_is_refused(bag_dir, tmp_path):
    result = run("export", "bag", str(bag_dir), str(FIXTURE), "--lang", "en")
    assert result.exit_code == 2
    assert "already holds files" in result.output
    assert not list(tmp_path.glob(".jejak-bag-*"))


def test_an_archive_with_errors_is_not_exported(tmp_path):
    root = tmp_path / "arsip"
    shutil.copytree(FIXTURE, root)
    (root / "archive/groups/kkg-contoh/papers/ptk-pecahan/laporan.pdf").unlink()
    result = run("export", "bag", str(tmp_path / "bag"), str(root))
    assert result.exit_code == 1
    assert "ptk-pecahan.md" in result.output
    assert not (tmp_path / "bag").exists()


def test_export_has_help():
    assert "BagIt" in run("export", "bag", "--help").output
    assert "preservation" in run("export", "--help").output
