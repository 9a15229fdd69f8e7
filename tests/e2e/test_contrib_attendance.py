"""`jejak import attendance` on real-looking Google Forms exports."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from jejak.cli import main
from jejak.validate import check_archive

FIXTURES = Path(__file__).parents[1] / "fixtures" / "contrib"
CSV = FIXTURES / "csv"
SESSION = "content/groups/kkg-mi-contoh/sessions/webinar-asesmen-formatif.md"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    target = tmp_path / "arsip"
    shutil.copytree(FIXTURES / "archive", target)
    return target


def run(root: Path, csv: str, *args: str):
    return CliRunner().invoke(main, ["import", "attendance", str(CSV / csv), str(root), *args])


def diff(before: str, after: str) -> tuple[list[str], list[str]]:
    a, b = before.splitlines(), after.splitlines()
    return [x for x in a if x not in b], [x for x in b if x not in a]


def test_matches_people_counts_everyone_and_changes_two_fields_only(root: Path) -> None:
    before = (root / SESSION).read_text()
    result = run(root, "presensi-google-form.csv", "--session", "webinar-asesmen-formatif")
    assert result.exit_code == 0, result.output
    after = (root / SESSION).read_text()
    removed, added = diff(before, after)
    assert removed == ["participants: 3 # perkiraan awal"]
    assert added == ["  - muhammad-yusuf", "  - nurhayati", "  - fitriani-hasan",
                     "participants: 7 # perkiraan awal"]
    assert after.startswith("---\n# Kegiatan triwulan III; presensi dari Google Form\n")
    assert check_archive(root).errors == []
    out = result.output
    assert "Baris: 9 berisi nama (1 kosong), 2 kiriman ganda, 7 peserta unik" in out
    assert "    MUHAMMAD YUSUF S.Pd → muhammad-yusuf" in out
    assert "    Dra. Hj. Nurhayati → nurhayati" in out
    assert "Nama mirip yang perlu diperiksa (1), BELUM diterapkan" in out
    assert "    Andi Rahmawatii, S.Pd. ≈ andi-rahmawati (97%)" in out
    assert "Tanpa rekaman orang: 3 (dihitung di participants, namanya tidak ditulis)" in out
    assert "attendees: 1 → 4; participants: 3 → 7" in out
    assert "Budi Santoso" not in out  # names without a record are not even printed by default


def test_nothing_but_slugs_and_a_number_reaches_the_archive(root: Path) -> None:
    run(root, "presensi-google-form.csv", "--session", "webinar-asesmen-formatif",
        "--accept-close")
    text = (root / SESSION).read_text()
    for private in ("@gmail.com", "gmail", "Budi", "Ratna", "0812", "198504122009012003",
                    "MIN 2", "Bermanfaat", "Rahmawatii"):
        assert private not in text
    assert "  - andi-rahmawati\n" in text


def test_accept_close_and_english_summary(root: Path) -> None:
    result = run(root, "presensi-google-form.csv", "--session",
                 "kkg-mi-contoh/webinar-asesmen-formatif", "--accept-close", "--lang", "en")
    assert result.exit_code == 0
    assert "Close matches to review (1), applied (--accept-close):" in result.output
    assert "attendees: 1 → 5; participants: 3 → 7" in result.output


def test_running_twice_changes_nothing_the_second_time(root: Path) -> None:
    run(root, "presensi-google-form.csv", "--session", "webinar-asesmen-formatif")
    once = (root / SESSION).read_bytes()
    result = run(root, "presensi-google-form.csv", "--session", "webinar-asesmen-formatif")
    assert "Tidak ada yang berubah." in result.output
    assert (root / SESSION).read_bytes() == once


def test_dry_run_writes_nothing(root: Path) -> None:
    before = (root / SESSION).read_bytes()
    result = run(root, "presensi-google-form.csv", "--session", "webinar-asesmen-formatif",
                 "--dry-run", "--show-unmatched")
    assert "Uji coba: tidak ada yang ditulis." in result.output
    assert "    - Budi Santoso, S.Pd." in result.output  # on screen only, on request
    assert (root / SESSION).read_bytes() == before


def test_semicolon_export_adds_fields_to_a_session_without_them(root: Path) -> None:
    path = root / "content/groups/kkg-mi-contoh/sessions/webinar-modul-ajar.md"
    result = run(root, "presensi-excel-titik-koma.csv", "--session", "webinar-modul-ajar")
    assert result.exit_code == 0, result.output
    assert path.read_text().endswith("  host: andi-rahmawati\nattendees:\n  - hasnawati\n"
                                     "participants: 2\n---\n")
    assert "jauh dari tanggal kegiatan (2025-07-12)" in result.output
    assert check_archive(root).errors == []


def test_unknown_session_is_explained(root: Path) -> None:
    result = run(root, "presensi-google-form.csv", "--session", "webinar-asesmen")
    assert result.exit_code == 1
    assert "Mungkin maksudnya / did you mean `webinar-asesmen-formatif`?" in result.output


def test_no_temp_files_are_left(root: Path) -> None:
    run(root, "presensi-google-form.csv", "--session", "webinar-asesmen-formatif")
    folder = root / "content/groups/kkg-mi-contoh/sessions"
    assert sorted(p.name for p in folder.iterdir()) == ["webinar-asesmen-formatif.md",
                                                         "webinar-modul-ajar.md"]
