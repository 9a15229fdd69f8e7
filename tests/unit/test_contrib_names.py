"""Names typed in forms: titles stripped, matched exactly or closely to person records."""

from __future__ import annotations

import pytest

from jejak.contrib.names import PersonIndex, normalize, strip_titles


@pytest.mark.parametrize("typed, bare", [
    ("Siti Aminah, S.Pd.I., M.Pd.", "Siti Aminah"),
    ("Dra. Hj. Nurhayati", "Nurhayati"),
    ("Drs. Baharuddin M.Pd", "Baharuddin"),
    ("H. Ahmad Syarif, S.Ag., M.Pd.I", "Ahmad Syarif"),
    ("Dr. H. Hasnawati, M.Pd.", "Hasnawati"),
    ("A. Muliani", "A. Muliani"),  # an initial, not a title
    ("Muhammad Yusuf, Lc., M.A.", "Muhammad Yusuf"),
    ("Sitti Rahmah Gr.", "Sitti Rahmah"),
    ("Nurhayati S.Pd.I", "Nurhayati"),
    ("Ibu Fitriani Hasan", "Fitriani Hasan"),
    ("  Budi   Santoso ", "Budi Santoso"),
])
def test_strip_titles(typed: str, bare: str) -> None:
    assert strip_titles(typed) == bare


def test_normalize_folds_case_accents_and_punctuation() -> None:
    assert normalize("MUHAMMAD YUSUF S.Pd") == "muhammad yusuf"
    assert normalize("José  Ramírez") == "jose ramirez"
    assert normalize("siti aminah s.pd") == "siti aminah"


PEOPLE = {"siti-aminah": "Siti Aminah, S.Pd.I., M.Pd.", "nurhayati": "Dra. Hj. Nurhayati",
          "andi-rahmawati": "Andi Rahmawati, S.Pd.", "a-muliani": "A. Muliani, S.Pd.I."}


@pytest.mark.parametrize("typed, slug, exact", [
    ("siti aminah", "siti-aminah", True),
    ("Hj. Nurhayati, S.Pd.", "nurhayati", True),
    ("A. Muliani", "a-muliani", True),
    ("andi-rahmawati", "andi-rahmawati", True),  # a slug typed as a name
    ("Andi Rahmawatii", "andi-rahmawati", False),
    ("Budi Santoso", None, False),
])
def test_person_index(typed: str, slug: str | None, exact: bool) -> None:
    match = PersonIndex(PEOPLE).find(typed)
    assert match.slug == slug
    assert match.exact is exact
    if slug and not exact:
        assert 85 <= match.score < 100
