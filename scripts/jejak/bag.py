"""BagIt export: published records, their originals and the fixity manifest, for preservation."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from jejak import __version__
from jejak.config import REGISTRY, read_mkdocs
from jejak.errors import ArchiveInvalid
from jejak.generate.common import local_files
from jejak.generate.fixity import manifest, published_originals
from jejak.verify import ToolError

SITE_MANIFEST = "manifest-sha256-site.txt"
"""In the payload: the site's fixity manifest (paths relative to the published site)."""


def export_bag(root: Path, target: Path) -> Path:
    """Write a BagIt bag of ROOT's published records into TARGET (new or empty folder).

    The payload (`data/`) mirrors the archive repository: `content/` with every
    published record (drafts stay out), `archive/` with the originals those
    records name, `mkdocs.yml` and the id registry, plus the site's fixity
    manifest. The bag is built beside TARGET and moved in only once it
    validates, so a failure leaves nothing half-written.
    """
    import bagit

    from jejak.validate import check_archive

    root, target = Path(root), Path(target)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise ToolError("bag_target", path=target)
    result = check_archive(root)
    if result.errors:
        raise ArchiveInvalid(result.problems)
    archive = result.archive()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".jejak-bag-", dir=target.parent))
    try:
        for record in archive.records.values():
            _copy(root / record.path, staging / record.path)
            if record.withdrawn:
                continue
            for value in local_files(record):
                source = root / "archive" / record.folder / value
                if source.is_file():
                    _copy(source, staging / "archive" / record.folder / value)
        for name in ("mkdocs.yml", REGISTRY):
            if (root / name).is_file():
                _copy(root / name, staging / name)
        (staging / SITE_MANIFEST).write_text(manifest(published_originals(archive, root)),
                                             encoding="utf-8")
        mkdocs = read_mkdocs(root)
        info = {
            "Source-Organization": str(mkdocs.get("site_name") or root.resolve().name),
            "External-Identifier": str(mkdocs.get("site_url") or ""),
            "External-Description": f"Arsip Jejak: {len(archive)} rekaman terbit / published "
                                    "records, with their original files.",
            "Bag-Group-Identifier": "jejak",
        }
        info = {k: v for k, v in info.items() if v}
        bag = bagit.make_bag(str(staging), info, checksums=["sha256", "sha512"])
        bag.info["Bag-Software-Agent"] = f"jejak {__version__} (bagit-python)"
        bag.save()
        bagit.Bag(str(staging)).validate()
        if target.exists():
            target.rmdir()
        staging.rename(target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return target


def _copy(source: Path, destination: Path) -> None:
    destination.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source, destination)
