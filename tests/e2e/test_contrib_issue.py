"""`jejak import issue` on issue bodies as GitHub renders submitted forms."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from jejak.cli import main
from jejak.contrib import issue_form
from jejak.validate import check_archive

FIXTURES = Path(__file__).parents[1] / "fixtures" / "contrib"
ISSUES = FIXTURES / "issue"
FILES = FIXTURES / "files"
PRODUCT = "content/groups/kkg-mi-contoh/products/video-pembelajaran-pecahan-senilai-dengan-kue-" \
          "tradisional.md"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    target = tmp_path / "arsip"
    shutil.copytree(FIXTURES / "archive", target)
    return target


@pytest.fixture
def fake_github(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Attachments come from the fixtures instead of github.com."""
    fetched: list[str] = []

    def fetch(url: str, folder: Path) -> Path:
        fetched.append(url)
        source = FILES / ("modul-ajar.pdf" if "/files/" in url else "poster.png")
        target = folder / issue_form._name_for(url, "", source.read_bytes()[:8])
        shutil.copy(source, target)
        return target

    monkeypatch.setattr(issue_form, "fetch", fetch)
    return fetched


def run(root: Path, body: str, *args: str):
    return CliRunner().invoke(main, ["import", "issue", str(ISSUES / body), str(root), *args])


def test_product_form_with_uploads(root: Path, fake_github: list[str]) -> None:
    result = run(root, "karya.md", "--download")
    assert result.exit_code == 0, result.output
    assert len(fake_github) == 2
    text = (root / PRODUCT).read_text()
    assert "authors:\n  - siti-aminah\n  - nurhayati\n  - name: Dr. Hasan Basri\n" \
           "    affiliation: UIN Alauddin Makassar\n" in text
    assert "files:\n  - url: https://www.youtube.com/watch?v=Xq7pL2mVb9E\n" \
           "  - file: modul-pecahan.pdf\n" \
           "  - file: 0a1b2c3d-4e5.png\n    alt: 'Poster pecahan senilai: kue bolu dibagi dua, " \
           "empat dan delapan bagian'\n" in text  # in the order the contributor gave them
    assert "shows_students: true\nconsent: true\n" in text
    assert text.endswith("Siswa kelas IV memotong kue *barongko* untuk menemukan bahwa "
                         "1/2 = 2/4 = 4/8.\n\nDurasi 4 menit.\n")
    folder = root / "archive/groups/kkg-mi-contoh/products" / Path(PRODUCT).stem
    assert sorted(p.name for p in folder.iterdir()) == ["0a1b2c3d-4e5.png", "modul-pecahan.pdf"]
    assert check_archive(root).errors == []


def test_without_download_uploads_stay_links(root: Path) -> None:
    result = run(root, "karya.md", "--dry-run")
    assert result.exit_code == 0, result.output
    assert "  - url: https://github.com/user-attachments/files/18123456/modul-pecahan.pdf\n" \
        in result.output
    assert not (root / PRODUCT).exists()


def test_paper_form(root: Path, fake_github: list[str]) -> None:
    result = run(root, "publikasi.md", "--download", "--set", "slug=ptk-pecahan-kue")
    assert result.exit_code == 0, result.output
    text = (root / "content/groups/kkg-mi-contoh/papers/ptk-pecahan-kue.md").read_text()
    assert "authors:\n  - siti-aminah\ntype: ptk\n" in text
    assert "file: laporan-ptk.pdf\npublication:\n  venue: Jurnal Pendidikan Madrasah " \
           "Ibtidaiyah\n" in text
    assert "license: CC-BY-4.0\n" in text
    assert check_archive(root).errors == []


def test_a_bad_form_gets_a_markdown_list_to_post_back(root: Path) -> None:
    result = run(root, "karya-bermasalah.md")
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.startswith("- ")]
    assert lines == [
        "- Bagian berkas tidak memuat tautan https://; tempel tautannya atau seret berkasnya ke "
        "kotak itu.",
        "- Pernyataan belum dicentang: Formulir ini tidak memuat data pribadi: NIK, NIP, NUPTK, "
        "nomor HP/WA, e-mail, alamat, tanggal lahir.",
        "- date: Tanggal `23 Agustus 2025` tidak dikenali: tulis TTTT-BB-HH (2025-03-14) atau "
        "HH/BB/TTTT (14/03/2025).",
        "- authors: Orang `siti-aminahh` belum punya rekaman. Mungkin maksudnya `siti-aminah`? "
        "Buat dulu dengan `jejak new person`.",
        "- Isian wajib `consent` (Apakah izin tertulis orang tua/wali sudah disimpan? (ya/tidak)) "
        "belum diisi.",
    ]
    assert not list((root / "content/groups/kkg-mi-contoh").rglob("video-*"))


def test_github_output_names_the_record(root: Path, fake_github: list[str],
                                        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    output = tmp_path / "github-output"
    monkeypatch.setenv("GITHUB_OUTPUT", str(output))
    assert run(root, "publikasi.md", "--download").exit_code == 0
    assert output.read_text().startswith("record=groups/kkg-mi-contoh/papers/peningkatan-")


def test_only_github_attachments_are_downloaded(tmp_path: Path) -> None:
    with pytest.raises(Exception, match="not a GitHub attachment"):
        issue_form.fetch("https://example.com/x.pdf", tmp_path)
