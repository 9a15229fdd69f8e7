"""Field types as pure functions: ORCID checksum, SPDX ids, "did you mean"."""

from __future__ import annotations

import pytest

from jejak.schema.types import RECORD_ID, SLUG, closest, orcid_valid


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("0000-0002-1825-0097", True),  # ORCID's own example
        ("0000-0001-5109-3700", True),
        ("0000-0002-1694-233X", True),  # checksum 10 is written X
        ("0000-0002-1825-0098", False),  # wrong check digit
        ("0000-0002-1694-2330", False),
        ("0000-0002-1825-009X", False),
        ("0000000218250097", False),  # without hyphens
        ("0000-0002-1825-00971", False),
        ("0000-0002-1825-009", False),
        ("https://orcid.org/0000-0002-1825-0097", False),  # the type strips the URL first
        ("0000-0002-1694-233x", False),  # lowercase x
        ("", False),
    ],
)
def test_orcid_valid(value: str, valid: bool) -> None:
    assert orcid_valid(value) is valid


@pytest.mark.parametrize(
    ("value", "choices", "expected"),
    [
        ("titel", ["title", "date"], "title"),
        ("Title", ["title", "date"], "title"),
        ("webinarr", ["webinar", "e-learning"], "webinar"),
        ("kkg", ["KKG", "MGMP"], "KKG"),
        ("zzz", ["title", "date"], None),
        ("", ["title"], None),
    ],
)
def test_closest(value: str, choices: list[str], expected: str | None) -> None:
    assert closest(value, choices) == expected


@pytest.mark.parametrize(
    ("slug", "ok"),
    [("siti-aminah", True), ("kkg-mi-2", True), ("2025", True), ("Siti", False),
     ("siti_aminah", False), ("-siti", False), ("siti-", False), ("siti--aminah", False),
     ("siti aminah", False), ("sití", False), ("", False)],
)
def test_slug(slug: str, ok: bool) -> None:
    assert bool(SLUG.match(slug)) is ok


@pytest.mark.parametrize(
    ("record_id", "ok"),
    [("people/siti-aminah", True), ("groups/kkg-x", True), ("groups/kkg-x/plans/2025", True),
     ("groups/kkg-x/products/video", True), ("groups/kkg-x/kegiatan/a", False),
     ("people/siti/x", False), ("content/people/siti", False), ("/people/siti", False),
     ("groups/kkg-x/products/", False)],
)
def test_record_id(record_id: str, ok: bool) -> None:
    assert bool(RECORD_ID.match(record_id)) is ok
