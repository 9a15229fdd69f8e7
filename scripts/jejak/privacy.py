"""The privacy gate: personal numbers and e-mail addresses in any text of a record."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from jejak.errors import Text

_SEP = "[ \t\\-\u00a0\u200b\u200c\u200d\u2060\ufeff]"
_DIGITS = re.compile(rf"(?<![\w/#=])\+?\d(?:{_SEP}{{0,2}}\d){{9,21}}(?![\w/])")
_QUICK = re.compile(rf"@|\d(?:{_SEP}{{0,2}}\d){{9}}")  # cheap test: nothing to find without it
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_KEYWORD = re.compile(
    r"(?<![a-z])(nik|nip|nuptk|npk|ktp|nisn|no\.?\s*hp|hp|wa|whatsapp|telp|telepon|tlp|"
    r"phone|ponsel|handphone|kontak|hubungi|e-?mail|surel)(?![a-z])",
    re.I,
)
_CHAT_LINK = re.compile(
    r"(?:wa\.me/|whatsapp\.com/send/?\?phone=|tel:)(\+?\d[\d\-.]{8,20}\d)", re.I
)
# Identifiers that are public by nature and would otherwise look like personal numbers
_PUBLIC = [
    re.compile(r"https?://\S+"),
    re.compile(r"\b10\.\d{4,9}/\S+"),  # DOI
    # ORCID: every iD starts 0000-000; an NIK written 4-4-4-4 never does (province 11-94)
    re.compile(r"\b0000-000\d-\d{4}-\d{3}[\dX]\b"),
    re.compile(r"\bISBN(?:-1[03])?:?\s*[\d\- ]{10,17}[\dX]\b", re.I),
    re.compile(r"\b97[89][\- ]?\d{1,5}[\- ]?\d{1,7}[\- ]?\d{1,7}[\- ]?\d\b"),  # bare ISBN-13
    re.compile(r"\bISSN:?\s*\d{4}-\d{3}[\dX]\b", re.I),
]

NIK = Text("NIK/NUPTK (16 angka)", "an NIK/NUPTK (16 digits)")
NIP = Text("NIP (18 angka)", "an NIP (18 digits)")
NPK = Text("NPK (13 angka)", "an NPK (13 digits)")
PHONE = Text("nomor telepon", "a phone number")


@dataclass(frozen=True)
class Hit:
    """Personal data found at `start` of a text."""

    start: int
    value: str
    what: Text | None  # None for an e-mail address
    near_keyword: bool


def scan(text: str, allow: frozenset[str] = frozenset()) -> Iterator[Hit]:
    """Every personal number and e-mail address in `text`, except allow-listed ones."""
    if not text or not _QUICK.search(text):
        return
    for m in _CHAT_LINK.finditer(text):  # a WhatsApp or tel: link is a phone number, whole
        digits = re.sub(r"\D", "", m.group(1))
        if digits not in allow and classify(digits, True) is PHONE:
            yield Hit(m.start(1), m.group(1), PHONE, True)
    masked = _CHAT_LINK.sub(lambda m: " " * len(m.group(0)), text)
    for pattern in _PUBLIC:
        masked = pattern.sub(lambda m: " " * len(m.group(0)), masked)
    for m in _EMAIL.finditer(masked):
        if m.group(0).lower() not in allow:
            yield Hit(m.start(), m.group(0), None, True)
    for m in _DIGITS.finditer(masked):
        raw = m.group(0)
        digits = re.sub(r"\D", "", raw)
        if digits in allow or raw in allow:
            continue
        what = classify(digits, raw.startswith("+"))
        if what is None:
            continue
        before = masked[max(0, m.start() - 40): m.start()]
        yield Hit(m.start(), raw, what, bool(_KEYWORD.search(before)))


def classify(digits: str, plus: bool = False) -> Text | None:
    """What kind of personal number a run of digits looks like, if any."""
    if (digits.startswith("08") and 10 <= len(digits) <= 13) or (
        digits.startswith("628") and 11 <= len(digits) <= 14
    ):
        return PHONE
    if plus and digits.startswith("62"):
        return PHONE
    if len(digits) == 18 and _birth_date(digits[:8]):
        return NIP
    if len(digits) == 16 and not _years(digits):
        return NIK
    if len(digits) == 13 and not digits.startswith(("978", "979")):
        return NPK
    return None


def _birth_date(text: str) -> bool:
    try:
        born = dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        return False
    return 1940 <= born.year <= 2010


def _years(digits: str) -> bool:
    """A run such as '2019 2020 2021 2022' is years side by side, not an id."""
    chunks = [digits[i: i + 4] for i in range(0, len(digits), 4)]
    return all(c[:2] in ("19", "20") for c in chunks)


# Public identifiers by nature; URLs are not skipped because a wa.me link is a phone number
PUBLIC_FIELDS = frozenset({"orcid", "isbn", "issn", "doi", "sinta", "scholar", "code"})


def scan_fields(data: Any, allow: frozenset[str] = frozenset()) -> Iterator[tuple[tuple, Hit]]:
    """(path, hit) for personal data in every text of a record's front matter.

    Public identifiers are skipped, and so are fields refused whole by name (J501)."""
    from jejak.schema.records import FORBIDDEN_FIELDS

    for at, text in strings(data, ()):
        if at and at[-1] in PUBLIC_FIELDS:
            continue
        if any(isinstance(part, str) and part.lower() in FORBIDDEN_FIELDS for part in at):
            continue
        for hit in scan(text, allow):
            yield at, hit


def strings(value: Any, at: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """Every text in nested front matter with its path; big integers count as text (an
    unquoted 16-digit NIK arrives as an int)."""
    if isinstance(value, str):
        yield at, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings(item, at + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from strings(item, at + (i,))
    elif isinstance(value, int) and not isinstance(value, bool) and value >= 10**9:
        yield at, str(value)
