"""Command line for preservation: `jejak verify [SITE]` and `jejak export bag DIR [ROOT]`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from jejak.errors import ArchiveInvalid, JejakError

LANG = click.option("--lang", type=click.Choice(["id", "en"]), default=None,
                    help="Language of messages: id (Indonesian, default) or en.")

MESSAGES: dict[str, tuple[str, str]] = {
    "mismatch": ("{path}: SHA-256 tidak cocok (manifest {expected}, berkas {actual}). Berkas ini "
                 "berubah sejak diterbitkan.",
                 "{path}: SHA-256 mismatch (manifest {expected}, file {actual}). The file has "
                 "changed since it was published."),
    "missing": ("{path}: berkas tercantum di manifest tetapi tidak ada di situs.",
                "{path}: listed in the manifest but missing from the site."),
    "unsafe": ("{path}: jalur di manifest keluar dari folder situs; tidak diperiksa.",
               "{path}: the manifest path leaves the site folder; not checked."),
    "verified": ("Semua {count} berkas cocok dengan manifest fiksitas {manifest}.",
                 "All {count} files match the fixity manifest {manifest}."),
    "verify_failed": ("{bad} dari {count} berkas tidak cocok dengan manifest fiksitas.",
                      "{bad} of {count} files do not match the fixity manifest."),
    "no_manifest": ("Manifest fiksitas tidak ditemukan: {path}. Bangun situs dulu (`jejak build`) "
                    "atau sebutkan folder situsnya: `jejak verify FOLDER-SITUS`.",
                    "Fixity manifest not found: {path}. Build the site first (`jejak build`) or "
                    "name the site folder: `jejak verify SITE-FOLDER`."),
    "bad_manifest": ("Manifest fiksitas {path} tidak terbaca: {reason}.",
                     "The fixity manifest {path} cannot be read: {reason}."),
    "bag_target": ("Folder tujuan {path} sudah berisi berkas. Pilih folder baru atau kosong.",
                   "The target folder {path} already holds files. Choose a new or empty folder."),
    "bag_invalid": ("Arsip berisi {errors} galat; perbaiki dulu (lihat `jejak check`) sebelum "
                    "mengekspor.",
                    "The archive has {errors} error(s); fix them first (see `jejak check`) "
                    "before exporting."),
    "bag_done": ("Bag BagIt valid ditulis di {path} ({count} berkas muatan).",
                 "A valid BagIt bag was written to {path} ({count} payload files)."),
}


def message(key: str, lang: str, **params: object) -> str:
    text_id, text_en = MESSAGES[key]
    return (text_en if lang == "en" else text_id).format(**params)


def _fail(exc: JejakError, lang: str) -> None:
    from jejak.verify import ToolError

    if isinstance(exc, ToolError):
        click.echo(message(exc.key, lang, **exc.params), err=True)
    else:
        click.echo(f"jejak: {exc}", err=True)
    sys.exit(2)


@click.command()
@click.argument("site", type=click.Path(file_okay=False, path_type=Path), required=False)
@LANG
def verify(site: Path | None, lang: str | None) -> None:
    """Check every published file of SITE against its fixity manifest.

    Recomputes the SHA-256 of each file listed in SITE/data/manifest-sha256.txt
    and reports every file that changed or is missing. SITE defaults to ./site
    when it holds a manifest, else the current folder.

    Exit status: 0 all files match, 1 some do not, 2 could not run.
    """
    from jejak.generate.fixity import MANIFEST
    from jejak.verify import MISMATCH, verify_site

    lang = lang or "id"
    if site is None:
        site = Path("site") if (Path("site") / MANIFEST).is_file() else Path(".")
    try:
        result = verify_site(site)
    except JejakError as exc:
        _fail(exc, lang)
        return
    for finding in result.findings:
        click.echo(message(finding.problem, lang, path=finding.path, expected=finding.expected,
                           actual=finding.actual if finding.problem == MISMATCH else ""))
    if result.ok:
        click.echo(message("verified", lang, count=result.checked, manifest=site / MANIFEST),
                   err=True)
        sys.exit(0)
    click.echo(message("verify_failed", lang, bad=len(result.findings), count=result.checked),
               err=True)
    sys.exit(1)


@click.group()
def export() -> None:
    """Export the archive in preservation formats."""


@export.command("bag")
@click.argument("directory", type=click.Path(path_type=Path))
@click.argument("root", type=click.Path(file_okay=False, path_type=Path), default=".",
                required=False)
@LANG
def export_bag_command(directory: Path, root: Path, lang: str | None) -> None:
    """Write a BagIt bag of ROOT into DIRECTORY (a new or empty folder).

    The bag holds every published record (content/), the original files they
    name (archive/), mkdocs.yml, the id registry and the site's fixity
    manifest, with SHA-256 and SHA-512 manifests; it is validated before it is
    moved into place. Drafts are left out.

    Exit status: 0 written, 1 the archive has errors, 2 could not run.
    """
    from jejak import report
    from jejak.bag import export_bag

    lang = lang or "id"
    try:
        target = export_bag(root, directory)
    except ArchiveInvalid as exc:
        for line in report.as_text([p for p in exc.problems if p.severity == "error"], lang):
            click.echo(line)
        errors = sum(p.severity == "error" for p in exc.problems)
        click.echo(message("bag_invalid", lang, errors=errors), err=True)
        sys.exit(1)
    except JejakError as exc:
        if exc.__class__ is JejakError and str(exc) and not (Path(root) / "content").is_dir():
            from jejak.i18n import render

            click.echo(render("J001", lang, {"root": str(exc)}), err=True)
            sys.exit(2)
        _fail(exc, lang)
        return
    count = sum(1 for p in (target / "data").rglob("*") if p.is_file())
    click.echo(message("bag_done", lang, path=target, count=count), err=True)


def register(main: click.Group) -> None:
    """Add `verify` and `export` (with `export bag`) to the `jejak` command group."""
    main.add_command(verify, "verify")
    if "export" in main.commands and isinstance(main.commands["export"], click.Group):
        main.commands["export"].add_command(export_bag_command, "bag")
    else:
        main.add_command(export, "export")
