"""The state of checking one record: where values are, and what they point to."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from jejak.errors import Problem, Text, problem
from jejak.loader import RawRecord, dotted

Path_ = tuple[Any, ...]


@dataclass
class Context:
    record: RawRecord
    problems: list[Problem] = field(default_factory=list)
    refs: list[tuple[str, str, Path_]] = field(default_factory=list)
    files: list[tuple[str, tuple[str, ...], Path_]] = field(default_factory=list)

    def report(self, code: str, at: Path_, key: bool = False, severity: str | None = None,
               field: str | None = None, **params: Any) -> None:
        line, column = self.record.mark(at, key=key)
        name = field if field is not None else dotted(at)
        self.problems.append(problem(self.record.path, line, column, code, name,
                                     severity=severity, **params))  # type: ignore[arg-type]

    def unknown_field(self, at: Path_, name: str, label: Text, accepted: tuple[str, ...]) -> None:
        from jejak.schema.records import FORBIDDEN_FIELDS
        from jejak.schema.types import closest

        what = FORBIDDEN_FIELDS.get(name.lower().replace(" ", "_"))
        if what is not None:
            self.report("J501", at, key=True, what=what)
            return
        self.report("J201", at, key=True, kind=label, accepted=accepted,
                    hint=self.hint(closest(name, accepted)))

    @staticmethod
    def hint(suggestion: str | None) -> Text:
        if not suggestion:
            return Text("", "")
        return Text(f" Mungkin maksudnya `{suggestion}`?", f" Did you mean `{suggestion}`?")
