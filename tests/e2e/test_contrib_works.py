"""`jejak import works`: a spreadsheet of works becomes records, all rows or none."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from jejak.cli import main
from jejak.validate import check_archive

FIXTURES = Path(__file__).parents[1] / "fixtures" / "contrib"
CSV = FIXTURES / "csv"
GROUP = "content/groups/kkg-mi-contoh"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    target = tmp_path / "arsip"
    shutil.copytree(FIXTURES / "archive", target)
    return target


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file()}


def test_every_row_becomes_a_record(root: Path) -> None:
    result = CliRunner().invoke(main, ["import", "works", str(CSV / "karya-baik.csv"), str(root)])
    assert result.exit_code == 0, result.output
    assert "Kolom yang diabaikan (tidak ditulis): Cap waktu, Alamat email" in result.output
    assert "✓ baris 5: groups/kkg-mi-contoh/papers/peningkatan-hasil-belajar-pecahan-melalui-" \
           "media-kue" in result.output
    assert "4 rekaman dan 2 berkas ditulis." in result.output
    assert check_archive(root).errors == []
    product = (root / GROUP / "products/modul-ajar-pecahan-kelas-4.md").read_text()
    assert "date: 2025-08-01\nauthors:\n  - siti-aminah\n" in product
    assert "keywords:\n  - pecahan\n  - modul\n" in product
    poster = (root / GROUP / "products/poster-adab-belajar.md").read_text()
    assert "kind: visual\npackage: media\n" in poster  # "Media pembelajaran" is its label
    assert "    alt: Poster lima adab belajar di kelas\n" in poster
    assert "shows_students: false\n" in poster
    video = (root / GROUP / "products/video-salat-berjamaah.md").read_text()
    assert "  - muhammad-yusuf\n  - nurhayati\n" in video
    assert "  - url: https://www.youtube.com/watch?v=abc123XYZ\n" in video
    for text in (product, poster, video):
        assert "@gmail.com" not in text


def test_a_bad_row_stops_every_row_and_says_why(root: Path) -> None:
    before = snapshot(root)
    result = CliRunner().invoke(main, ["import", "works", str(CSV / "karya-bermasalah.csv"),
                                       str(root)])
    assert result.exit_code == 1
    out = result.output
    assert "✓ baris 2: groups/kkg-mi-contoh/products/modul-ajar-pecahan-kelas-4" in out
    assert "✗ baris 3:" in out and "Isian wajib `shows_students`" in out
    assert "date: Tanggal `32/13/2025` tidak dikenali" in out
    assert "authors: Orang `budi-santoso` belum punya rekaman." in out
    assert "package: Nilai `medya` tidak dikenal untuk `package`. Mungkin maksudnya `media`?" in out
    assert "consent: Tanpa persetujuan, rekaman ini tidak boleh dibuat." in out
    assert "✗ baris 5:" in out and "Isian wajib `abstract` (Abstrak) belum diisi." in out
    assert "hilang.pdf" in out
    assert "✗ baris 6: groups/kkg-mi-contoh/products/modul-ajar-pecahan-kelas-4" in out
    assert "4 dari 5 baris gagal; tidak ada yang ditulis." in out
    assert snapshot(root) == before


def test_image_without_alt_is_caught_before_writing(root: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "karya.csv"
    shutil.copy(CSV / "poster.png", tmp_path / "poster.png")
    sheet.write_text("title,date,authors,kind,package,competencies,berkas,shows_students\n"
                     "Poster,2025-08-02,andi-rahmawati,visual,media,sosial,poster.png,tidak\n",
                     encoding="utf-8")
    before = snapshot(root)
    result = CliRunner().invoke(main, ["import", "works", str(sheet), str(root), "--kind",
                                       "product", "--group", "kkg-mi-contoh", "--lang", "en"])
    assert result.exit_code == 1
    assert "✗ row 2:" in result.output and "J504" in result.output
    assert snapshot(root) == before


def test_dry_run(root: Path) -> None:
    before = snapshot(root)
    result = CliRunner().invoke(main, ["import", "works", str(CSV / "karya-baik.csv"), str(root),
                                       "--dry-run"])
    assert result.exit_code == 0
    assert "Semua 4 baris lolos; uji coba, tidak ada yang ditulis." in result.output
    assert snapshot(root) == before
