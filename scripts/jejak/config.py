"""Jejak settings: read from the `jejak` entry of `plugins` in mkdocs.yml."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from jejak.errors import Problem, Text, problem
from jejak.files import DEFAULT_LIMITS, DEFAULT_MAX_PIXELS

REGISTRY = "published-ids.txt"


@dataclass(frozen=True)
class Settings:
    """Options of the Jejak plugin (`plugins: - jejak: {...}` in mkdocs.yml)."""

    language: str = "id"
    """Language of the site and of messages: `id` (default) or `en`."""
    privacy_allow: frozenset[str] = frozenset()
    """Numbers and e-mail addresses meant to be public (e.g. an office line)."""
    max_file_mb: dict[str, float] = field(default_factory=dict)
    """Size limits per file family in MB: image, audio, video, pdf, office, vtt."""
    max_pixels: int = DEFAULT_MAX_PIXELS
    """Largest image accepted, in pixels, every animation frame counted."""
    site_url: str = ""
    """From mkdocs.yml `site_url`: the public address, for absolute links."""

    @property
    def limits(self) -> dict[str, int]:
        out = dict(DEFAULT_LIMITS)
        out.update({k: int(v * 1_000_000) for k, v in self.max_file_mb.items()})
        return out


OPTIONS = ("language", "privacy_allow", "max_file_mb", "max_pixels")


class _TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml may carry `!!python/name:` and `!ENV` tags; we only need plain data."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda lo, su, node: None)


def read_mkdocs(root: Path) -> dict[str, Any]:
    path = root / "mkdocs.yml"
    if not path.is_file():
        return {}
    with open(path, encoding="utf-8") as fh:
        data = yaml.load(fh, Loader=_TolerantLoader)  # noqa: S506 - tolerant *safe* loader
    return data if isinstance(data, dict) else {}


def plugin_options(mkdocs: dict[str, Any]) -> dict[str, Any]:
    for entry in mkdocs.get("plugins") or []:
        if entry == "jejak":
            return {}
        if isinstance(entry, dict) and "jejak" in entry:
            return dict(entry["jejak"] or {})
    return {}


def load_settings(root: Path) -> tuple[Settings, list[Problem]]:
    """Settings from ROOT/mkdocs.yml; unreadable or wrong options become problems."""
    try:
        mkdocs = read_mkdocs(root)
    except (yaml.YAMLError, OSError, UnicodeDecodeError) as exc:
        return Settings(), [problem("mkdocs.yml", 1, 1, "J002", option="mkdocs.yml",
                                    reason=Text(f"tidak terbaca ({exc})",
                                                f"is unreadable ({exc})"))]
    return settings_from(plugin_options(mkdocs), str(mkdocs.get("site_url") or ""),
                         option_positions(root))


def option_positions(root: Path) -> dict[str, tuple[int, int]]:
    """Line and column (1-based) of each Jejak option in ROOT/mkdocs.yml, and of the
    `jejak` entry itself under "" — where a J002 points. Empty when it cannot be read."""
    try:
        text = (root / "mkdocs.yml").read_text(encoding="utf-8")
        document = yaml.compose(text, Loader=yaml.SafeLoader)  # nodes only: tags are fine
    except (yaml.YAMLError, OSError, UnicodeDecodeError):
        return {}
    plugins = _value_of(document, "plugins")
    if not isinstance(plugins, yaml.SequenceNode):
        return {}
    for entry in plugins.value:
        if isinstance(entry, yaml.ScalarNode) and entry.value == "jejak":
            return {"": (entry.start_mark.line + 1, entry.start_mark.column + 1)}
        options = _value_of(entry, "jejak")
        if options is None:
            continue
        key = next(k for k, _ in entry.value if k.value == "jejak")
        out = {"": (key.start_mark.line + 1, key.start_mark.column + 1)}
        if isinstance(options, yaml.MappingNode):
            for name, _ in options.value:
                if isinstance(name, yaml.ScalarNode):
                    out[name.value] = (name.start_mark.line + 1, name.start_mark.column + 1)
        return out
    return {}


def _value_of(node: Any, key: str) -> Any:
    if isinstance(node, yaml.MappingNode):
        for name, value in node.value:
            if isinstance(name, yaml.ScalarNode) and name.value == key:
                return value
    return None


def settings_from(options: dict[str, Any], site_url: str = "",
                  positions: dict[str, tuple[int, int]] | None = None
                  ) -> tuple[Settings, list[Problem]]:
    """Settings from the plugin's options; `positions` (see option_positions) places each
    problem on its option's line, else on the `jejak` entry, else on line 1."""
    problems: list[Problem] = []
    positions = positions or {}

    def bad(option: str, reason_id: str, reason_en: str) -> None:
        line, column = positions.get(option) or positions.get("") or (1, 1)
        problems.append(problem("mkdocs.yml", line, column, "J002", option=option,
                                reason=Text(reason_id, reason_en)))

    for key in options:
        if key not in OPTIONS:
            bad(key, "tidak dikenal (yang diterima: " + ", ".join(OPTIONS) + ")",
                "is unknown (accepted: " + ", ".join(OPTIONS) + ")")
    language = options.get("language", "id")
    if language not in ("id", "en"):
        bad("language", "harus `id` atau `en`", "must be `id` or `en`")
        language = "id"
    allow = options.get("privacy_allow", [])
    if not isinstance(allow, list) or not all(isinstance(a, (str, int)) for a in allow):
        bad("privacy_allow", "harus daftar teks", "must be a list of text")
        allow = []
    sizes = options.get("max_file_mb", {})
    if not isinstance(sizes, dict) or any(
        k not in DEFAULT_LIMITS or isinstance(v, bool) or not isinstance(v, (int, float)) or v <= 0
        for k, v in sizes.items()
    ):
        bad("max_file_mb", "harus pemetaan jenis → MB (" + ", ".join(DEFAULT_LIMITS) + ")",
            "must map a family to MB (" + ", ".join(DEFAULT_LIMITS) + ")")
        sizes = {}
    pixels = options.get("max_pixels", DEFAULT_MAX_PIXELS)
    if isinstance(pixels, bool) or not isinstance(pixels, int) or pixels <= 0:
        bad("max_pixels", "harus bilangan bulat positif", "must be a positive whole number")
        pixels = DEFAULT_MAX_PIXELS
    normalised = frozenset(
        "".join(ch for ch in str(a) if ch.isdigit()) if any(ch.isdigit() for ch in str(a))
        and "@" not in str(a) else str(a).lower()
        for a in allow
    )
    return Settings(language, normalised, dict(sizes), pixels, site_url.rstrip("/")), problems
