"""`jejak new KIND`: answers (typed, or given as options) → one new record and its files."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from jejak.contrib.archive_index import ArchiveIndex
from jejak.contrib.forms import (
    DEFAULT_FILE_FIELD,
    FILE_FIELDS,
    KIND_LABEL,
    Env,
    Invalid,
    Question,
    assemble,
    questions,
    record_id,
)
from jejak.contrib.messages import say
from jejak.contrib.writer import NewRecord, safe_file_name
from jejak.files import family_of
from jejak.schema.types import closest


class Asker(Protocol):
    """Asks one question until `parse` accepts the answer (the CLI prompts with click)."""

    def __call__(self, question: Question, default: str | None, env: Env,
                 required: bool) -> Any: ...


@dataclass
class Given:
    """Everything given on the command line instead of typed at a prompt."""

    values: dict[str, str] = field(default_factory=dict)  # --set key=value
    files: list[tuple[str | None, Path]] = field(default_factory=list)  # --file [field=]path
    urls: list[str] = field(default_factory=list)  # --url
    alts: list[str] = field(default_factory=list)  # --alt, images in order
    captions: list[str] = field(default_factory=list)  # --caption, files in order
    order: list[str] = field(default_factory=list)  # "file"/"url" as typed (default: files first)


@dataclass
class Draft:
    """The record about to be written, or why it cannot be."""

    record: NewRecord | None
    errors: list[str]
    renamed: list[tuple[str, str]] = field(default_factory=list)


FileAsker = Callable[[str, str], list[str]]  # (kind, what) → typed paths or urls


def parse_set(values: list[str], lang: str) -> tuple[dict[str, str], list[str]]:
    """`--set key=value` options as a mapping; malformed ones as errors."""
    out, errors = {}, []
    for item in values:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            errors.append(say("bad_set", lang, value=item))
            continue
        out[key.strip()] = value
    return out, errors


def parse_file_option(value: str) -> tuple[str | None, Path]:
    """`--file flyer=poster.png` names the field; `--file modul.pdf` uses the kind's default."""
    head, sep, rest = value.partition("=")
    if sep and head.isidentifier() and not Path(value).exists():
        return head, Path(rest)
    return None, Path(value)


def draft_record(kind: str, root: Path, given: Given, lang: str = "id",
                 ask: Asker | None = None, ask_files: FileAsker | None = None,
                 index: ArchiveIndex | None = None) -> Draft:
    """Collect and check every answer; nothing is written here."""
    index = index or ArchiveIndex.read(root)
    env = Env(index, lang)
    form = questions(kind)
    errors = _unknown_keys(kind, form, given.values, lang)
    answers: dict[str, Any] = {}
    for question in form:
        if not question.asked(answers):
            continue
        value, problem = _answer(question, given.values, answers, env, ask)
        if problem:
            errors.append(problem)
        elif value is not None and value != "":
            answers[question.key] = value
    files_data, file_errors, sources, renamed = _files(kind, given, env, ask, ask_files)
    if errors or file_errors:
        return Draft(None, errors + file_errors)
    data = assemble(kind, answers)
    data = {**data, **files_data} if files_data else data
    from jejak.contrib.forms import order_like_schema
    from jejak.schema import SCHEMAS

    data = order_like_schema(SCHEMAS[kind].struct, data)
    if kind == "product" and "files" not in data:
        return Draft(None, [say("missing", lang, key="files", label=env.text(
            SCHEMAS["product"].fields["files"].type.expected))])
    record = NewRecord(record_id(kind, answers), kind, data, answers.get("body", ""), sources)
    return Draft(record, [], renamed)


def _unknown_keys(kind: str, form: list[Question], values: dict[str, str], lang: str) -> list[str]:
    keys = [q.key for q in form]
    out = []
    for key in values:
        if key not in keys:
            hint = closest(key, keys)
            out.append(say("unknown_key", lang, key=key, kind=KIND_LABEL[kind], accepted=keys,
                           hint=(f" Mungkin maksudnya `{hint}`?" if lang != "en"
                                 else f" Did you mean `{hint}`?") if hint else ""))
    return out


def _answer(question: Question, values: dict[str, str], answers: dict[str, Any], env: Env,
            ask: Asker | None) -> tuple[Any, str | None]:
    required = question.required(answers)
    default = question.default(answers, env) if question.default else None
    if question.key in values:
        text = values[question.key]
        if not text.strip():
            return (None, _missing(question, env)) if required else (None, None)
        try:
            return question.parse(text, env), None
        except Invalid as exc:
            if ask is None:
                return None, f"{question.key}: {exc}"
            env_label = env.text(question.label)
            print_error = getattr(ask, "error", None)
            if print_error:
                print_error(f"{env_label}: {exc}")
    if ask is not None and (question.interactive or required):
        return ask(question, default, env, required), None
    if default is not None:
        try:
            return question.parse(default, env), None
        except Invalid as exc:
            return None, f"{question.key}: {exc}"
    return (None, _missing(question, env)) if required else (None, None)


def _missing(question: Question, env: Env) -> str:
    return say("missing", env.lang, key=question.key, label=env.text(question.label))


def _files(kind: str, given: Given, env: Env, ask: Asker | None, ask_files: FileAsker | None):
    """Front-matter entries for the given files and links; the copies to make."""
    lang = env.lang
    accepted = FILE_FIELDS[kind]
    files = list(given.files)
    urls = list(given.urls)
    if ask_files is not None and not files and not urls and kind in DEFAULT_FILE_FIELD:
        files = [(None, Path(p)) for p in ask_files(kind, "file")]
        if kind == "product":
            urls = ask_files(kind, "url")
    errors: list[str] = []
    sources: dict[str, Path] = {}
    renamed: list[tuple[str, str]] = []
    data: dict[str, Any] = {}
    alts, captions = list(given.alts), list(given.captions)
    order = list(given.order)  # as typed; anything not in it follows, files first
    order += ["file"] * (len(files) - order.count("file")) + ["url"] * (len(urls) - order.count(
        "url"))
    pending_files, pending_urls = iter(files), iter(urls)
    for what in order:
        if what == "url":
            url = next(pending_urls, None)
            if url is not None:
                _add_url(kind, url, captions, data, errors, lang)
            continue
        item = next(pending_files, None)
        if item is None:
            continue
        field_name, path = item
        target = field_name or DEFAULT_FILE_FIELD.get(kind)
        if target not in accepted:
            errors.append(say("bad_file_field", lang, field=target or "-", kind=KIND_LABEL[kind],
                              accepted=list(accepted) or ["-"]))
            continue
        if not path.is_file():
            errors.append(say("no_file", lang, path=str(path)))
            continue
        name = safe_file_name(path.name)
        if name != path.name:
            renamed.append((path.name, name))
        sources[name] = path
        entry = _file_entry(kind, target, name, path, alts, captions, env, ask)
        if accepted[target]:
            data.setdefault(target, []).append(entry)
        elif target in data:
            errors.append(say("one_file", lang, field=target))
        else:
            data[target] = entry
    return data, errors, sources, renamed


def _add_url(kind: str, url: str, captions: list[str], data: dict[str, Any], errors: list[str],
             lang: str) -> None:
    entry = {"url": url.strip()}
    if captions:
        entry["caption"] = captions.pop(0)
    if kind == "product":
        data.setdefault("files", []).append(entry)
    elif kind == "session":
        data["recording"] = url.strip()
    else:
        errors.append(say("bad_file_field", lang, field="url", kind=KIND_LABEL[kind],
                          accepted=["--file"]))


def _file_entry(kind: str, target: str, name: str, path: Path, alts: list[str],
                captions: list[str], env: Env, ask: Asker | None) -> Any:
    if kind == "session" and target == "materials":
        title = path.stem.replace("_", " ").replace("-", " ").strip().capitalize()
        return {"title": title or name, "file": name}
    if kind != "product":
        return name
    entry: dict[str, Any] = {"file": name}
    if family_of(name) == "image":
        if alts:
            entry["alt"] = alts.pop(0)
        elif ask is not None:
            question = Question("alt", _alt_label(name), lambda text, env: text.strip(),
                                required=lambda a: True)
            entry["alt"] = ask(question, None, env, True)
    if captions:
        entry["caption"] = captions.pop(0)
    return entry


def _alt_label(name: str):
    from jejak.errors import Text

    return Text(say("alt_prompt", "id", name=name), say("alt_prompt", "en", name=name))
