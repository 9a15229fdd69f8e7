"""Matching people's names as they type them in forms to person records."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz, process

# Titles written before a name (Indonesian usage); "H." only counts first, as "A." is an initial.
_PREFIX_TITLES = {
    "dr", "drs", "dra", "hj", "prof", "ir", "ust", "ustadz", "ustadzah", "ustaz", "ustazah",
    "kh", "bapak", "bpk", "ibu", "bu", "pak", "sdr", "sdri", "saudara", "saudari", "tn", "ny",
}
# Degrees written after a name: "S.Pd.", "M.Pd.I", "S.Pd.SD", "Lc", "Gr." ...
_DEGREE = re.compile(r"^(?:[A-Z][a-z]{0,4}\.?(?:[A-Z][A-Za-z]{0,4}\.?)+|[A-Z][a-z]{0,3}\.)$")
_BARE_DEGREES = {"lc", "ma", "mm", "mh", "se", "sh", "st", "ssi", "spd", "mpd", "gr", "sag",
                 "mag", "ak", "amd", "amdkeb", "skom", "mkom", "ssos", "msi", "ba", "bsc", "msc",
                 "phd", "mt", "ag", "hum", "shi", "sthi", "psi", "spdi", "mpdi", "ssit"}


def strip_titles(name: str) -> str:
    """The name without academic and honorific titles: 'Dra. Hj. Siti, S.Pd.' → 'Siti'."""
    text = unicodedata.normalize("NFKC", name).strip()
    text = text.split(",", 1)[0]  # degrees follow the first comma
    tokens = [t for t in re.split(r"\s+", text) if t]
    while tokens and (_key(tokens[0]) in _PREFIX_TITLES or _key(tokens[0]) in {"h"}) and (
        len(tokens) > 1
    ):
        tokens.pop(0)
    while len(tokens) > 1 and (_DEGREE.match(tokens[-1]) and "." in tokens[-1]
                               or _key(tokens[-1]) in _BARE_DEGREES and tokens[-1][:1].isupper()
                               and not tokens[-1].isupper() or _key(tokens[-1]) in {"spd", "mpd"}):
        tokens.pop()
    return " ".join(tokens)


def _key(token: str) -> str:
    return re.sub(r"[^a-z]", "", token.lower())


def normalize(name: str) -> str:
    """Compare key: titles removed, accents and punctuation dropped, case folded."""
    bare = strip_titles(name)
    ascii_text = unicodedata.normalize("NFKD", bare).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", ascii_text.lower()).split())


@dataclass(frozen=True)
class Match:
    """A typed name and the person record it matches (exactly, or closely with a score)."""

    typed: str
    slug: str | None
    score: float = 100.0

    @property
    def exact(self) -> bool:
        return self.slug is not None and self.score >= 100.0


class PersonIndex:
    """Person records by normalised name (and by slug read as a name)."""

    def __init__(self, people: dict[str, str]):
        self.people = dict(people)  # slug → name as written in the record
        self._by_key: dict[str, str] = {}
        for slug, name in sorted(people.items()):
            for key in (normalize(name), slug.replace("-", " ")):
                if key:
                    self._by_key.setdefault(key, slug)

    def find(self, typed: str, threshold: float = 85.0) -> Match:
        key = normalize(typed)
        if not key:
            return Match(typed, None, 0.0)
        if key in self._by_key:
            return Match(typed, self._by_key[key])
        slugged = key.replace(" ", "-")
        if slugged in self.people:
            return Match(typed, slugged)
        best = process.extractOne(key, list(self._by_key), scorer=fuzz.token_sort_ratio,
                                  score_cutoff=threshold)
        if best is None:
            return Match(typed, None, 0.0)
        return Match(typed, self._by_key[best[0]], round(float(best[1]), 1))
