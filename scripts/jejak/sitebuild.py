"""Glue between a checked archive and the site: bodies, media, pages, extra outputs.

Engine-independent: takes the markdown settings as plain data, returns SiteContent.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jejak.cache import user_cache_dir
from jejak.config import Settings
from jejak.errors import JejakError
from jejak.files import family_of
from jejak.generate import outputs
from jejak.generate.markup import BodyRenderer
from jejak.generate.pages import SiteContent, SiteGenerator
from jejak.media import MediaCache
from jejak.model import Archive, Record
from jejak.parallel import workers_for
from jejak.validate import CheckResult

PARALLEL_PAGES = 1000  # records from which pages are generated on every core
STATS: dict[str, int] = {}  # last build's counters, read by the benchmark
log = logging.getLogger("jejak")


def cache_dir(root: Path) -> Path:
    """Where derived bodies, media and verified hashes are kept between builds.

    Never inside ROOT: a pull request could otherwise commit a "cached" body with a
    script in it, or a derivative that shows something else. Everything in it is keyed
    by content hash, so one cache serves every archive on the machine.
    JEJAK_CACHE_DIR moves it; JEJAK_CACHE_DIR=off keeps nothing after the build."""
    return user_cache_dir()





THEME_DIR = Path(__file__).parent / "theme"


def configure(config: Any, settings: Settings) -> None:
    """Theme language, Jejak's templates, and a fixed, small navigation (records never
    enter the nav tree)."""
    theme = config["theme"]
    theme["language"] = settings.language
    custom = theme.custom_dir
    position = 1 if custom and theme.dirs and theme.dirs[0] == custom else 0
    if str(THEME_DIR) not in theme.dirs:
        theme.dirs.insert(position, str(THEME_DIR))
    # Jejak writes its own sitemap.xml (every record, with the date of its last change in
    # git); MkDocs' would overwrite it with the build date of every page.
    theme.static_templates.discard("sitemap.xml")
    labels = {"id": ("Beranda", "Kelompok", "Cari"), "en": ("Home", "Groups", "Search")}
    home, groups, search = labels[settings.language]
    config["nav"] = [{home: "index.md"}, {groups: "kelompok/index.md"}, {search: "cari/index.md"}]
    if "footnotes" in config["markdown_extensions"] and settings.language == "id":
        footnotes = config["mdx_configs"].setdefault("footnotes", {})
        footnotes.setdefault("BACKLINK_TITLE", "Kembali ke catatan kaki %d di dalam teks")
    extra_css = list(config.get("extra_css") or [])
    if "assets/jejak.css" not in extra_css:
        config["extra_css"] = extra_css + ["assets/jejak.css"]
    extra_js = list(config.get("extra_javascript") or [])
    if "assets/jejak.js" not in [str(j) for j in extra_js]:
        config["extra_javascript"] = extra_js + ["assets/jejak.js"]


def theme_assets() -> dict[str, Path]:
    """Jejak's CSS and JavaScript, published under assets/."""
    folder = THEME_DIR / "assets"
    return {f"assets/{p.name}": p for p in folder.iterdir() if p.is_file()}


def image_sources(archive: Archive, root: Path) -> list[Path]:
    out = []
    for record in archive.records.values():
        for name in _file_names(record):
            if family_of(name) in ("image", "pdf"):
                path = root / "archive" / record.folder / name
                if path.is_file():
                    out.append(path)
    return out


def _file_names(record: Record):
    for key in ("logo", "photo", "flyer"):
        if record.get(key):
            yield record[key]
    for entry in (record.get("files") or []) + (record.get("materials") or []):
        if "file" in entry:
            yield entry["file"]
    if record.get("file"):
        yield record["file"]


def build_content(result: CheckResult, root: Path, config: Any,
                  serve: bool = False) -> SiteContent:
    """Every page and file of the site; `serve` keeps the work in this process (the live
    server runs threads, which a fork would not carry over safely)."""
    archive = result.archive()
    cache = cache_dir(root)
    renderer = BodyRenderer(list(config["markdown_extensions"]),
                            dict(config["mdx_configs"]), cache / "bodies")
    start = time.perf_counter()
    bodies = renderer.render_many({r.id: r.body for r in archive.records.values()})
    log.info("%d records; %d bodies rendered, the rest from cache (%.1f s)",
             len(archive), renderer.rendered, time.perf_counter() - start)
    start = time.perf_counter()
    media = MediaCache(cache / "media")
    images = media.image_sets(image_sources(archive, root))
    log.info("%d images and PDF previews; %d processed, the rest from cache (%.1f s)",
             len(images), media.processed, time.perf_counter() - start)
    start = time.perf_counter()
    generator = SiteGenerator(
        archive, result.settings, root, bodies, images,
        extras=_work_extras(archive, result.settings, root),
        head=lambda record: outputs.head_html(record, archive, result.settings, root),
        workers=1 if serve else workers_for(len(archive), PARALLEL_PAGES))
    content = generator.generate()
    log.info("%d pages generated (%.1f s); MkDocs renders them with the theme…",
             len(content.pages), time.perf_counter() - start)
    _add_search_page(content, archive, result.settings)
    content.files.update(theme_assets())
    STATS.update(bodies_rendered=renderer.rendered, images_processed=media.processed,
                 images=len(images), pages=len(content.pages))
    return content


def write_site_files(result: CheckResult, root: Path, content: SiteContent,
                     site_dir: Path) -> int:
    """Citation files, feeds, sitemap, OAI-PMH, open data and the fixity manifest, written
    into the site; returns how many. Without site_url they are skipped with a warning."""
    start = time.perf_counter()
    archive = result.archive()
    try:
        files = outputs.site_files(archive, result.settings, root,
                                   published=_originals(content, root))
    except JejakError as exc:
        if result.settings.site_url:
            raise
        # A new archive builds at once; what needs absolute URLs waits for site_url
        log.warning("%s (feeds, sitemap, OAI-PMH, open data and citation files are "
                    "skipped until then)", exc)
        return 0
    writer = SiteWriter(site_dir, cache_dir(root) / "media", root / "archive")
    for rel, data in files.items():
        writer.write(rel, data)
    log.info("%d citation, feed, harvesting and open data files written (%.1f s)", len(files),
             time.perf_counter() - start)
    return len(files)


def _work_extras(archive: Archive, settings: Settings, root: Path):
    """Per record: the citation block and the provenance section, rendered as HTML."""
    from markupsafe import Markup

    def extras(record: Record) -> dict[str, Any]:
        return {"cite": outputs.citation_block(record, archive, settings, settings.language),
                "provenance": outputs.provenance(record, root), "Markup": Markup}

    return extras


def _originals(content: SiteContent, root: Path) -> dict[str, Path]:
    """Published originals (not derivatives): the files that come straight from archive/."""
    archive = root / "archive"  # the generator builds every source path from it
    return {rel: src for rel, src in content.files.items() if src.is_relative_to(archive)}


def _add_search_page(content: SiteContent, archive: Archive, settings: Settings) -> None:
    from jejak.generate.pages import Page
    from jejak.generate.search import search_page

    title, html = search_page(archive, settings.language,
                              urlsplit(settings.site_url).path.rstrip("/"),
                              {page.url for page in content.pages})
    content.pages.append(Page("cari/", title, html, kind="search"))


def index_search(site_dir: Path, language: str) -> None:
    """Run Pagefind over the built site (record content only, `data-pagefind-body`)."""
    import subprocess
    import sys

    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--silent"],
        capture_output=True, text=True)
    if proc.returncode != 0:
        raise JejakError("Pagefind: " + (proc.stderr or proc.stdout)[-2000:])
    log.info("search index written by Pagefind (%.1f s)", time.perf_counter() - start)


class SiteWriter:
    """Writes generated files and places published ones into a site folder.

    Derivatives from the cache are hard-linked (they are ours and never change in
    place); everything else, archived originals above all, is copied, so the site never
    shares an inode with the sources. Folders made are remembered: a site has tens of
    thousands of files in a few thousand folders."""

    def __init__(self, site_dir: Path, linkable: Path, archive: Path):
        self.site_dir = site_dir
        self.linkable = linkable  # only files under this folder (the cache) are hard-linked,
        self.archive = archive  # and never one under the archive
        self.made: set[Path] = set()

    def _target(self, rel: str) -> Path:
        target = self.site_dir / rel
        folder = target.parent
        if folder not in self.made:
            folder.mkdir(parents=True, exist_ok=True)
            self.made.add(folder)
        return target

    def write(self, rel: str, data: bytes) -> None:
        with open(self._target(rel), "wb") as out:
            out.write(data)

    def place(self, rel: str, source: Path) -> None:
        import os
        import shutil

        target = self._target(rel)
        target.unlink(missing_ok=True)  # never write through an existing (hard-linked) file
        if source.is_relative_to(self.linkable) and not source.is_relative_to(self.archive):
            try:
                os.link(source, target)
                return
            except OSError:  # another file system, or no hard links there: copy
                pass
        shutil.copyfile(source, target)
