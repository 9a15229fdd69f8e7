"""Rendering problems: text lines, JSON, GitHub annotations and the step summary (SPEC §5)."""

from __future__ import annotations

import json

from jejak.errors import problem
from jejak.report import as_github, as_json, as_text, step_summary

UNKNOWN = problem("content/people/siti.md", 7, 3, "J204", "format",
                  value="web%inar\n::error::tertipu", accepted=("webinar",), hint="")
STRAY = problem("archive/people/siti/foto lama.png", 1, 1, "J415",
                value="archive/people/siti/foto lama.png")


def test_text_is_one_line_per_problem_even_with_line_breaks_in_values() -> None:
    assert as_text([UNKNOWN, STRAY], "en") == [
        "content/people/siti.md:7:3: error J204: Unknown value `web%inar\\n::error::tertipu` "
        "for `format`. Accepted values: webinar.",
        "archive/people/siti/foto lama.png:1:1: warning J415: File "
        "`archive/people/siti/foto lama.png` is in the archive but no record names it.",
    ]
    assert as_text([UNKNOWN], "id") == [
        "content/people/siti.md:7:3: error J204: Nilai `web%inar\\n::error::tertipu` tidak "
        "dikenal untuk `format`. Nilai yang diterima: webinar.",
    ]


def test_json_has_exactly_the_spec_keys() -> None:
    data = json.loads(as_json([UNKNOWN, STRAY], "en"))
    assert data == [
        {"path": "content/people/siti.md", "line": 7, "column": 3, "severity": "error",
         "code": "J204", "field": "format",
         "message": "Unknown value `web%inar\n::error::tertipu` for `format`. "
                    "Accepted values: webinar."},
        {"path": "archive/people/siti/foto lama.png", "line": 1, "column": 1,
         "severity": "warning", "code": "J415", "field": "",
         "message": "File `archive/people/siti/foto lama.png` is in the archive but no record "
                    "names it."},
    ]
    assert json.loads(as_json([], "id")) == []


def test_github_annotations_escape_contributor_text() -> None:
    sneaky = problem("content/a,b::c.md", 2, 1, "J201", "x,y::z\n%0A",
                     kind="orang", accepted=("name",), hint="")
    lines = as_github([UNKNOWN, STRAY, sneaky], "en")
    assert lines == [
        "::error file=content/people/siti.md,line=7,col=3,title=J204 format::Unknown value "
        "`web%25inar%0A::error::tertipu` for `format`. Accepted values: webinar.",
        "::warning file=archive/people/siti/foto lama.png,line=1,col=1,title=J415::File "
        "`archive/people/siti/foto lama.png` is in the archive but no record names it.",
        "::error file=content/a%2Cb%3A%3Ac.md,line=2,col=1,title=J201 x%2Cy%3A%3Az%0A%250A::"
        "Unknown field `x,y::z%0A%250A` for orang. Accepted fields: name.",
    ]
    for line in lines:  # nothing a runner could read as a second command
        assert "\n" not in line and "\r" not in line
        assert line.count("::") >= 2 and line.startswith(("::error ", "::warning "))


def test_step_summary_lists_every_problem() -> None:
    summary = step_summary([UNKNOWN, STRAY], "en", records=3)
    assert summary == (
        "### Jejak\n\n1 error(s), 1 warning(s) in 3 record(s).\n\n"
        "| File | Line | Code | Message |\n"
        "|---|---|---|---|\n"
        "| `content/people/siti.md` | 7 | J204 (error) | Unknown value "
        "`web%inar ::error::tertipu` for `format`. Accepted values: webinar. |\n"
        "| `archive/people/siti/foto lama.png` | 1 | J415 (warning) | File "
        "`archive/people/siti/foto lama.png` is in the archive but no record names it. |\n"
    )


def test_step_summary_escapes_table_pipes_and_says_all_good() -> None:
    piped = problem("content/x.md", 1, 1, "J217", "a|b")
    assert "Text `a\\|b` is empty" in step_summary([piped], "en", records=1)
    assert step_summary([], "id", records=4) == (
        "### Jejak\n\nSemua 4 rekaman lolos pemeriksaan.\n")
