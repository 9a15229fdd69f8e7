"""Running MkDocs for `jejak build` and `jejak serve`."""

from __future__ import annotations

import logging
from pathlib import Path

from jejak.errors import ArchiveInvalid, JejakError, RootNotFound


def _config_file(root: Path) -> Path:
    root = Path(root).resolve()
    if not (root / "content").is_dir():
        raise RootNotFound(str(root))
    config = root / "mkdocs.yml"
    if not config.is_file():
        raise JejakError(f"{root} (mkdocs.yml tidak ada / missing)")
    return config


def run_build(root: Path, site_dir: Path | None = None, quiet: bool = True) -> Path:
    """Check and build ROOT; return the folder the site is in."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError, PluginError

    from jejak import plugin
    from jejak.config import load_settings
    from jejak.validate import check_archive

    config_file = _config_file(root)
    if quiet is False and not logging.getLogger("jejak").handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("jejak: %(message)s"))
        logging.getLogger("jejak").addHandler(handler)
        logging.getLogger("jejak").setLevel(logging.INFO)
    # Check first, so problems are printed by the CLI in the format asked for; the plugin
    # then reuses this result instead of checking a second time.
    settings, problems = load_settings(config_file.parent)
    result = check_archive(config_file.parent, settings, remember=True)
    logging.getLogger("jejak").info("%d records checked: %d warnings", len(result.records),
                                    len(result.warnings))
    problems += result.problems
    if any(p.severity == "error" for p in problems):
        raise ArchiveInvalid(problems)
    plugin.PRECHECKED[str(config_file.parent)] = result
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    options = {"site_dir": str(Path(site_dir).resolve())} if site_dir else {}
    try:
        config = load_config(str(config_file), **options)
        target = Path(config["site_dir"])
        build(config)
    except plugin.ArchiveRejected as exc:
        raise ArchiveInvalid(exc.problems) from None
    except (ConfigurationError, PluginError, Abort) as exc:
        raise JejakError(f"{config_file}: {exc}") from None
    finally:
        plugin.PRECHECKED.pop(str(config_file.parent), None)
    return target


def run_serve(root: Path, dev_addr: str) -> None:
    from mkdocs.commands.serve import serve

    serve(config_file=str(_config_file(root)), dev_addr=dev_addr, livereload=True)
