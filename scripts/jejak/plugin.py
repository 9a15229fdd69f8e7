"""MkDocs adapter: routes MkDocs events to the Jejak core, nothing more."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from jejak import report
from jejak.config import settings_from
from jejak.errors import Problem
from jejak.validate import check_archive


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
        result = check_archive(self.root, settings)
        problems = problems + result.problems
        if any(p.severity == "error" for p in problems):
            raise ArchiveRejected(problems, settings.language)
        self.result = result
        if self.command != "serve":
            self.final_site_dir = Path(config["site_dir"]).resolve()
            self.final_site_dir.parent.mkdir(parents=True, exist_ok=True)
            self.staging = Path(tempfile.mkdtemp(prefix=".jejak-site-",
                                                 dir=self.final_site_dir.parent))
            self.staging.chmod(0o755)
            config["site_dir"] = str(self.staging)
        return config

    def on_files(self, files, config):
        """Records are not MkDocs pages: drop them and add the generated pages instead."""
        from mkdocs.structure.files import File, Files

        kept = [f for f in files if not f.src_uri.endswith(".md")]
        out = Files(kept)
        for uri, content in self.pages(config).items():
            out.append(File.generated(config, uri, content=content))
        return out

    def pages(self, config) -> dict[str, str]:
        archive = self.result.archive()
        return {"index.md": f"# {config['site_name']}\n\n{len(archive)} rekaman.\n"}

    def on_post_build(self, config):
        if self.staging is None or self.final_site_dir is None:
            return
        _swap(self.staging, self.final_site_dir)
        config["site_dir"] = str(self.final_site_dir)
        self.staging = None

    def on_build_error(self, error):
        if self.staging is not None:
            shutil.rmtree(self.staging, ignore_errors=True)
            self.staging = None


def _swap(new: Path, target: Path) -> None:
    """Put `new` where `target` is; the old site is removed only after the rename."""
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}-old-{new.name}")
        target.rename(old)
    new.rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
