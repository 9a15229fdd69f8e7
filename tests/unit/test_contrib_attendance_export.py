"""Attendance exports read as they come from Google Forms/Sheets, and the text-only edit."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from jejak.contrib.attendance import (
    AttendanceError,
    parse_timestamp,
    read_export,
    rewrite_attendance,
)

CSV = Path(__file__).parents[1] / "fixtures" / "contrib" / "csv"

SESSION = (
    "---\n"
    "# Kegiatan triwulan III\n"
    "title: Asesmen Formatif\n"
    "date: 2025-10-18\n"
    "roles:\n"
    "  host: fitriani-hasan\n"
    "attendees:\n"
    "  - siti-aminah   # ketua hadir\n"
    "  - nurhayati\n"
    "\n"
    "# jumlah dari Google Form\n"
    "participants: 3 # perkiraan awal\n"
    "recording: https://www.youtube.com/watch?v=x\n"
    "---\n"
    "\n"
    "Notulen.\n"
)


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    a, b = before.splitlines(), after.splitlines()
    return [line for line in a if line not in b], [line for line in b if line not in a]


def test_only_the_two_fields_change_and_comments_stay() -> None:
    after = rewrite_attendance(SESSION.encode(), ["siti-aminah", "nurhayati", "a-muliani"],
                               9).decode()
    removed, added = changed_lines(SESSION, after)
    assert removed == ["participants: 3 # perkiraan awal"]
    assert added == ["  - a-muliani", "participants: 9 # perkiraan awal"]
    assert "  - siti-aminah   # ketua hadir" in after
    assert after.endswith("---\n\nNotulen.\n")


def test_replacing_drops_old_items() -> None:
    after = rewrite_attendance(SESSION.encode(), ["a-muliani"], 4).decode()
    assert "siti-aminah" not in after and "  - a-muliani\n" in after
    assert "# jumlah dari Google Form\n" in after


def test_missing_fields_are_inserted_after_roles() -> None:
    text = "---\ntitle: A\nroles:\n  host: x\nrecording: https://a.id/v\n---\nIsi\n"
    after = rewrite_attendance(text.encode(), ["siti-aminah"], 2).decode()
    assert after == ("---\ntitle: A\nroles:\n  host: x\nattendees:\n  - siti-aminah\n"
                     "participants: 2\nrecording: https://a.id/v\n---\nIsi\n")


def test_flow_style_bom_and_crlf_are_kept() -> None:
    text = "\ufeff---\r\ntitle: A\r\nattendees: [siti-aminah]  # daftar\r\nhours: 2\r\n---\r\n"
    after = rewrite_attendance(text.encode("utf-8"), ["siti-aminah", "nurhayati"], 5)
    assert after.startswith(b"\xef\xbb\xbf---\r\n")
    assert b"attendees: [siti-aminah, nurhayati]  # daftar\r\n" in after
    assert b"participants: 5\r\n" in after
    assert b"\n" not in after.replace(b"\r\n", b"")


def test_google_form_export_with_bom_and_indonesian_headers() -> None:
    export = read_export(CSV / "presensi-google-form.csv")
    assert export.name_header == "Nama Lengkap (beserta gelar)"
    assert export.blank_rows == 1
    assert len(export.names) == 9
    assert "Alamat email" in export.ignored_headers and "NIP" in export.ignored_headers
    assert export.first_time == dt.date(2025, 10, 18)


def test_semicolon_windows_1252_export() -> None:
    export = read_export(CSV / "presensi-excel-titik-koma.csv")
    assert export.name_header == "Name"
    assert export.names == ["Dr. Hj. Hasnawati, M.Pd.", "José Ramírez"]


def test_name_column_is_not_the_school_name(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("Timestamp,Nama Madrasah,Nama Guru\n2025/10/18 9:00:00,MIN 1,Siti Aminah\n",
                    encoding="utf-8")
    assert read_export(path).name_header == "Nama Guru"


def test_missing_name_column_is_explained(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("Timestamp,Sekolah\n2025/10/18,MIN 1\n", encoding="utf-8")
    with pytest.raises(AttendanceError, match="--name-column"):
        read_export(path)
    assert read_export(path, "Sekolah").names == ["MIN 1"]


@pytest.mark.parametrize("cell, day", [
    ("18/10/2025 9:02:11", dt.date(2025, 10, 18)),
    ("10/18/2025 9:02:11", dt.date(2025, 10, 18)),
    ("2025/10/18 9:02:11 AM GMT+8", dt.date(2025, 10, 18)),
    ("kemarin", None),
])
def test_parse_timestamp(cell: str, day: dt.date | None) -> None:
    assert parse_timestamp(cell) == day
