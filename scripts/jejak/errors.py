"""Problems found in an archive, and the domain errors the core raises."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Literal, NamedTuple

Severity = Literal["error", "warning"]


class Text(NamedTuple):
    """A short phrase in both languages, used as a message parameter."""

    id: str
    en: str


@dataclass(frozen=True, order=True)
class Problem:
    """One problem at one place, rendered into a message only when shown.

    `params` fill the catalogue entry of `code`; the message itself lives in
    `jejak.i18n` so that every wording has one home and one test.
    """

    path: str
    line: int
    column: int
    code: str
    field: str = ""
    params: tuple[tuple[str, Any], ...] = ()
    severity_override: Severity | None = dataclasses.field(default=None, compare=False)

    @property
    def severity(self) -> Severity:
        from jejak.i18n import CATALOGUE

        return self.severity_override or CATALOGUE[self.code].severity

    def message(self, lang: str = "id") -> str:
        from jejak.i18n import render

        params = dict(self.params)
        params.setdefault("field", self.field)
        return render(self.code, lang, params)


def problem(
    path: str,
    line: int,
    column: int,
    code: str,
    field: str = "",
    severity: Severity | None = None,
    **params: Any,
) -> Problem:
    """Build a Problem; keyword arguments become the message parameters."""
    frozen = tuple(sorted((k, _hashable(v)) for k, v in params.items()))
    return Problem(path, line, column, code, field, frozen, severity)


def _hashable(value: Any) -> Any:
    # Problems are deduplicated in a set: a list parameter (e.g. accepted
    # extensions) would make the whole check crash with "unhashable type".
    if isinstance(value, list):
        return tuple(_hashable(v) for v in value)
    if isinstance(value, (set, frozenset)):
        return tuple(sorted(_hashable(v) for v in value))
    return value


class JejakError(Exception):
    """A failure that stops a command before it can check anything (exit 2)."""


class RootNotFound(JejakError):
    """ROOT has no content/ folder: there is no archive to work on."""


class ArchiveInvalid(JejakError):
    """The archive has errors; `problems` holds all of them."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{sum(p.severity == 'error' for p in problems)} error(s)")
        self.problems = problems
