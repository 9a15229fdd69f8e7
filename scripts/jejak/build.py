"""Running MkDocs for `jejak build` and `jejak serve`."""

from __future__ import annotations

import logging
from pathlib import Path

from jejak.errors import ArchiveInvalid, JejakError


def _config_file(root: Path) -> Path:
    root = Path(root).resolve()
    if not (root / "content").is_dir():
        raise JejakError(str(root))
    config = root / "mkdocs.yml"
    if not config.is_file():
        raise JejakError(f"{root} (mkdocs.yml tidak ada / missing)")
    return config


def run_build(root: Path, site_dir: Path | None = None) -> Path:
    """Check and build ROOT; return the folder the site is in."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError, PluginError

    from jejak.plugin import ArchiveRejected

    config_file = _config_file(root)
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    options = {"site_dir": str(Path(site_dir).resolve())} if site_dir else {}
    try:
        config = load_config(str(config_file), **options)
        target = Path(config["site_dir"])
        build(config)
    except ArchiveRejected as exc:
        raise ArchiveInvalid(exc.problems) from None
    except (ConfigurationError, PluginError, Abort) as exc:
        raise JejakError(f"{config_file}: {exc}") from None
    return target


def run_serve(root: Path, dev_addr: str) -> None:
    from mkdocs.commands.serve import serve

    serve(config_file=str(_config_file(root)), dev_addr=dev_addr, livereload=True)
