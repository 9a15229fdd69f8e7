"""The message catalogue: every code, its severity and its wording in id and en."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from jejak.errors import Text
from jejak.i18n.catalogue import ENTRIES

LANGUAGES = ("id", "en")


@dataclass(frozen=True)
class Message:
    code: str
    severity: str
    family: str
    id: str
    en: str

    def text(self, lang: str) -> str:
        return self.en if lang == "en" else self.id


CATALOGUE: dict[str, Message] = {
    code: Message(code, severity, family, text_id, text_en)
    for code, severity, family, text_id, text_en in ENTRIES
}

FAMILIES = {
    "J0": ("Menjalankan", "Running"),
    "J1": ("Membaca berkas", "Loading"),
    "J2": ("Isian dan skema", "Fields and schema"),
    "J3": ("Rujukan dan id", "References and ids"),
    "J4": ("Berkas arsip", "Archived files"),
    "J5": ("Privasi dan persetujuan", "Privacy and consent"),
    "J6": ("Isi Markdown", "Markdown content"),
}


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return "?"


def render(code: str, lang: str, params: dict[str, Any]) -> str:
    """Fill the catalogue entry of `code` in `lang` with `params`."""
    template = CATALOGUE[code].text(lang)
    return template.format_map(_Blank({k: _show(v, lang) for k, v in params.items()}))


def _show(value: Any, lang: str) -> str:
    if isinstance(value, Text):
        return value.en if lang == "en" else value.id
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return str(value.get(lang, value.get("id", "")))
    return str(value)


UI = {
    "summary": (
        "{errors} galat, {warnings} peringatan dalam {records} rekaman.",
        "{errors} error(s), {warnings} warning(s) in {records} record(s).",
    ),
    "all_good": (
        "Semua {records} rekaman lolos pemeriksaan.",
        "All {records} records passed the check.",
    ),
    "error": ("galat", "error"),
    "warning": ("peringatan", "warning"),
}


def ui(key: str, lang: str, **params: Any) -> str:
    text_id, text_en = UI[key]
    return (text_en if lang == "en" else text_id).format(**params)
