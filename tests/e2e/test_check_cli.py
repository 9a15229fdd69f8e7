"""`jejak check` through its real command line: output formats and exit codes of SPEC §5."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from archive_kit import PRODUCT, SESSION, SITI, ArchiveKit
from click.testing import CliRunner, Result

from jejak.cli import main

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
RAPAT = "content/groups/kkg-tepi/sessions/rapat-media.md"

FIVE_PROBLEMS_ID = [
    f"{RAPAT}:3:7: error J205: Tanggal `2025-02-30` di `date` tidak sah: tulis tanggal yang ada "
    "dalam bentuk TTTT-BB-HH, misalnya 2025-03-14.",
    f"{RAPAT}:5:11: error J204: Nilai `langsung` tidak dikenal untuk `delivery`. Nilai yang "
    "diterima: live, recorded.",
    f"{RAPAT}:8:8: error J203: Isian `hours` harus berupa angka (misalnya 2 atau 1.5), bukan "
    "teks `dua`.",
    f"{RAPAT}:9:1: error J201: Isian `platfrom` tidak dikenal untuk kegiatan. Mungkin maksudnya "
    "`platform`? Isian yang diterima: title, date, end, format, delivery, platform, package, "
    "competencies, hours, roles, attendees, participants, stages, materials, recording, flyer, "
    "draft, moved_from, withdrawn.",
    f"{RAPAT}:11:9: error J301: Orang `rahmat-hidayt` di `roles.host` tidak punya rekaman "
    "`content/people/rahmat-hidayt.md`. Mungkin maksudnya `rahmat-hidayat`?",
]
FIVE_PROBLEMS_EN = [
    f"{RAPAT}:3:7: error J205: Date `2025-02-30` in `date` is not valid: write a real date as "
    "YYYY-MM-DD, e.g. 2025-03-14.",
    f"{RAPAT}:5:11: error J204: Unknown value `langsung` for `delivery`. Accepted values: live, "
    "recorded.",
    f"{RAPAT}:8:8: error J203: Field `hours` must be a number (e.g. 2 or 1.5), not text `dua`.",
    f"{RAPAT}:9:1: error J201: Unknown field `platfrom` for session. Did you mean `platform`? "
    "Accepted fields: title, date, end, format, delivery, platform, package, competencies, "
    "hours, roles, attendees, participants, stages, materials, recording, flyer, draft, "
    "moved_from, withdrawn.",
    f"{RAPAT}:11:9: error J301: Person `rahmat-hidayt` in `roles.host` has no record "
    "`content/people/rahmat-hidayt.md`. Did you mean `rahmat-hidayat`?",
]
WARNINGS_EN = [
    "archive/people/rahmat-hidayat/sertifikat-lama.pdf:1:1: warning J415: File "
    "`archive/people/rahmat-hidayat/sertifikat-lama.pdf` is in the archive but no record names "
    "it.",
    "content/people/rahmat-hidayat.md:7:15: warning J503: Number `7314021506880002` in `body` "
    "resembles an NIK/NUPTK (16 digits). Make sure it is not personal data; if it is public, add "
    "it to `privacy_allow`.",
]


def check(*args: str | Path, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(main, ["check", *map(str, args)], env=env)


def _lines(text: str) -> list[str]:
    return text.splitlines()


def test_valid_archive_exits_0(kit: ArchiveKit) -> None:
    result = check(kit.root)
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == "Semua 7 rekaman lolos pemeriksaan.\n"
    result = check(kit.root, "--lang", "en")
    assert result.stderr == "All 7 records passed the check.\n"


def test_all_problems_of_a_file_in_one_run_as_text_lines() -> None:
    result = check(FIXTURES / "check-five-problems")
    assert result.exit_code == 1
    assert _lines(result.stdout) == FIVE_PROBLEMS_ID
    assert result.stderr == "5 galat, 0 peringatan dalam 3 rekaman.\n"


def test_english_with_lang_en() -> None:
    result = check(FIXTURES / "check-five-problems", "--lang", "en")
    assert result.exit_code == 1
    assert _lines(result.stdout) == FIVE_PROBLEMS_EN
    assert result.stderr == "5 error(s), 0 warning(s) in 3 record(s).\n"


def test_warnings_only_exit_0() -> None:
    result = check(FIXTURES / "check-warnings-only", "--lang", "en")
    assert result.exit_code == 0
    assert _lines(result.stdout) == WARNINGS_EN
    assert result.stderr == "0 error(s), 2 warning(s) in 1 record(s).\n"


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("id", "Folder arsip tidak ditemukan: {root}. Jalankan dari folder yang berisi "
               "`content/`, atau sebutkan foldernya.\n"),
        ("en", "Archive folder not found: {root}. Run from the folder that holds `content/`, "
               "or name it.\n"),
    ],
)
def test_root_without_content_exits_2(tmp_path: Path, lang: str, message: str) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n")
    for root in (tmp_path, tmp_path / "tidak-ada"):
        result = check(root, "--lang", lang)
        assert (result.exit_code, result.stdout) == (2, "")
        assert result.stderr == message.format(root=root.resolve())


def test_root_defaults_to_the_current_folder(kit: ArchiveKit, monkeypatch) -> None:
    kit.remove(SITI)
    monkeypatch.chdir(kit.root)
    result = check("--lang", "en")
    assert result.exit_code == 1
    assert "published-ids.txt:8:1: error J305: Id `people/siti-aminah` was published" \
        in result.stdout


def test_json_format() -> None:
    result = check(FIXTURES / "check-five-problems", "--format", "json", "--lang", "en")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert [list(item) for item in data] == [
        ["path", "line", "column", "severity", "code", "field", "message"]] * 5
    assert [f"{d['path']}:{d['line']}:{d['column']}: {d['severity']} {d['code']}: {d['message']}"
            for d in data] == FIVE_PROBLEMS_EN
    assert [d["field"] for d in data] == ["date", "delivery", "hours", "platfrom", "roles.host"]
    assert result.stderr == "5 error(s), 0 warning(s) in 3 record(s).\n"


def test_json_of_a_valid_archive_is_an_empty_array(kit: ArchiveKit) -> None:
    result = check(kit.root, "--format", "json")
    assert (result.exit_code, json.loads(result.stdout)) == (0, [])


def test_github_format_annotations_log_and_step_summary(tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n")
    result = check(FIXTURES / "check-five-problems", "--format", "github", "--lang", "en",
                   env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert result.exit_code == 1
    lines = _lines(result.stdout)
    assert lines[:5] == FIVE_PROBLEMS_EN  # every problem in the log
    assert lines[5:] == [
        f"::error file={RAPAT},line=3,col=7,title=J205 date::Date `2025-02-30` in `date` is not "
        "valid: write a real date as YYYY-MM-DD, e.g. 2025-03-14.",
        f"::error file={RAPAT},line=5,col=11,title=J204 delivery::Unknown value `langsung` for "
        "`delivery`. Accepted values: live, recorded.",
        f"::error file={RAPAT},line=8,col=8,title=J203 hours::Field `hours` must be a number "
        "(e.g. 2 or 1.5), not text `dua`.",
        f"::error file={RAPAT},line=9,col=1,title=J201 platfrom::Unknown field `platfrom` for "
        "session. Did you mean `platform`? Accepted fields: title, date, end, format, delivery, "
        "platform, package, competencies, hours, roles, attendees, participants, stages, "
        "materials, recording, flyer, draft, moved_from, withdrawn.",
        f"::error file={RAPAT},line=11,col=9,title=J301 roles.host::Person `rahmat-hidayt` in "
        "`roles.host` has no record `content/people/rahmat-hidayt.md`. Did you mean "
        "`rahmat-hidayat`?",
    ]
    text = summary.read_text()
    assert text.startswith("earlier step\n### Jejak\n\n5 error(s), 0 warning(s) in 3 record(s).")
    rows = [row for row in text.splitlines() if row.startswith(f"| `{RAPAT}`")]
    assert [row.split(" | ")[1:3] for row in rows] == [
        ["3", "J205 (error)"], ["5", "J204 (error)"], ["8", "J203 (error)"],
        ["9", "J201 (error)"], ["11", "J301 (error)"]]


def test_github_step_summary_has_every_problem_beyond_the_annotation_limit(
        kit: ArchiveKit, tmp_path: Path) -> None:
    # GitHub shows at most 10 annotations of each kind per step: the summary has them all
    for n in range(25):
        kit.write(f"content/groups/kkg-contoh/catatan-{n:02}.txt", "catatan\n")
    summary = tmp_path / "summary.md"
    result = check(kit.root, "--format", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert result.exit_code == 1
    assert sum(line.startswith("::error ") for line in _lines(result.stdout)) == 25
    assert sum(row.startswith("| `content/groups/kkg-contoh/catatan-")
               for row in summary.read_text().splitlines()) == 25


def test_github_format_cannot_be_injected_by_contributor_text(kit: ArchiveKit,
                                                              tmp_path: Path) -> None:
    kit.replace(SESSION, "format: webinar",
                'format: "webinar 100%\\n::warning file=x::tertipu\\r\\n::add-mask::x"')
    kit.replace(PRODUCT, "kind: visual",
                'kind: visual\n"ti%tle,x::y\\n::error::tertipu": Poster')
    summary = tmp_path / "summary.md"
    result = check(kit.root, "--format", "github", "--lang", "en",
                   env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert result.exit_code == 1
    lines = _lines(result.stdout)
    assert len(lines) == 4  # two problems, each once in the log and once as an annotation
    for line in lines:
        assert line.startswith(("content/", "::error file=content/"))
    assert lines[2] == (
        "::error file=content/groups/kkg-contoh/products/poster-pecahan.md,line=6,col=1,"
        "title=J201 ti%25tle%2Cx%3A%3Ay%0A%3A%3Aerror%3A%3Atertipu::Unknown field "
        "`ti%25tle,x::y%0A::error::tertipu` for product. Accepted fields: title, date, authors, "
        "kind, category, package, competencies, subject, level, grade, files, session, "
        "shows_students, consent, license, keywords, draft, moved_from, withdrawn.")
    assert lines[3] == (
        "::error file=content/groups/kkg-contoh/sessions/webinar-pecahan.md,line=4,col=9,"
        "title=J204 format::Unknown value `webinar 100%25%0A::warning file=x::tertipu%0D%0A"
        "::add-mask::x` for `format`. Accepted values: webinar, e-learning, blended, "
        "tatap-muka.")
    text = summary.read_text()
    assert "\r" not in text
    rows = text.splitlines()[text.splitlines().index("|---|---|---|---|") + 1:]
    assert [row[:len("| `content/groups/kkg-contoh/")] for row in rows] == [
        "| `content/groups/kkg-contoh/"] * 2  # one table row per problem, nothing broke out


def test_the_real_jejak_command(tmp_path: Path) -> None:
    command = shutil.which("jejak")
    argv = [command] if command else [sys.executable, "-c", "from jejak.cli import main; main()"]
    done = subprocess.run([*argv, "check", str(FIXTURES / "check-five-problems")],
                          capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert done.returncode == 1
    assert done.stdout.splitlines() == FIVE_PROBLEMS_ID
    done = subprocess.run([*argv, "check", str(tmp_path)], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 2


def test_a_crash_is_could_not_run_not_errors_found(kit: ArchiveKit, monkeypatch) -> None:
    def broken(root):
        raise RuntimeError("rusak di dalam Jejak")

    monkeypatch.setattr("jejak.validate.check_archive", broken)
    result = check(kit.root)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.rstrip().endswith("RuntimeError: rusak di dalam Jejak")
