"""Settings of the Jejak plugin in mkdocs.yml, and the J002 problems of bad ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from jejak.config import load_settings, option_positions, plugin_options, settings_from
from jejak.files import DEFAULT_LIMITS, DEFAULT_MAX_PIXELS


def test_defaults() -> None:
    settings, problems = settings_from({})
    assert problems == []
    assert settings.language == "id"
    assert settings.limits == DEFAULT_LIMITS
    assert settings.max_pixels == DEFAULT_MAX_PIXELS
    assert settings.privacy_allow == frozenset()


def test_size_limits_are_megabytes_per_family() -> None:
    settings, problems = settings_from({"max_file_mb": {"image": 0.001, "video": 100}})
    assert problems == []
    assert settings.limits["image"] == 1000
    assert settings.limits["video"] == 100_000_000
    assert settings.limits["pdf"] == DEFAULT_LIMITS["pdf"]


@pytest.mark.parametrize(
    ("options", "option", "reason_en"),
    [
        ({"language": "jv"}, "language", "must be `id` or `en`"),
        ({"privacy_allow": "0812"}, "privacy_allow", "must be a list of text"),
        ({"privacy_allow": [{"a": 1}]}, "privacy_allow", "must be a list of text"),
        ({"max_file_mb": {"gambar": 1}}, "max_file_mb",
         "must map a family to MB (image, audio, video, pdf, office, vtt)"),
        ({"max_file_mb": {"image": 0}}, "max_file_mb",
         "must map a family to MB (image, audio, video, pdf, office, vtt)"),
        ({"max_file_mb": {"image": True}}, "max_file_mb",
         "must map a family to MB (image, audio, video, pdf, office, vtt)"),
        ({"max_file_mb": 10}, "max_file_mb",
         "must map a family to MB (image, audio, video, pdf, office, vtt)"),
        ({"max_pixels": -1}, "max_pixels", "must be a positive whole number"),
        ({"max_pixels": 1.5}, "max_pixels", "must be a positive whole number"),
        ({"max_pixels": True}, "max_pixels", "must be a positive whole number"),
        ({"privasi": []}, "privasi",
         "is unknown (accepted: language, privacy_allow, max_file_mb, max_pixels)"),
    ],
)
def test_bad_options_are_j002_and_fall_back_to_defaults(options, option, reason_en) -> None:
    settings, problems = settings_from(options)
    [bad] = problems
    assert (bad.path, bad.line, bad.column, bad.code) == ("mkdocs.yml", 1, 1, "J002")
    assert bad.message("en") == f"Invalid Jejak configuration: option `{option}` {reason_en}."
    defaults, _ = settings_from({})
    assert settings.limits == defaults.limits
    assert settings.max_pixels == defaults.max_pixels


@pytest.mark.parametrize(
    ("plugins", "expected"),
    [
        (["search", "jejak"], {}),
        ([{"jejak": {"max_pixels": 10}}], {"max_pixels": 10}),
        ([{"jejak": None}], {}),
        ([{"search": {}}], {}),
        (None, {}),
    ],
)
def test_plugin_options(plugins, expected) -> None:
    assert plugin_options({"plugins": plugins}) == expected


def test_mkdocs_yml_with_python_and_env_tags_is_read(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Arsip\n"
        "site_url: https://kkg.example.id/\n"
        "markdown_extensions:\n"
        "  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "extra:\n  analytics: !ENV [ANALYTICS, '']\n"
        "plugins:\n  - jejak:\n      language: en\n      privacy_allow: ['0421-21234']\n",
        encoding="utf-8")
    settings, problems = load_settings(tmp_path)
    assert problems == []
    assert settings.language == "en"
    assert settings.site_url == "https://kkg.example.id"
    assert settings.privacy_allow == frozenset({"042121234"})


def test_unreadable_mkdocs_yml_is_j002(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: [tidak ditutup\n", encoding="utf-8")
    settings, [bad] = load_settings(tmp_path)
    assert bad.code == "J002"
    assert bad.message("en").startswith(
        "Invalid Jejak configuration: option `mkdocs.yml` is unreadable (")
    assert settings.language == "id"


def test_no_mkdocs_yml_means_defaults(tmp_path: Path) -> None:
    settings, problems = load_settings(tmp_path)
    assert problems == []
    assert settings == settings_from({})[0]


def test_j002_points_at_the_option_in_mkdocs_yml(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Contoh\n"
        "site_url: !ENV [SITE_URL, 'https://contoh.example.id/']\n"
        "markdown_extensions:\n"
        "  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "plugins:\n"
        "  - search\n"
        "  - jejak:\n"
        "      language: id\n"
        "      max_pixels: banyak\n", encoding="utf-8")
    assert option_positions(tmp_path) == {"": (8, 5), "language": (9, 7),
                                          "max_pixels": (10, 7)}
    _, [bad] = load_settings(tmp_path)
    assert (bad.code, bad.line, bad.column) == ("J002", 10, 7)


def test_j002_of_a_missing_option_points_at_the_jejak_entry(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nplugins:\n- jejak\n", encoding="utf-8")
    assert option_positions(tmp_path) == {"": (3, 3)}
    _, [bad] = settings_from({"language": "fr"}, "", option_positions(tmp_path))
    assert (bad.line, bad.column) == (3, 3)


def test_unreadable_mkdocs_yml_has_no_positions(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("plugins: [jejak\n", encoding="utf-8")
    assert option_positions(tmp_path) == {}
