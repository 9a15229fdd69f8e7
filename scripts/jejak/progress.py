"""Progress bars for the long steps (decoding images, rendering bodies, generating and
writing pages), shown on a terminal only: logs and CI output keep the one line per
stage that each step prints when it is done."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")

MIN_ITEMS = 50  # fewer items than this finish before a bar is worth drawing
LABELS = {
    "check_images": ("memeriksa gambar", "checking images"),
    "images": ("gambar dan pratinjau PDF", "images and PDF previews"),
    "bodies": ("isi rekaman", "record bodies"),
    "pages": ("membuat halaman", "generating pages"),
    "write": ("menulis situs", "writing the site"),
}
DEFAULTS: dict[str, object] = {"command_language": None, "archive_language": None,
                               "enabled": None}
_settings: dict[str, object] = dict(DEFAULTS)


def configure(language: str | None = None, enabled: bool | None = None) -> None:
    """For one command: its --lang (None: the archive's), and whether bars are drawn:
    False hides them (-q), True draws them even without a terminal, None draws them on a
    terminal outside CI."""
    _settings.update(command_language=language, enabled=enabled)


def default_language(language: str) -> None:
    """The archive's language (set by each build), used when the command named none."""
    _settings["archive_language"] = language


def _language() -> str:
    return str(_settings["command_language"] or _settings["archive_language"] or "id")


def shown() -> bool:
    if _settings["enabled"] is not None:
        return bool(_settings["enabled"])
    return sys.stderr.isatty() and not os.environ.get("CI")


def track(items: Iterable[T], total: int, key: str, step: int = 1) -> Iterator[T]:
    """Every item of `items`, drawing a bar of `total` that moves `step` per item."""
    if not shown() or total < MIN_ITEMS:
        yield from items
        return
    from tqdm import tqdm

    label = LABELS[key][1 if _language() == "en" else 0]
    with tqdm(total=total, desc=label, leave=False, file=sys.stderr, dynamic_ncols=True,
              mininterval=0.5, bar_format="{desc}: {percentage:3.0f}% |{bar}| "
              "{n_fmt}/{total_fmt} [{elapsed}<{remaining}]") as bar:
        for item in items:
            yield item
            bar.update(step)
