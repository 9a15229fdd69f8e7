"""The strict loader: scalar typing, marks of every key and value, encodings, line ends."""

from __future__ import annotations

import pytest

from jejak.loader import MAX_DEPTH, dotted, human_size, parse_record

RECORD = """\
---
title: Webinar Media
date: 2025-03-14
roles:
  host: siti-aminah
  presenters:
    - budi-santoso
    - {name: Dr. Andi, affiliation: UNM}
files:
  - file: poster.png
    alt: "Tiga pizza"
---
Notulen rapat.

Baris kedua.
"""


def _record(text: str = RECORD):
    result = parse_record(text.encode("utf-8"), "content/x.md")
    assert result.problems == []
    assert result.record is not None
    return result.record


@pytest.mark.parametrize(
    ("at", "value_mark", "key_mark"),
    [
        (("title",), (2, 8), (2, 1)),
        (("date",), (3, 7), (3, 1)),
        (("roles",), (5, 3), (4, 1)),
        (("roles", "host"), (5, 9), (5, 3)),
        (("roles", "presenters", 0), (7, 7), (7, 7)),
        (("roles", "presenters", 1), (8, 7), (8, 7)),
        (("roles", "presenters", 1, "affiliation"), (8, 37), (8, 24)),
        (("files", 0, "file"), (10, 11), (10, 5)),
        (("files", 0, "alt"), (11, 10), (11, 5)),
    ],
)
def test_every_key_and_value_has_its_line_and_column(at, value_mark, key_mark) -> None:
    record = _record()
    assert record.mark(at) == value_mark
    assert record.mark(at, key=True) == key_mark


def test_a_missing_path_falls_back_to_its_nearest_parent() -> None:
    record = _record()
    assert record.mark(("roles", "moderator")) == record.mark(("roles",))
    assert record.mark(("nothing", "here")) == (1, 1)


def test_body_and_its_first_line() -> None:
    record = _record()
    assert record.body == "Notulen rapat.\n\nBaris kedua.\n"
    assert record.body_line == 13


@pytest.mark.parametrize(
    ("plain", "expected"),
    [
        ("true", True),
        ("false", False),
        ("12", 12),
        ("-3", -3),
        ("0", 0),
        ("1.5", 1.5),
        ("~", None),
        ("null", None),
        ("", None),
        # everything else stays text: no YAML 1.1 surprises
        ("081234567890", "081234567890"),  # a phone number is never an int
        ("0812", "0812"),
        ("017", "017"),  # never octal
        ("0o17", "0o17"),
        ("0x1F", "0x1F"),
        ("1_000", "1_000"),
        ("1e3", "1e3"),
        (".5", ".5"),
        (".inf", ".inf"),
        ("12:30", "12:30"),  # never sexagesimal
        ("yes", "yes"),
        ("no", "no"),
        ("on", "on"),
        ("off", "off"),
        ("y", "y"),
        ("True", "True"),
        ("FALSE", "FALSE"),
        ("Null", "Null"),
        ("2025-03-14", "2025-03-14"),  # dates are checked later, where the line is known
        ("2024-02-30", "2024-02-30"),
        ("2025-03-14 10:00:00", "2025-03-14 10:00:00"),
        ('"12"', "12"),
        ("'true'", "true"),
    ],
)
def test_only_true_false_and_plain_decimals_are_not_text(plain: str, expected) -> None:
    record = _record(f"---\nvalue: {plain}\n---\n")
    assert record.data["value"] == expected
    assert type(record.data["value"]) is type(expected)


def _same_record(raw: bytes):
    result = parse_record(raw, "content/x.md")
    assert result.problems == []
    return result.record


@pytest.mark.parametrize(
    "raw",
    [
        RECORD.replace("\n", "\r\n").encode("utf-8"),
        b"\xef\xbb\xbf" + RECORD.encode("utf-8"),
        b"\xef\xbb\xbf" + RECORD.replace("\n", "\r\n").encode("utf-8"),
        RECORD.replace("\n", "\r").encode("utf-8"),
    ],
    ids=["crlf", "bom", "bom-crlf", "cr"],
)
def test_bom_and_windows_line_ends_are_accepted_with_the_same_marks(raw: bytes) -> None:
    plain, other = _record(), _same_record(raw)
    assert other.data == plain.data
    assert other.marks == plain.marks
    assert other.body == plain.body
    assert other.body_line == plain.body_line


def test_closing_line_may_carry_trailing_spaces() -> None:
    record = _record("---\ntitle: A\n---  \nIsi.\n")
    assert record.data == {"title": "A"}
    assert record.body == "Isi.\n"


def test_a_body_may_hold_a_horizontal_rule() -> None:
    record = _record("---\ntitle: A\n---\nAtas\n\n---\n\nBawah\n")
    assert record.body == "Atas\n\n---\n\nBawah\n"


@pytest.mark.parametrize(
    ("yaml_text", "codes"),
    [
        ("a: &x 1\nb: *x\n", ["J111", "J111"]),
        ("a: !!binary aGFsbw==\n", ["J112"]),
        ("a: !!timestamp 2025-03-14\n", ["J112"]),
        ("a: !!set {x, y}\n", ["J112"]),
        ("a: !!python/name:os.system\n", ["J112"]),
        ("? [a, b]\n: c\n", ["J114"]),
        ("true: x\n", ["J114"]),
        ("a: 1\na: 2\n", ["J110"]),
        ("a: " + "[" * MAX_DEPTH + "]" * MAX_DEPTH + "\n", []),
        ("a: " + "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1) + "\n", ["J109"]),
        ("a:\n" + "".join("  " * i + "- \n" for i in range(1, 20)), ["J109"]),
    ],
    ids=["alias", "binary", "timestamp", "set", "python-name", "list-key", "bool-key",
         "duplicate", "depth-limit", "too-deep", "too-deep-block"],
)
def test_risky_yaml_is_refused(yaml_text: str, codes: list[str]) -> None:
    result = parse_record(f"---\n{yaml_text}---\n".encode(), "content/x.md")
    assert [p.code for p in result.problems] == codes


def test_billion_laughs_is_refused_before_expansion() -> None:
    lines = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for i in range(1, 9):
        prev, name = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]")
    result = parse_record(("---\n" + "\n".join(lines) + "\n---\n").encode(), "content/x.md")
    assert result.record is None
    assert {p.code for p in result.problems} == {"J111"}


def test_a_duplicate_key_keeps_the_first_value_and_names_both_lines() -> None:
    result = parse_record(b"---\nname: Siti\nconsent: true\nname: Budi\n---\n", "content/x.md")
    assert result.record is not None and result.record.data["name"] == "Siti"
    [dup] = result.problems
    assert (dup.line, dup.column, dup.field) == (4, 1, "name")
    assert dup.message("en") == "Field `name` is given twice (also on line 2). Remove one of them."


def test_yaml_error_mark_counts_the_opening_line() -> None:
    result = parse_record(b"---\ntitle: a\nbad: 'a' b\n---\n", "content/x.md")
    [error] = result.problems
    assert (error.code, error.line, error.column) == ("J101", 3, 10)


def test_an_unclosed_bracket_is_shown_where_it_opened() -> None:
    result = parse_record(b"---\ntitle: a\nbad: [unclosed\nother: 1\n---\n", "content/x.md")
    [error] = result.problems
    assert (error.code, error.line, error.column) == ("J101", 3, 6)


def test_opening_line_may_carry_trailing_spaces() -> None:
    result = parse_record(b"--- \ntitle: a\n---\nIsi.\n", "content/x.md")
    assert result.problems == []
    assert result.record is not None
    assert result.record.mark(("title",)) == (2, 8)
    assert (result.record.body, result.record.body_line) == ("Isi.\n", 4)


@pytest.mark.parametrize(
    ("at", "expected"),
    [
        ((), ""),
        (("title",), "title"),
        (("files", 0, "alt"), "files[0].alt"),
        (("roles", "presenters", 2), "roles.presenters[2]"),
        (("awards", 0, "works", 1), "awards[0].works[1]"),
    ],
)
def test_dotted(at, expected: str) -> None:
    assert dotted(at) == expected


@pytest.mark.parametrize(
    ("size", "shown"),
    [(0, "0 B"), (999, "999 B"), (1000, "1 KB"), (1536, "1.54 KB"), (1_000_000, "1 MB"),
     (1_020_000, "1.02 MB"), (25_000_000, "25 MB"), (3_000_000_000, "3 GB")],
)
def test_human_size(size: int, shown: str) -> None:
    assert human_size(size) == shown
