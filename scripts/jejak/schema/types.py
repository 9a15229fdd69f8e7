"""Field types: each checks one YAML value, reports problems and returns a typed value."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from jejak.errors import Text
from jejak.schema.vocabularies import VOCABULARIES

if TYPE_CHECKING:
    from jejak.schema.context import Context

Path_ = tuple[Any, ...]
INVALID: Any = object()  # a value that failed its check; callers skip it

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
RECORD_ID = re.compile(
    r"^(?:people/[a-z0-9-]+|groups/[a-z0-9-]+(?:/(?:sessions|products|papers|plans)/[a-z0-9-]+)?)$"
)


def describe(value: Any) -> Text:
    """How a wrong value is named in messages."""
    if value is None:
        return Text("kosong", "empty")
    if isinstance(value, bool):
        return Text(f"`{str(value).lower()}`", f"`{str(value).lower()}`")
    if isinstance(value, (int, float)):
        return Text(f"angka `{value}`", f"number `{value}`")
    if isinstance(value, str):
        short = value if len(value) <= 40 else value[:37] + "..."
        return Text(f"teks `{short}`", f"text `{short}`")
    if isinstance(value, list):
        return Text("daftar", "a list")
    return Text("pemetaan isian", "a mapping")


def closest(value: str, choices: list[str] | tuple[str, ...]) -> str | None:
    """A 'did you mean' suggestion, case-insensitive."""
    lowered = {c.lower(): c for c in choices}
    if value.lower() in lowered:
        return lowered[value.lower()]
    match = difflib.get_close_matches(value.lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[match[0]] if match else None


class FieldType:
    expected = Text("nilai", "a value")

    def check(self, value: Any, at: Path_, ctx: Context) -> Any:
        raise NotImplementedError

    def wrong(self, value: Any, at: Path_, ctx: Context) -> Any:
        ctx.report("J203", at, expected=self.expected, found=describe(value))
        return INVALID

    def accepted(self, lang: str) -> str:
        """What the type accepts, for the field documentation."""
        return self.expected.en if lang == "en" else self.expected.id


class TextType(FieldType):
    expected = Text("teks", "text")

    def check(self, value, at, ctx):
        if isinstance(value, bool) or isinstance(value, (list, dict)) or value is None:
            return self.wrong(value, at, ctx)
        text = str(value)  # numbers written plainly are fine as text (e.g. a volume "12")
        if not text.strip():
            ctx.report("J217", at)
            return INVALID
        return text


class IntegerType(FieldType):
    def __init__(self, minimum: int, maximum: int, expected: Text | None = None):
        self.minimum, self.maximum = minimum, maximum
        self.expected = expected or Text("bilangan bulat", "a whole number")

    def check(self, value, at, ctx):
        if isinstance(value, bool) or not isinstance(value, int):
            return self.wrong(value, at, ctx)
        if not self.minimum <= value <= self.maximum:
            ctx.report("J215", at, value=value, minimum=self.minimum, maximum=self.maximum)
            return INVALID
        return value


class NumberType(FieldType):
    expected = Text("angka (misalnya 2 atau 1.5)", "a number (e.g. 2 or 1.5)")

    def __init__(self, minimum: float, maximum: float):
        self.minimum, self.maximum = minimum, maximum

    def check(self, value, at, ctx):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return self.wrong(value, at, ctx)
        if not self.minimum <= value <= self.maximum:
            ctx.report("J215", at, value=value, minimum=self.minimum, maximum=self.maximum)
            return INVALID
        return value


class BooleanType(FieldType):
    expected = Text("`true` atau `false`", "`true` or `false`")

    def check(self, value, at, ctx):
        if not isinstance(value, bool):
            return self.wrong(value, at, ctx)
        return value


class TrueType(BooleanType):
    """A consent flag: only `true` means anything."""


class DateType(FieldType):
    expected = Text("tanggal TTTT-BB-HH", "a date YYYY-MM-DD")

    def check(self, value, at, ctx):
        if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            if isinstance(value, str):
                ctx.report("J205", at, value=value)
                return INVALID
            return self.wrong(value, at, ctx)
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            ctx.report("J205", at, value=value)
            return INVALID


YEAR = IntegerType(1900, 2100, Text("tahun, misalnya 2025", "a year, e.g. 2025"))


class VocabType(FieldType):
    def __init__(self, vocabulary: str):
        self.vocabulary = vocabulary
        self.values = tuple(VOCABULARIES[vocabulary])
        self.expected = Text("salah satu dari: " + ", ".join(self.values),
                             "one of: " + ", ".join(self.values))

    def check(self, value, at, ctx):
        if not isinstance(value, str):
            return self.wrong(value, at, ctx)
        if value not in self.values:
            ctx.report("J204", at, value=value, accepted=self.values,
                       hint=ctx.hint(closest(value, self.values)))
            return INVALID
        return value


class ListType(FieldType):
    def __init__(self, item: FieldType, min_items: int = 0, unique: bool = False):
        self.item, self.min_items, self.unique = item, min_items, unique
        self.expected = Text(f"daftar ({item.expected.id})", f"a list ({item.expected.en})")

    def check(self, value, at, ctx):
        if not isinstance(value, list):
            return self.wrong(value, at, ctx)
        out, seen = [], set()
        for i, item in enumerate(value):
            checked = self.item.check(item, at + (i,), ctx)
            if checked is INVALID:
                continue
            if self.unique and isinstance(checked, (str, int)):
                if checked in seen:  # located at the repeat, named after the list
                    ctx.report("J220", at + (i,), field=_join(at[:-1], at[-1]) if at else "",
                               value=checked)
                    continue
                seen.add(checked)
            out.append(checked)
        if len(value) < self.min_items:
            return self.wrong(value, at, ctx) if not value else out
        return out


class OneOrManyType(ListType):
    """A single value or a list of them; always returns a list."""

    def __init__(self, item: FieldType):
        super().__init__(item, min_items=1, unique=True)
        self.expected = Text(f"{item.expected.id}, atau daftarnya",
                             f"{item.expected.en}, or a list of them")

    def check(self, value, at, ctx):
        if isinstance(value, list):
            return super().check(value, at, ctx)
        checked = self.item.check(value, at, ctx)
        return INVALID if checked is INVALID else [checked]


@dataclass(frozen=True)
class Field:
    """One field of a record or of a nested mapping, with its documentation."""

    name: str
    type: FieldType
    doc_id: str
    doc_en: str
    required: bool = False
    example: str = ""


class StructType(FieldType):
    """A mapping with declared fields: unknown keys and missing required ones are errors."""

    def __init__(self, fields: list[Field], label: Text, checks: tuple[Callable, ...] = ()):
        self.fields = {f.name: f for f in fields}
        self.label = label
        self.checks = checks
        self.expected = Text("pemetaan isian (" + ", ".join(self.fields) + ")",
                             "a mapping (" + ", ".join(self.fields) + ")")

    def check(self, value, at, ctx, waived: frozenset[str] = frozenset()):
        if not isinstance(value, dict):
            return self.wrong(value, at, ctx)
        out: dict[str, Any] = {}
        for key, item in value.items():
            spec = self.fields.get(key)
            if spec is None:
                ctx.unknown_field(at + (key,), key, self.label, tuple(self.fields))
                continue
            checked = spec.type.check(item, at + (key,), ctx)
            if checked is not INVALID:
                out[key] = checked
        for name, spec in self.fields.items():
            if spec.required and name not in value and name not in waived:
                ctx.report("J202", at, key=True, field=_join(at, name), kind=self.label)
        for rule in self.checks:
            rule(value, out, at, ctx)
        return out


def _join(at: Path_, name: str) -> str:
    from jejak.loader import dotted

    return dotted(at + (name,))


class UrlType(FieldType):
    expected = Text("alamat web https://", "an https:// web address")

    def check(self, value, at, ctx):
        if not isinstance(value, str):
            return self.wrong(value, at, ctx)
        if not re.fullmatch(r"https://[^\s/$.?#][^\s]*", value):
            ctx.report("J209", at, value=value)
            return INVALID
        return value


class MapType(FieldType):
    """Free keys (e.g. link names) with values of one type."""

    def __init__(self, value_type: FieldType):
        self.value_type = value_type
        self.expected = Text(f"pemetaan nama → {value_type.expected.id}",
                             f"a mapping of name → {value_type.expected.en}")

    def check(self, value, at, ctx):
        if not isinstance(value, dict):
            return self.wrong(value, at, ctx)
        out = {}
        for key, item in value.items():
            checked = self.value_type.check(item, at + (key,), ctx)
            if checked is not INVALID:
                out[key] = checked
        return out


@lru_cache(maxsize=1)
def _spdx() -> dict[str, str]:
    from license_expression import get_spdx_licensing

    licensing = get_spdx_licensing()
    ids = {}
    for symbol in licensing.known_symbols.values():
        if getattr(symbol, "is_exception", False):  # "Classpath-exception-2.0" is no license
            continue
        ids[symbol.key.lower()] = symbol.key
        for alias in getattr(symbol, "aliases", ()) or ():
            ids.setdefault(alias.lower(), symbol.key)
    return ids


class LicenseType(FieldType):
    expected = Text("id lisensi SPDX, misalnya CC-BY-4.0", "an SPDX license id, e.g. CC-BY-4.0")

    def check(self, value, at, ctx):
        if not isinstance(value, str):
            return self.wrong(value, at, ctx)
        known = _spdx()
        canonical = known.get(value.lower())
        if canonical is None or "LicenseRef" in canonical:
            ctx.report("J207", at, value=value,
                       hint=ctx.hint(closest(value, [v for v in known.values() if v.isascii()])))
            return INVALID
        return canonical


def orcid_valid(value: str) -> bool:
    """ISO 7064 11,2 checksum of an ORCID iD."""
    if not re.fullmatch(r"\d{4}-\d{4}-\d{4}-\d{3}[\dX]", value):
        return False
    digits = value.replace("-", "")
    total = 0
    for ch in digits[:-1]:
        total = (total + int(ch)) * 2
    check = (12 - total % 11) % 11
    return digits[-1] == ("X" if check == 10 else str(check))


class OrcidType(FieldType):
    expected = Text("ORCID iD 0000-0000-0000-000X", "an ORCID iD 0000-0000-0000-000X")

    def check(self, value, at, ctx):
        if not isinstance(value, str):
            return self.wrong(value, at, ctx)
        value = value.removeprefix("https://orcid.org/")
        if not orcid_valid(value):
            ctx.report("J208", at, value=value)
            return INVALID
        return value


class RegionCodeType(FieldType):
    expected = Text("kode wilayah \"NN.NN\"", "a region code \"NN.NN\"")

    def check(self, value, at, ctx):
        if not isinstance(value, str) or not re.fullmatch(r"\d{2}\.\d{2}", value):
            ctx.report("J216", at, value=value)
            return INVALID
        return value


class SlugType(FieldType):
    expected = Text("slug: huruf kecil, angka, tanda hubung", "a slug: lowercase, digits, hyphens")

    def __init__(self, ref: str = ""):
        self.ref = ref  # "person", "session" or ""

    def check(self, value, at, ctx):
        if not isinstance(value, str) or not SLUG.match(value):
            return self.wrong(value, at, ctx)
        if self.ref:
            ctx.refs.append((self.ref, value, at))
        return value


class RecordIdType(FieldType):
    expected = Text("id rekaman, misalnya groups/kkg-x/products/y",
                    "a record id, e.g. groups/kkg-x/products/y")

    def __init__(self, ref: bool = True):
        self.ref = ref

    def check(self, value, at, ctx):
        if not isinstance(value, str) or not RECORD_ID.match(value):
            return self.wrong(value, at, ctx)
        if self.ref:
            ctx.refs.append(("record", value, at))
        return value


class PersonRefType(FieldType):
    """A person slug, or an inline {name, affiliation} for an outsider."""

    expected = Text("slug orang atau {name, affiliation}", "a person slug or {name, affiliation}")

    def __init__(self):
        self.inline = StructType(
            [
                Field("name", TextType(), "Nama lengkap dengan gelar.", "Full name with titles.",
                      required=True),
                Field("affiliation", TextType(), "Lembaga asal.", "Institution."),
            ],
            Text("orang luar", "outside person"),
        )

    def check(self, value, at, ctx):
        if isinstance(value, dict):
            return self.inline.check(value, at, ctx)
        return SlugType("person").check(value, at, ctx) if isinstance(value, str) and SLUG.match(
            value) else self.wrong(value, at, ctx)


class FileType(FieldType):
    """A file in the record's archive folder, of one of the accepted families."""

    def __init__(self, families: tuple[str, ...], allow_url: bool = False):
        self.families, self.allow_url = families, allow_url
        self.expected = Text("nama berkas di arsip", "a file name in the archive")

    def check(self, value, at, ctx):
        if not isinstance(value, str) or not value:
            return self.wrong(value, at, ctx)
        if "://" in value or re.match(r"(?:https?:|www\.)", value, re.I):
            if self.allow_url:
                return UrlType().check(value, at, ctx)
            ctx.report("J405", at, value=value)
            return INVALID
        ctx.files.append((value, self.families, at))
        return value
