"""`jejak new`: every kind, by options and by answering questions; never overwrites."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from jejak.cli import main
from jejak.validate import check_archive

FIXTURES = Path(__file__).parents[1] / "fixtures" / "contrib"
FILES = FIXTURES / "files"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    target = tmp_path / "arsip"
    shutil.copytree(FIXTURES / "archive", target)
    return target


def run(root: Path, *args: str, input: str | None = None):
    return CliRunner().invoke(main, ["new", *args[:1], str(root), *args[1:]], input=input)


def errors(root: Path) -> list[str]:
    return [f"{p.path}:{p.line}: {p.code} {p.message('en')}" for p in check_archive(root).errors]


def sets(**values: str) -> list[str]:
    out = []
    for key, value in values.items():
        out += ["--set", f"{key.replace('__', '.')}={value}"]
    return out


CASES = {
    "person": (sets(name="Budi Santoso, S.Pd.", positions="guru", institution="SDN 5 Contoh",
                    consent="ya", subjects="Matematika, IPAS"),
               "content/people/budi-santoso.md"),
    "group": (sets(name="MGMP Matematika MTs Kota Contoh", kind="MGMP", ministry="kemenag",
                   level="MTs", subject="Matematika", region__province="Sulawesi Selatan",
                   region__regency="Kota Contoh", region__code="73.72", founded="2019",
                   members="Siti Aminah; muhammad-yusuf", slug="mgmp-matematika-mts-contoh"),
              "content/groups/mgmp-matematika-mts-contoh/index.md"),
    "plan": (sets(group="kkg-mi-contoh", year="2026",
                  packages="perangkat, metode, media, penilaian",
                  **{"theme.perangkat": "Modul ajar", "theme.metode": "Pembelajaran mendalam",
                     "theme.media": "Video pembelajaran", "theme.penilaian": "Asesmen formatif"}),
             "content/groups/kkg-mi-contoh/plans/2026.md"),
    "session": (sets(group="kkg-mi-contoh", title="E-learning PTK 2025", date="2025-07-01",
                     end="2025-09-30", format="e-learning", delivery="recorded",
                     platform="Google Classroom", package="metode",
                     competencies="profesional", hours="32", roles__host="fitriani-hasan",
                     roles__speakers="Dr. Hj. Hasnawati, M.Pd.; Prof. Ahmad (UNM)",
                     stages="Pendahuluan, 2025-07-01, 2025-07-07; Proposal | 2025-07-08 | "
                            "2025-07-31")
                + ["--file", f"flyer={FILES / 'poster.png'}",
                   "--file", str(FILES / "modul-ajar.pdf")],
                "content/groups/kkg-mi-contoh/sessions/e-learning-ptk-2025.md"),
    "product": (sets(group="kkg-mi-contoh", title="Foto Praktik Diferensiasi", date="2025-09-02",
                     authors="andi-rahmawati", kind="visual", package="metode",
                     competencies="pedagogik", shows_students="ya", consent="ya",
                     session="webinar-modul-ajar")
                + ["--file", str(FILES / "foto kegiatan.JPG"), "--alt",
                   "Siswa berkelompok mengerjakan lembar kerja berbeda",
                   "--url", "https://www.youtube.com/watch?v=abcdEFGH123"],
                "content/groups/kkg-mi-contoh/products/foto-praktik-diferensiasi.md"),
    "paper": (sets(group="kkg-mi-contoh", title="PTK Pecahan Kelas IV", date="2025-09-30",
                   authors="siti-aminah", type="ptk", abstract="Dua siklus; ketuntasan naik.",
                   publication__venue="Jurnal Madrasah", publication__doi="10.1234/jm.2025.7")
              + ["--file", str(FILES / "modul-ajar.pdf")],
              "content/groups/kkg-mi-contoh/papers/ptk-pecahan-kelas-iv.md"),
}


@pytest.mark.parametrize("kind", list(CASES))
def test_new_without_questions_writes_a_record_that_passes_check(root: Path, kind: str) -> None:
    args, path = CASES[kind]
    result = run(root, kind, "--no-input", *args)
    assert result.exit_code == 0, result.output
    assert f"Rekaman baru ditulis: {path}" in result.output
    assert (root / path).is_file()
    assert errors(root) == []


def test_files_are_copied_renamed_and_referenced(root: Path) -> None:
    args, path = CASES["product"]
    result = run(root, "product", "--no-input", *args)
    assert "foto kegiatan.JPG → foto-kegiatan.jpg" in result.output
    folder = root / "archive/groups/kkg-mi-contoh/products/foto-praktik-diferensiasi"
    assert (folder / "foto-kegiatan.jpg").read_bytes() == (FILES / "foto kegiatan.JPG").read_bytes()
    text = (root / path).read_text()
    assert ("files:\n  - file: foto-kegiatan.jpg\n    alt: Siswa berkelompok mengerjakan lembar "
            "kerja berbeda\n  - url: https://www.youtube.com/watch?v=abcdEFGH123\n") in text


def test_session_files_go_to_their_fields(root: Path) -> None:
    args, path = CASES["session"]
    assert run(root, "session", "--no-input", *args).exit_code == 0
    text = (root / path).read_text()
    assert "materials:\n  - file: modul-ajar.pdf\n    title: Modul ajar\n" in text
    assert "flyer: poster.png\n" in text
    assert "  speakers:\n    - hasnawati\n    - name: Prof. Ahmad\n      affiliation: UNM\n" in text


def test_never_overwrites_a_record(root: Path) -> None:
    target = root / "content/groups/kkg-mi-contoh/sessions/webinar-modul-ajar.md"
    before = target.read_bytes()
    result = run(root, "session", "--no-input", *sets(
        group="kkg-mi-contoh", title="Webinar Modul Ajar", slug="webinar-modul-ajar",
        date="2025-07-12", format="webinar", delivery="live", package="perangkat",
        competencies="pedagogik", hours="2"))
    assert result.exit_code == 1
    assert ("Rekaman `content/groups/kkg-mi-contoh/sessions/webinar-modul-ajar.md` sudah ada; "
            "Jejak tidak pernah menimpa rekaman.") in result.output
    assert target.read_bytes() == before


def test_no_input_lists_every_missing_and_wrong_answer(root: Path) -> None:
    result = run(root, "product", "--no-input", *sets(group="kkg-mi-contoh", title="X",
                                                      kind="videoo", colour="merah"))
    assert result.exit_code == 1
    out = result.output
    assert "Isian `colour` tidak dikenal untuk karya." in out
    assert "kind: Nilai `videoo` tidak dikenal untuk `kind`. Mungkin maksudnya `video`?" in out
    assert "Isian wajib `authors` (Pembuat) belum diisi." in out
    assert "Isian wajib `package` (Paket kerja) belum diisi." in out
    assert "Tidak ada yang ditulis" in out
    assert not (root / "content/groups/kkg-mi-contoh/products/x.md").exists()


def test_product_without_files_is_refused(root: Path) -> None:
    result = run(root, "product", "--no-input", *sets(
        group="kkg-mi-contoh", title="Tanpa Berkas", authors="siti-aminah", kind="dokumen",
        package="media", competencies="pedagogik"))
    assert result.exit_code == 1
    assert "Isian wajib `files`" in result.output


def test_dry_run_prints_and_writes_nothing(root: Path) -> None:
    args, path = CASES["paper"]
    result = run(root, "paper", "--no-input", "--dry-run", *args)
    assert result.exit_code == 0
    assert result.output.startswith(f"# {path}\n---\ntitle: PTK Pecahan Kelas IV\n")
    assert not (root / path).exists()
    assert not (root / "archive/groups/kkg-mi-contoh/papers").exists()


def test_failed_final_check_leaves_nothing_behind(root: Path, tmp_path: Path) -> None:
    fake = tmp_path / "bukan-gambar.png"
    fake.write_bytes(b"%PDF-1.4 not an image")
    args, path = CASES["product"]
    args = [a if "foto kegiatan" not in a else str(fake) for a in args]
    result = run(root, "product", "--no-input", *args)
    assert result.exit_code == 1
    assert "J407" in result.output
    assert not (root / path).exists()
    assert not (root / "archive/groups/kkg-mi-contoh/products").exists()


def test_questions_are_checked_as_they_are_typed(root: Path) -> None:
    answers = "\n".join([
        "",  # group: the only one is the default
        "Poster Adab Belajar", "",  # title, slug from title
        "23/08/2025", "andi rahmawati",
        "visuall", "visual",  # a typo is explained and asked again
        "", "media", "pedagogik, sosiall", "pedagogik, sosial", "", "MI", "13", "3", "",
        "ya", "tidak", "ya",  # shows students; consent refused, then given
        "adab, poster", "Poster dibuat bersama siswa.",
        str(FILES / "poster.png"), "", "",  # files, then no links
        "Poster lima adab belajar dengan gambar anak membaca",
    ]) + "\n"
    result = run(root, "product", input=answers)
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Jenis karya (pilihan: audio, visual, video, dokumen)" in out
    assert "✗ Nilai `visuall` tidak dikenal untuk `kind`. Mungkin maksudnya `visual`?" in out
    assert "✗ Nilai `13` di `grade` di luar rentang 1–12." in out
    assert "✗ Tanpa persetujuan, rekaman ini tidak boleh dibuat." in out
    text = (root / "content/groups/kkg-mi-contoh/products/poster-adab-belajar.md").read_text()
    assert text.startswith("---\ntitle: Poster Adab Belajar\ndate: 2025-08-23\nauthors:\n"
                           "  - andi-rahmawati\nkind: visual\n")
    assert "    alt: Poster lima adab belajar dengan gambar anak membaca\n" in text
    assert text.endswith("---\n\nPoster dibuat bersama siswa.\n")
    assert errors(root) == []


def test_questions_in_english(root: Path) -> None:
    result = run(root, "person", "--lang", "en", input="Budi Santoso\n\nguru\n\n\ntidak\nyes\n\n\n")
    assert result.exit_code == 0, result.output
    assert "Has this person agreed to a public profile on the site? (yes/no)" in result.output
    assert "✗ Without consent this record may not be created." in result.output
    assert "New record written: content/people/budi-santoso.md" in result.output


def test_fields_lists_every_key(root: Path) -> None:
    result = run(root, "session", "--fields")
    assert result.exit_code == 0
    for key in ("title", "roles.host", "roles.presenters", "stages", "participants"):
        assert f"  {key} " in result.output


def test_not_an_archive_exits_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["new", "person", str(tmp_path), "--no-input"])
    assert result.exit_code == 2
