"""Click adapter of the contribution commands: `jejak new` and `jejak import …`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from jejak.contrib.forms import KINDS, Env, Invalid, Question, questions
from jejak.contrib.messages import say
from jejak.errors import JejakError

LANG = click.option("--lang", type=click.Choice(["id", "en"]), default="id", show_default=True,
                    help="Language of questions and messages: id (Indonesian) or en.")
ROOT = click.argument("root", type=click.Path(file_okay=False, path_type=Path), default=".",
                      required=False)


class _Choice(click.Choice):
    """click.Choice that also takes a vocabulary label and explains itself in Indonesian."""

    def __init__(self, choices, lang: str):
        super().__init__(choices, case_sensitive=False)
        self.lang = lang

    def convert(self, value, param, ctx):
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            return value  # labels and near-misses go to the schema check, which explains


class Prompter:
    """Asks each question with click.prompt until the schema accepts the answer."""

    def __init__(self, lang: str):
        self.lang = lang

    def error(self, message: str) -> None:
        click.secho(f"  ✗ {message}", fg="red", err=True)

    def __call__(self, question: Question, default: str | None, env: Env, required: bool) -> Any:
        text = env.text(question.label)
        extras = []
        if question.choices:
            extras.append(f"{say('choose', self.lang)}: {', '.join(question.choices)}")
        if question.hint:
            extras.append(env.text(question.hint))
        if not required:
            extras.append(say("optional", self.lang))
        if extras:
            text += f" ({'; '.join(extras)})"
        kind = _Choice(question.choices, self.lang) if question.choices and \
            not question.multiple else None
        while True:
            raw = click.prompt(text, default=default if default is not None else "",
                               show_default=default is not None, type=kind,
                               show_choices=False)
            raw = str(raw)
            if not raw.strip():
                if not required:
                    return None
                self.error(say("missing", self.lang, key=question.key, label=env.text(
                    question.label)))
                continue
            try:
                return question.parse(raw, env)
            except Invalid as exc:
                self.error(str(exc))


def _ask_files(lang: str):
    def ask(kind: str, what: str) -> list[str]:
        label = say("file_prompt" if what == "file" else "url_prompt", lang)
        out = []
        while True:
            value = click.prompt(label, default="", show_default=False).strip()
            if not value:
                return out
            if what == "file" and not Path(value).expanduser().is_file():
                click.secho(f"  ✗ {say('no_file', lang, path=value)}", fg="red", err=True)
                continue
            if what == "url" and not value.startswith("https://"):
                click.secho("  ✗ https://…", fg="red", err=True)
                continue
            out.append(str(Path(value).expanduser()) if what == "file" else value)
    return ask


def _cannot_run(exc: Exception, lang: str) -> None:
    from jejak.i18n import render

    click.echo(render("J001", lang, {"root": str(exc)}) if isinstance(exc, JejakError)
               else f"jejak: {exc}", err=True)
    sys.exit(2)


def _print_problems(problems: dict[str, list[str]], lang: str) -> None:
    for label, messages in problems.items():
        if label:
            click.secho(label, bold=True, err=True)
        for message in messages:
            click.echo(f"  {message}", err=True)


def _fields_help(kind: str, lang: str) -> str:
    env_lang = "en" if lang == "en" else "id"
    lines = []
    for q in questions(kind):
        label = q.label.en if env_lang == "en" else q.label.id
        choices = f" [{', '.join(q.choices)}]" if q.choices else ""
        lines.append(f"  {q.key:<24} {label}{choices}")
    return "\n".join(lines)


@click.command("new")
@click.argument("kind", type=click.Choice(KINDS))
@ROOT
@click.option("--set", "sets", multiple=True, metavar="FIELD=VALUE",
              help="Answer a question without being asked, e.g. --set title=\"Modul Pecahan\". "
                   "Repeatable. --fields lists the fields of KIND.")
@click.option("--file", "files", multiple=True, metavar="[FIELD=]PATH",
              help="Copy a file into the record's archive folder. Repeatable. FIELD picks the "
                   "field (e.g. flyer=poster.png); default: files (product), file (paper), "
                   "materials (session), photo (person), logo (group).")
@click.option("--url", "urls", multiple=True, metavar="URL",
              help="A product kept elsewhere (YouTube, Drive), or a session's recording.")
@click.option("--alt", "alts", multiple=True, metavar="TEXT",
              help="Alternative text of each image given with --file, in order.")
@click.option("--caption", "captions", multiple=True, metavar="TEXT",
              help="Caption of each file or URL, in order.")
@click.option("--no-input", is_flag=True,
              help="Never ask: use --set values and defaults, fail if a required one is missing.")
@click.option("--dry-run", is_flag=True, help="Print the record instead of writing it.")
@click.option("--fields", "list_fields", is_flag=True, help="List the fields of KIND and exit.")
@LANG
def new(kind: str, root: Path, sets: tuple[str, ...], files: tuple[str, ...],
        urls: tuple[str, ...], alts: tuple[str, ...], captions: tuple[str, ...], no_input: bool,
        dry_run: bool, list_fields: bool, lang: str) -> None:
    """Write a new record of KIND (group, person, plan, session, product, paper) in ROOT.

    Asks in Indonesian for each field (--lang en for English), checking every
    answer as it is typed; copies the given files into the archive/ folder; and
    writes a record that passes `jejak check`. An existing record or file is
    never overwritten. Exit status: 0 written, 1 refused, 2 could not run.
    """
    from jejak.contrib.new import Given, draft_record, parse_file_option, parse_set

    if list_fields:
        click.echo(_fields_help(kind, lang))
        return
    values, errors = parse_set(list(sets), lang)
    given = Given(values, [parse_file_option(f) for f in files], list(urls), list(alts),
                  list(captions))
    if errors:
        _print_problems({"": errors}, lang)
        sys.exit(1)
    from jejak.contrib.archive_index import ArchiveIndex

    try:
        index = ArchiveIndex.read(root)
    except JejakError as exc:
        _cannot_run(exc, lang)
        return
    ask = None if no_input else Prompter(lang)
    ask_files = None if no_input else _ask_files(lang)
    draft = draft_record(kind, root, given, lang, ask, ask_files, index=index)
    if draft.record is None:
        _print_problems({"": draft.errors}, lang)
        click.echo(say("not_written", lang), err=True)
        sys.exit(1)
    for old, new_name in draft.renamed:
        click.echo(f"{old} → {new_name}", err=True)
    if _write_one(root, index, draft.record, lang, dry_run, _print_problems):
        click.echo(say("next_steps", lang))


@click.group("import")
def import_group() -> None:
    """Bring in data from elsewhere: attendance exports, lists of works, issue forms."""


def register(main: click.Group) -> None:
    """Add `new` and `import` to the jejak command group."""
    main.add_command(new)
    main.add_command(import_group)


@import_group.command("attendance")
@click.argument("csv_file", metavar="CSV", type=click.Path(dir_okay=False, exists=True,
                                                            path_type=Path))
@click.option("--session", required=True, metavar="ID",
              help="The session: groups/<group>/sessions/<slug>, <group>/<slug>, or a slug "
                   "unique in the archive.")
@ROOT
@click.option("--accept-close", is_flag=True,
              help="Also add the close (fuzzy) matches listed for review.")
@click.option("--threshold", type=click.FloatRange(50, 100), default=85.0, show_default=True,
              help="Similarity (0-100) from which a name counts as a close match.")
@click.option("--name-column", default=None, metavar="HEADER",
              help="The column holding names (default: found from headers such as "
                   "'Nama Lengkap').")
@click.option("--replace", is_flag=True,
              help="Replace attendees and participants instead of adding to them.")
@click.option("--dry-run", is_flag=True, help="Print the summary; write nothing.")
@click.option("--show-unmatched", is_flag=True,
              help="Also print the names without a person record (on screen only; never "
                   "written).")
@LANG
def attendance_command(csv_file: Path, session: str, root: Path, accept_close: bool,
                       threshold: float, name_column: str | None, replace: bool, dry_run: bool,
                       show_unmatched: bool, lang: str) -> None:
    """Add the attendance of a Google Forms / Sheets export (CSV) to a session.

    Names that match a person record (ignoring case and titles such as S.Pd.,
    M.Pd., Dra., Hj.) become `attendees`; close matches are listed and added only
    with --accept-close; everyone else is counted in `participants`, never
    written by name. E-mail addresses and other columns are never written.
    Only the `attendees:` and `participants:` lines of the session change.
    """
    from jejak.contrib.attendance import AttendanceError, import_attendance, summary

    try:
        result = import_attendance(root, session, csv_file, accept_close, threshold, name_column,
                                   replace, dry_run)
    except AttendanceError as exc:
        click.echo(f"jejak import attendance: {exc}", err=True)
        sys.exit(1)
    except JejakError as exc:
        _cannot_run(exc, lang)
        return
    for line in summary(result, lang, show_unmatched):
        click.echo(line)


@import_group.command("works")
@click.argument("csv_file", metavar="CSV", type=click.Path(dir_okay=False, exists=True,
                                                            path_type=Path))
@ROOT
@click.option("--kind", type=click.Choice(["product", "paper"]), default=None,
              help="Kind of every row (default: the column 'jenis rekaman': karya/publikasi).")
@click.option("--group", default=None, help="Group of every row without a 'kelompok' column.")
@click.option("--files-dir", type=click.Path(file_okay=False, exists=True, path_type=Path),
              default=None, help="Where the files named in the sheet are (default: beside CSV).")
@click.option("--dry-run", is_flag=True, help="Check every row; write nothing.")
@LANG
def works_command(csv_file: Path, root: Path, kind: str | None, group: str | None,
                  files_dir: Path | None, dry_run: bool, lang: str) -> None:
    """Turn a spreadsheet (CSV) of products or papers into records.

    Every row is checked first and reported with what failed and why; records
    are written only when every row passes (all or none). Columns may use the
    field names (title, date, authors…) or Indonesian headers (Judul, Tanggal,
    Penulis, Jenis, Paket, Kompetensi, Berkas, Tautan…). Other columns, e-mail
    addresses included, are ignored and never written.
    """
    from jejak.contrib.attendance import AttendanceError
    from jejak.contrib.works import import_works

    try:
        result = import_works(root, csv_file, kind, group, files_dir, lang, dry_run)
    except AttendanceError as exc:
        click.echo(f"jejak import works: {exc}", err=True)
        sys.exit(1)
    except JejakError as exc:
        _cannot_run(exc, lang)
        return
    en = lang == "en"
    if result.ignored_columns:
        click.echo(("Columns ignored (never written): " if en else
                    "Kolom yang diabaikan (tidak ditulis): ") + ", ".join(result.ignored_columns))
    for row in result.rows:
        label = f"{'row' if en else 'baris'} {row.row}"
        if row.errors:
            click.secho(f"✗ {label}: {row.record_id or ''}", fg="red")
            for message in row.errors:
                click.echo(f"    {message.strip()}")
        else:
            click.echo(f"✓ {label}: {row.record_id}")
    for message in result.general:
        click.echo(message)
    failed = sum(bool(r.errors) for r in result.rows)
    if not result.ok:
        click.echo((f"{failed} of {len(result.rows)} row(s) failed; nothing was written."
                    if en else f"{failed} dari {len(result.rows)} baris gagal; tidak ada yang "
                    "ditulis."), err=True)
        sys.exit(1)
    if dry_run:
        click.echo(f"All {len(result.rows)} rows pass; dry run, nothing written." if en else
                   f"Semua {len(result.rows)} baris lolos; uji coba, tidak ada yang ditulis.")
        return
    records = [p for p in result.written if p.suffix == ".md"]
    click.echo(f"{len(records)} record(s) and {len(result.written) - len(records)} file(s) "
               "written." if en else f"{len(records)} rekaman dan "
               f"{len(result.written) - len(records)} berkas ditulis.")


@import_group.command("issue")
@click.argument("body_file", metavar="BODY.md", type=click.File("r", encoding="utf-8"))
@ROOT
@click.option("--kind", type=click.Choice(["product", "paper"]), default=None,
              help="Which form was used (default: recognised from the section labels).")
@click.option("--download", is_flag=True,
              help="Download files uploaded to the issue (GitHub attachments only) into the "
                   "archive; without it they stay links.")
@click.option("--set", "sets", multiple=True, metavar="FIELD=VALUE",
              help="Override an answer, e.g. --set slug=modul-pecahan (for the organiser).")
@click.option("--dry-run", is_flag=True, help="Print the record instead of writing it.")
@LANG
def issue_command(body_file, root: Path, kind: str | None, download: bool,
                  sets: tuple[str, ...], dry_run: bool, lang: str) -> None:
    """Turn the body of a submitted issue form (karya.yml / publikasi.yml) into a record.

    Reads the Markdown GitHub renders from an issue form (`### Label`, then the
    value; `_No response_` when empty), checks every answer as `jejak new`
    does and writes the record. Exit status: 0 written, 1 refused, 2 could not
    run. The problems are printed as a Markdown list, ready to post as a comment.
    """
    from jejak.contrib.archive_index import ArchiveIndex
    from jejak.contrib.issue_form import fetch, import_issue
    from jejak.contrib.new import parse_set

    values, errors = parse_set(list(sets), lang)
    try:
        index = ArchiveIndex.read(root)
    except JejakError as exc:
        _cannot_run(exc, lang)
        return
    try:
        draft, problems = import_issue(root, body_file.read(), kind, lang,
                                       fetch if download else None, values, index)
    except JejakError as exc:
        click.echo(f"- {exc}")
        sys.exit(1)
    problems = errors + problems
    if draft.record is None or problems:
        for message in problems:
            click.echo(f"- {message}")
        click.echo(say("not_written", lang), err=True)
        sys.exit(1)
    if _write_one(root, index, draft.record, lang, dry_run, _print_as_list):
        _github_output(record=draft.record.record_id, path=draft.record.path)


def _print_as_list(problems: dict[str, list[str]], lang: str) -> None:
    """One `- message` line each, ready to be posted as an issue comment."""
    for messages in problems.values():
        for message in messages:
            click.echo(f"- {message}")


def _write_one(root: Path, index, record, lang: str, dry_run: bool, show) -> bool:
    """Print the record (--dry-run), or write it and its files all or nothing.

    True when something was written; on problems `show` prints them and the command
    exits 1 with nothing written."""
    if dry_run:
        click.echo(f"# {record.path}")
        click.echo(record.text, nl=False)
        return False
    from jejak.contrib.writer import Batch

    batch = Batch(root, index, lang)
    batch.add(record)
    outcome = batch.commit()
    if not outcome.ok:
        show(outcome.problems, lang)
        click.echo(say("not_written", lang), err=True)
        sys.exit(1)
    for path in outcome.written:
        rel = path.relative_to(root).as_posix()
        click.echo(say("written" if rel.startswith("content/") else "copied", lang, path=rel))
    return True


def _github_output(**values: str) -> None:
    import os

    target = os.environ.get("GITHUB_OUTPUT")
    if target:
        with open(target, "a", encoding="utf-8") as fh:
            for key, value in values.items():
                fh.write(f"{key}={value}\n")
