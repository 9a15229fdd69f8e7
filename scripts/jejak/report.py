"""Rendering problems as text lines, GitHub annotations or JSON (SPEC §5)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable

from jejak.errors import Problem
from jejak.i18n import ui

FORMATS = ("text", "github", "json")


def as_text(problems: Iterable[Problem], lang: str) -> list[str]:
    """One line per problem, even when contributor text in it holds line breaks."""
    return [_one_line(f"{p.path}:{p.line}:{p.column}: {p.severity} {p.code}: {p.message(lang)}")
            for p in problems]


def _one_line(text: str) -> str:
    # A raw line break would split one problem over two lines and, in a GitHub
    # log, let a value such as "x\n::error::..." start a workflow command.
    return text.replace("\r", "\\r").replace("\n", "\\n")


def as_json(problems: Iterable[Problem], lang: str) -> str:
    return json.dumps(
        [
            {"path": p.path, "line": p.line, "column": p.column, "severity": p.severity,
             "code": p.code, "field": p.field, "message": p.message(lang)}
            for p in problems
        ],
        ensure_ascii=False,
        indent=2,
    )


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def as_github(problems: Iterable[Problem], lang: str) -> list[str]:
    """Workflow commands; contributor text is escaped so it cannot inject commands."""
    lines = []
    for p in problems:
        level = "error" if p.severity == "error" else "warning"
        props = ",".join([
            f"file={_escape_property(p.path)}", f"line={p.line}", f"col={p.column}",
            f"title={_escape_property(p.code + (' ' + p.field if p.field else ''))}",
        ])
        lines.append(f"::{level} {props}::{_escape_data(p.message(lang))}")
    return lines


def step_summary(problems: list[Problem], lang: str, records: int) -> str:
    """A Markdown table of every problem, for $GITHUB_STEP_SUMMARY."""
    errors = sum(p.severity == "error" for p in problems)
    head = ui("summary", lang, errors=errors, warnings=len(problems) - errors, records=records)
    if not problems:
        return f"### Jejak\n\n{ui('all_good', lang, records=records)}\n"
    cols = (("File", "Line", "Code", "Message") if lang == "en"
            else ("Berkas", "Baris", "Kode", "Pesan"))
    rows = [f"| {' | '.join(cols)} |", "|---|---|---|---|"]
    for p in problems:
        message = p.message(lang).replace("|", "\\|").replace("\r", " ").replace("\n", " ")
        rows.append(f"| `{p.path}` | {p.line} | {p.code} ({p.severity}) | {message} |")
    return f"### Jejak\n\n{head}\n\n" + "\n".join(rows) + "\n"


def write_step_summary(text: str) -> None:
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if target:
        with open(target, "a", encoding="utf-8") as fh:
            fh.write(text)
