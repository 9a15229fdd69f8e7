"""Command line: arguments → core calls; problems printed; exit codes of SPEC §5."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from jejak import __version__, report
from jejak.errors import JejakError, RootNotFound
from jejak.i18n import render, ui

LANG = click.option("--lang", type=click.Choice(["id", "en"]), default=None,
                    help="Language of messages: id (Indonesian, default) or en.")
ROOT = click.argument("root", type=click.Path(file_okay=False, path_type=Path), default=".",
                      required=False)


def _lang(lang: str | None) -> str:
    return lang or "id"


def _cannot_run(exc: Exception, lang: str) -> None:
    if isinstance(exc, RootNotFound):
        click.echo(render("J001", lang, {"root": str(exc)}), err=True)
    else:
        click.echo(f"jejak: {exc}", err=True)
    sys.exit(2)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="jejak")
def main() -> None:
    """Jejak: arsip jejak digital KKG/MGMP — the archive of teacher working groups.

    Every command takes the archive folder ROOT (the folder holding content/,
    archive/ and mkdocs.yml); it defaults to the current folder.
    """


@main.command()
@ROOT
@click.option("--format", "fmt", type=click.Choice(report.FORMATS), default="text",
              show_default=True,
              help="text: one line per problem; github: Actions annotations plus a step "
                   "summary; json: a JSON array.")
@LANG
def check(root: Path, fmt: str, lang: str | None) -> None:
    """Validate every record and file of ROOT; writes nothing.

    Exit status: 0 no errors (warnings allowed), 1 errors, 2 could not run.
    """
    from jejak import progress
    from jejak.validate import check_archive

    progress.configure(language=lang)
    lang = _lang(lang)
    try:
        result = check_archive(root)
    except JejakError as exc:
        _cannot_run(exc, lang)
        return
    except Exception:  # a crash is "could not run" (2), never "the archive has errors" (1)
        import traceback

        traceback.print_exc()
        sys.exit(2)
    problems = result.problems
    if fmt == "json":
        click.echo(report.as_json(problems, lang))
    elif fmt == "github":
        for line in report.as_text(problems, lang):  # the full list in the log
            click.echo(line)
        for line in report.as_github(problems, lang):
            click.echo(line)
        report.write_step_summary(report.step_summary(problems, lang, len(result.records)))
    else:
        for line in report.as_text(problems, lang):
            click.echo(line)
    errors = len(result.errors)
    summary = (ui("summary", lang, errors=errors, warnings=len(result.warnings),
                  records=len(result.records)) if problems
               else ui("all_good", lang, records=len(result.records)))
    click.echo(summary, err=True)
    sys.exit(1 if errors else 0)


@main.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--name", default=None, help="Site name (default: the folder name).")
@click.option("--site-url", default="", help="Public address of the site, e.g. https://kkg.example.id/.")
@click.option("--language", type=click.Choice(["id", "en"]), default="id", show_default=True,
              help="Language of the site.")
def init(directory: Path, name: str | None, site_url: str, language: str) -> None:
    """Create a new, empty archive repository in DIRECTORY that checks and builds at once."""
    from jejak.scaffold import create_archive

    try:
        created = create_archive(directory, name or directory.resolve().name, site_url, language)
    except JejakError as exc:
        click.echo(f"jejak init: {exc}", err=True)
        sys.exit(2)
    click.echo(f"Arsip baru dibuat di {directory} ({len(created)} berkas). "
               f"Langkah berikutnya: cd {directory} && jejak build")


@main.command()
@ROOT
@click.option("--site-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where to write the site (default: ROOT/site).")
@click.option("--format", "fmt", type=click.Choice(report.FORMATS), default="text",
              show_default=True, help="How to print problems if the archive has any.")
@click.option("-q", "--quiet", is_flag=True,
              help="Print only problems, not the progress of each stage.")
@LANG
def build(root: Path, site_dir: Path | None, fmt: str, lang: str | None, quiet: bool) -> None:
    """Check ROOT, then build the site into ROOT/site (or --site-dir).

    The new site is written beside the old one and swapped in only when the
    build succeeds: a failed build leaves the previous site untouched.
    """
    from jejak import progress
    from jejak.build import run_build
    from jejak.errors import ArchiveInvalid

    progress.configure(language=lang, enabled=False if quiet else None)
    lang = _lang(lang)
    try:
        target = run_build(root, site_dir, quiet=quiet)
    except ArchiveInvalid as exc:
        lines = report.as_text(exc.problems, lang)
        if fmt == "json":
            click.echo(report.as_json(exc.problems, lang))
        else:
            for line in lines if fmt == "text" else report.as_github(exc.problems, lang):
                click.echo(line)
        errors = sum(p.severity == "error" for p in exc.problems)
        click.echo(ui("summary", lang, errors=errors, warnings=len(exc.problems) - errors,
                      records="?"), err=True)
        sys.exit(1)
    except JejakError as exc:
        _cannot_run(exc, lang)
        return
    except Exception as exc:  # noqa: BLE001 - a clear line instead of a traceback
        if os.environ.get("JEJAK_DEBUG"):
            raise
        click.echo(f"jejak build: {type(exc).__name__}: {exc} (JEJAK_DEBUG=1 shows the traceback; "
                   "the previous site is untouched)", err=True)
        sys.exit(2)
    click.echo(("Site built: " if lang == "en" else "Situs selesai dibangun: ") + str(target))


@main.command()
@ROOT
@click.option("--dev-addr", default="127.0.0.1:8000", show_default=True,
              help="Address and port of the preview server.")
def serve(root: Path, dev_addr: str) -> None:
    """Live preview of ROOT that rebuilds when content/ or archive/ change."""
    from jejak.build import run_serve

    try:
        run_serve(root, dev_addr)
    except JejakError as exc:
        _cannot_run(exc, "id")
def _register_commands() -> None:
    """Commands that live in their own modules: contribution tools, verify and export."""
    from jejak.cli_archive import register as register_archive
    from jejak.contrib.cli import register as register_contrib

    register_contrib(main)
    register_archive(main)


_register_commands()
