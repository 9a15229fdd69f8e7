"""MkDocs adapter: routes MkDocs events to the Jejak core.

Beyond that it only changes how MkDocs does its own work: the record pages, which never
enter the navigation, are written on every core (on_env), and the new site is swapped in
only when the whole build has succeeded (on_post_build)."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import tempfile
import time
import types
from pathlib import Path

from markupsafe import escape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from jejak import report
from jejak.config import option_positions, settings_from
from jejak.errors import Problem
from jejak.validate import check_archive

log = logging.getLogger("jejak")
NAV_URLS = ("", "kelompok/", "cari/")
PARALLEL_TASKS = 1000  # pages and files to write from which every core is used
PRECHECKED: dict[str, object] = {}  # root → CheckResult, set by `jejak build` after its check


class ArchiveRejected(PluginError):
    """The archive has errors: the build stops with the same messages as `jejak check`."""

    def __init__(self, problems: list[Problem], lang: str):
        self.problems = problems
        lines = report.as_text([p for p in problems if p.severity == "error"], lang)
        super().__init__("Jejak: arsip berisi galat / the archive has errors:\n" + "\n".join(lines))


class JejakPlugin(BasePlugin):
    """Validates the archive, generates record pages and swaps the site in atomically."""

    def __init__(self) -> None:
        super().__init__()
        self.options: dict = {}
        self.command = "build"
        self.root: Path | None = None
        self.final_site_dir: Path | None = None
        self.staging: Path | None = None
        self.warnings = None  # counts the 'mkdocs' logger's warnings under strict: true

    # Options are validated by the core (jejak.config), so the same rules hold for `jejak check`.
    def load_config(self, options, config_file_path=None):
        self.options = dict(options or {})
        self.config = self.options  # type: ignore[assignment]
        return [], []

    def on_startup(self, *, command, dirty):
        self.command = command

    def on_config(self, config):
        self.root = Path(config["config_file_path"]).resolve().parent
        settings, problems = settings_from(self.options, str(config.get("site_url") or ""),
                                           option_positions(self.root))
        result = PRECHECKED.get(str(self.root)) or check_archive(self.root, settings, remember=True)
        problems = problems + result.problems
        if any(p.severity == "error" for p in problems):
            raise ArchiveRejected(problems, settings.language)
        self.result = result
        from jejak import progress
        from jejak.sitebuild import configure

        progress.default_language(settings.language)

        configure(config, settings)
        if self.command != "serve":
            if config.get("strict"):
                self._count_warnings()
            self.final_site_dir = Path(config["site_dir"]).resolve()
            self.final_site_dir.parent.mkdir(parents=True, exist_ok=True)
            self.staging = Path(tempfile.mkdtemp(prefix=".jejak-site-",
                                                 dir=self.final_site_dir.parent))
            self.staging.chmod(0o755)
            config["site_dir"] = str(self.staging)
        return config

    def on_files(self, files, config):
        """Records are not MkDocs pages: drop them and add the generated pages and files."""
        from mkdocs.structure.files import File, Files, InclusionLevel

        from jejak.sitebuild import build_content

        self.content = build_content(self.result, self.root, config,
                                     serve=self.command == "serve")
        kept = [f for f in files if not f.src_uri.endswith(".md") and not f.src_uri.startswith(".")]
        out = Files(kept)
        self.pages_by_uri = {}
        for page in self.content.pages:
            uri = page.url + "index.md"
            self.pages_by_uri[uri] = page
            inclusion = (InclusionLevel.INCLUDED if page.url in NAV_URLS
                         else InclusionLevel.NOT_IN_NAV)
            out.append(File.generated(config, uri, content="", inclusion=inclusion))
        # Generated and published files are written by on_env, beside the record pages
        self.pages_started = time.perf_counter()
        return out

    def on_pre_page(self, page, config, files):
        """Our pages arrive as HTML: MkDocs need not build a Markdown parser for each."""
        ours = self.pages_by_uri.get(page.file.src_uri)
        if ours is not None:
            page.render = types.MethodType(_render_prebuilt(ours.html), page)
        return page

    def on_page_markdown(self, markdown, page, config, files):
        ours = self.pages_by_uri.get(page.file.src_uri)
        if ours is not None:
            page.meta["title"] = str(escape(ours.title))
            if ours.description:
                page.meta["description"] = str(escape(ours.description))
            page.meta["jejak_head"] = ours.head
            page.meta["jejak_kind"] = ours.kind
            if ours.kind != "home":
                page.meta["hide"] = ["navigation"]
        return markdown

    def on_nav(self, nav, config, files):
        self.nav = nav
        return nav

    def on_env(self, env, config, files):
        """Record pages, generated files and published files are written on every core.

        MkDocs renders one page after another; with 10,000 records that is most of a
        build, and so is creating the 30,000 small files beside them (citations, charts,
        feeds, derivatives). Each worker runs MkDocs' own page step on its share of the
        record pages (plugin events, theme template, write), which are then left out of
        MkDocs' loop, and writes its share of the files."""
        from mkdocs.structure.files import InclusionLevel

        from jejak import parallel
        from jejak.sitebuild import SiteWriter, cache_dir

        started = time.perf_counter()
        doc_files = files.documentation_pages()
        records = [f for f in doc_files if f.inclusion is InclusionLevel.NOT_IN_NAV
                   and f.src_uri in self.pages_by_uri]
        written = len(records) + len(self.content.generated) + len(self.content.files)
        workers = parallel.workers_for(written, PARALLEL_TASKS)
        if self.command == "serve" or not parallel.can_fork():
            workers = 1
        pages = []
        if workers > 1 and self._alone_on_pages(config):
            pages = [("page", f) for f in records]
        tasks = pages + [("write", rel) for rel in self.content.generated] + \
            [("place", rel) for rel in self.content.files]
        writer = SiteWriter(Path(config["site_dir"]), cache_dir(self.root) / "media",
                            self.root / "archive")
        generated, published = self.content.generated, self.content.files

        def work(share):
            from mkdocs.commands.build import _build_page

            for kind, item in share:
                if kind == "page":
                    _build_page(item.page, config, doc_files, self.nav, env)
                elif kind == "write":
                    writer.write(item, generated[item])
                else:
                    writer.place(item, published[item])

        parallel.split(tasks, work, workers, progress="write")
        for _, file in pages:
            file.inclusion = InclusionLevel.EXCLUDED  # written: MkDocs' loop skips them
        log.info("%d record pages and %d files written by %d processes (%.1f s)", len(pages),
                 len(tasks) - len(pages), workers, time.perf_counter() - started)
        return env

    def _alone_on_pages(self, config) -> bool:
        """True when no other plugin or hook handles pages as they are written: one that
        did could keep state (a search index) that a worker process would not hand back."""
        for event in ("page_context", "post_page"):
            for method in config.plugins.events[event]:
                if getattr(method, "__self__", None) is not self:
                    log.debug("pages written one at a time: %r handles %s", method, event)
                    return False
        return True

    def on_serve(self, server, config, builder):
        """`mkdocs serve` watches docs_dir (content/); archived files matter too."""
        if self.root is not None and (self.root / "archive").is_dir():
            server.watch(str(self.root / "archive"))
        return server

    def on_post_build(self, config):
        from jejak import parallel
        from jejak.sitebuild import index_search, write_site_files

        log.info("site written (%.1f s)", time.perf_counter() - self.pages_started)
        site_dir = Path(config["site_dir"])
        # Pagefind indexes the pages on about one and a half cores; the files that are not
        # pages are made meanwhile.
        extra = parallel.Background(
            lambda: write_site_files(self.result, self.root, self.content, site_dir),
            fork=self.command != "serve")  # `mkdocs serve` runs threads: no fork there
        try:
            index_search(site_dir, self.result.settings.language)
        except BaseException:
            extra.stop()
            raise
        extra.join()
        if self.staging is None or self.final_site_dir is None:
            return
        warned = self._stop_counting()
        if warned:
            # MkDocs aborts a strict build after this event: the old site stays
            shutil.rmtree(self.staging, ignore_errors=True)
            self.staging = None
            log.error("strict: %d peringatan, situs sebelumnya dipertahankan / %d warnings, "
                      "the previous site is kept", warned, warned)
            return
        started = time.perf_counter()
        _swap(self.staging, self.final_site_dir)
        log.info("new site swapped in, old one removed (%.1f s)", time.perf_counter() - started)
        config["site_dir"] = str(self.final_site_dir)
        self.staging = None

    def _count_warnings(self) -> None:
        """Count warnings as MkDocs' strict mode does (its 'mkdocs' logger), to know before
        the swap whether MkDocs will abort the build after on_post_build."""
        from mkdocs.utils import CountHandler

        self.warnings = CountHandler(level=logging.WARNING)
        logging.getLogger("mkdocs").addHandler(self.warnings)

    def _stop_counting(self) -> int:
        counted = 0
        if self.warnings is not None:
            logging.getLogger("mkdocs").removeHandler(self.warnings)
            counted = sum(self.warnings.counts.values())
            self.warnings = None
        return counted

    def on_build_error(self, error):
        self._stop_counting()
        if self.staging is not None:
            shutil.rmtree(self.staging, ignore_errors=True)
            self.staging = None


def _render_prebuilt(html: str):
    def render(self, config, files):
        from mkdocs.structure.toc import get_toc

        self.content = html
        self.toc = get_toc([])

    return render


def _swap(new: Path, target: Path) -> None:
    """Put `new` where `target` is; the old site is removed only after the rename."""
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}-old-{new.name}")
        target.rename(old)
    new.rename(target)
    if old is not None:
        _discard(old)


def _discard(folder: Path) -> None:
    """Remove a replaced site without making the build wait for it when possible.

    Deleting 30,000 files takes seconds on some file systems. The folder is moved into
    the cache's trash (a rename, instant on the same file system) and deleted there by a
    detached `rm -rf`; the archive folder is clean the moment the build returns.
    Otherwise it is deleted here and now."""
    from jejak.cache import user_cache_dir

    rm = shutil.which("rm")
    if rm and os.name == "posix":
        trash = user_cache_dir() / "trash"
        try:
            trash.mkdir(parents=True, exist_ok=True)
            moved = trash / f"{folder.name.lstrip('.')}-{os.getpid()}-{time.time_ns()}"
            folder.rename(moved)
        except OSError:
            pass  # another file system: delete in place below
        else:
            subprocess.Popen([rm, "-rf", "--", str(moved)], start_new_session=True,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            return
        subprocess.run([rm, "-rf", "--", str(folder)], check=False)
    if folder.exists():
        shutil.rmtree(folder, ignore_errors=True)
