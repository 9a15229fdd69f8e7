"""MkDocs adapter: routes MkDocs events to the Jejak core, nothing more."""

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
from jejak.config import settings_from
from jejak.errors import Problem
from jejak.validate import check_archive

log = logging.getLogger("jejak")
NAV_URLS = ("", "kelompok/", "cari/")
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

    # Options are validated by the core (jejak.config), so the same rules hold for `jejak check`.
    def load_config(self, options, config_file_path=None):
        self.options = dict(options or {})
        self.config = self.options  # type: ignore[assignment]
        return [], []

    def on_startup(self, *, command, dirty):
        self.command = command

    def on_config(self, config):
        self.root = Path(config["config_file_path"]).resolve().parent
        settings, problems = settings_from(self.options, str(config.get("site_url") or ""))
        result = PRECHECKED.get(str(self.root)) or check_archive(self.root, settings, remember=True)
        problems = problems + result.problems
        if any(p.severity == "error" for p in problems):
            raise ArchiveRejected(problems, settings.language)
        self.result = result
        from jejak.sitebuild import configure

        configure(config, settings)
        if self.command != "serve":
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

        self.content = build_content(self.result, self.root, config)
        kept = [f for f in files if not f.src_uri.endswith(".md") and not f.src_uri.startswith(".")]
        out = Files(kept)
        self.pages_by_uri = {}
        for page in self.content.pages:
            uri = page.url + "index.md"
            self.pages_by_uri[uri] = page
            inclusion = (InclusionLevel.INCLUDED if page.url in NAV_URLS
                         else InclusionLevel.NOT_IN_NAV)
            out.append(File.generated(config, uri, content="", inclusion=inclusion))
        # Published files are placed by on_post_build (derivatives hard-linked from the cache)
        for path, data in self.content.generated.items():
            out.append(File.generated(config, path, content=data))
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

    def on_serve(self, server, config, builder):
        """`mkdocs serve` watches docs_dir (content/); archived files matter too."""
        if self.root is not None and (self.root / "archive").is_dir():
            server.watch(str(self.root / "archive"))
        return server

    def on_post_build(self, config):
        from jejak.sitebuild import index_search, place_files

        log.info("MkDocs wrote the pages (%.1f s)", time.perf_counter() - self.pages_started)
        started = time.perf_counter()
        place_files(self.content.files, Path(config["site_dir"]), self.root)
        log.info("%d published files placed (%.1f s)", len(self.content.files),
                 time.perf_counter() - started)
        index_search(Path(config["site_dir"]), self.result.settings.language)
        if self.staging is None or self.final_site_dir is None:
            return
        started = time.perf_counter()
        _swap(self.staging, self.final_site_dir)
        log.info("new site swapped in, old one removed (%.1f s)", time.perf_counter() - started)
        config["site_dir"] = str(self.final_site_dir)
        self.staging = None

    def on_build_error(self, error):
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
