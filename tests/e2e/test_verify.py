"""`jejak verify [SITE]`: every published original hashed again against data/manifest-sha256.txt."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from jejak.cli import main
from jejak.generate import fixity, outputs
from jejak.validate import check_archive

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "citable"
PDF = "kelompok/kkg-contoh/publikasi/ptk-pecahan/berkas/laporan.pdf"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A site folder as a build leaves it: the generated files and every published original."""
    result = check_archive(FIXTURE)
    archive = result.archive()
    site = tmp_path / "site"
    for path, content in outputs.site_files(archive, result.settings, FIXTURE).items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_bytes(content)
    for path, source in fixity.published_originals(archive, FIXTURE).items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, site / path)
    return site


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_an_untouched_site_verifies(site):
    result = run("verify", str(site))
    assert result.exit_code == 0, result.output
    assert "Semua 4 berkas cocok dengan manifest fiksitas" in result.output


def test_a_flipped_byte_is_found(site):
    target = site / PDF
    data = bytearray(target.read_bytes())
    data[20] ^= 0x01
    target.write_bytes(bytes(data))
    result = run("verify", str(site))
    assert result.exit_code == 1
    assert f"{PDF}: SHA-256 tidak cocok" in result.output
    assert "1 dari 4 berkas tidak cocok dengan manifest fiksitas." in result.output
    english = run("verify", str(site), "--lang", "en")
    assert f"{PDF}: SHA-256 mismatch" in english.output
    assert "has changed since it was published" in english.output


def test_a_missing_file_is_reported(site):
    (site / PDF).unlink()
    result = run("verify", str(site), "--lang", "en")
    assert result.exit_code == 1
    assert f"{PDF}: listed in the manifest but missing from the site." in result.output


def test_paths_leaving_the_site_are_not_followed(site, tmp_path):
    (tmp_path / "secret.txt").write_text("rahasia")
    manifest = site / fixity.MANIFEST
    manifest.write_text(manifest.read_text() + "0" * 64 + "  ../secret.txt\n")
    result = run("verify", str(site), "--lang", "en")
    assert result.exit_code == 1
    assert "../secret.txt: the manifest path leaves the site folder" in result.output


def test_verify_does_not_trust_the_build_hash_cache(site):
    fixity.sha256_file(site / PDF)  # cached by (path, size, mtime)
    target = site / PDF
    stat = target.stat()
    data = bytearray(target.read_bytes())
    data[-2] ^= 0xFF
    target.write_bytes(bytes(data))
    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same size, same mtime
    assert run("verify", str(site)).exit_code == 1


def test_without_a_manifest_verify_cannot_run(tmp_path):
    result = run("verify", str(tmp_path), "--lang", "en")
    assert result.exit_code == 2
    assert "Fixity manifest not found" in result.output


def test_site_defaults_to_the_site_folder(site, tmp_path, monkeypatch):
    monkeypatch.chdir(site.parent)
    assert run("verify").exit_code == 0
    monkeypatch.chdir(site)  # inside the site itself
    assert run("verify").exit_code == 0
    monkeypatch.chdir(tmp_path / "site" / "data")
    result = run("verify", "--lang", "en")
    assert result.exit_code == 2 and "Fixity manifest not found" in result.output


def test_verify_has_help():
    result = run("verify", "--help")
    assert result.exit_code == 0 and "fixity manifest" in result.output
