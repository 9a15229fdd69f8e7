"""The questions a contributor answers for each record kind, built from the schema.

One question per value a person types (`title`, `region.code`, `roles.host`…),
each with a parser that turns typed text into the YAML value and checks it with
the schema's own field type, so the prompt, `--set`, a spreadsheet column and
an issue-form section all accept and refuse exactly what `jejak check` does.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from jejak.contrib.archive_index import ArchiveIndex
from jejak.contrib.messages import say
from jejak.contrib.names import PersonIndex, strip_titles
from jejak.errors import Text
from jejak.loader import RawRecord
from jejak.schema import SCHEMAS
from jejak.schema.context import Context
from jejak.schema.types import (
    SLUG,
    BooleanType,
    DateType,
    Field,
    FieldType,
    FileType,
    IntegerType,
    ListType,
    NumberType,
    PersonRefType,
    SlugType,
    StructType,
    TextType,
    TrueType,
    VocabType,
    closest,
)
from jejak.schema.vocabularies import VOCABULARIES
from jejak.validate import slugify

KIND_LABEL = {kind: schema.label for kind, schema in SCHEMAS.items()}
GROUP_KINDS = ("plan", "session", "product", "paper")


class Invalid(ValueError):
    """Typed text the schema refuses; the message is in the contributor's language."""


@dataclass
class Env:
    """What parsing needs to know: the archive, the language, the chosen group."""

    index: ArchiveIndex
    lang: str = "id"
    group: str | None = None
    new_people: dict[str, str] = field(default_factory=dict)  # slugs created in the same batch
    _people: PersonIndex | None = None

    @property
    def people(self) -> PersonIndex:
        if self._people is None:
            self._people = PersonIndex({**self.index.people, **self.new_people})
        return self._people

    def text(self, value: Text) -> str:
        return value.en if self.lang == "en" else value.id


Parser = Callable[[str, Env], Any]


def _always(answers: dict[str, Any]) -> bool:
    return True


@dataclass(frozen=True)
class Question:
    """One value to ask for; `key` is also its `--set` name and spreadsheet column."""

    key: str
    label: Text
    parse: Parser
    required: Callable[[dict[str, Any]], bool] = lambda answers: False
    asked: Callable[[dict[str, Any]], bool] = _always
    choices: tuple[str, ...] = ()
    multiple: bool = False
    long: bool = False
    hint: Text | None = None
    default: Callable[[dict[str, Any], Env], str | None] | None = None
    interactive: bool = True  # asked at the prompt (others only through --set/columns)


# --- checking typed values with the schema ------------------------------------------

def _scratch() -> Context:
    return Context(RawRecord("<input>", {}, {}, "", 1))


def schema_check(ftype: FieldType, value: Any, name: str, env: Env) -> Any:
    """Run the schema type on `value`; raise Invalid with the checker's own message."""
    ctx = _scratch()
    checked = ftype.check(value, tuple(name.split(".")), ctx)
    errors = [p for p in ctx.problems if p.severity == "error"]
    if errors:
        raise Invalid(errors[0].message(env.lang))
    return checked


_TRUE = {"ya", "y", "yes", "true", "benar", "iya", "1", "setuju", "sudah", "ada", "x", "✓"}
_FALSE = {"tidak", "t", "no", "n", "false", "salah", "0", "belum", "tak", "bukan", "-"}


def parse_bool(text: str, env: Env) -> bool:
    word = text.strip().lower().rstrip(".")
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    raise Invalid(say("bad_bool", env.lang, value=text))


def parse_number(text: str, env: Env) -> int | float:
    m = re.fullmatch(r"\s*(-?\d+)(?:[.,](\d+))?\s*(?:jp|jam|JP)?\s*", text)
    if not m:
        raise Invalid(say("bad_number", env.lang, value=text))
    return float(f"{m.group(1)}.{m.group(2)}") if m.group(2) else int(m.group(1))


def parse_date(text: str, env: Env) -> str:
    value = text.strip()
    m = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", value)
    if m:  # Google Sheets in an Indonesian locale writes 14/03/2025
        value = f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?", value)
    if m:
        value = f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise Invalid(say("bad_date", env.lang, value=text))
    return value


def split_list(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"[,;\n]", text) if p.strip()]


def split_people(text: str) -> list[str]:
    """People lists: `;` or new lines; commas only when every piece is a slug (names carry
    degrees after a comma: 'Siti Aminah, S.Pd.I.')."""
    if re.search(r"[;\n]", text):
        return [p.strip() for p in re.split(r"[;\n]", text) if p.strip()]
    pieces = [p.strip() for p in text.split(",") if p.strip()]
    if len(pieces) > 1 and all(SLUG.match(p) for p in pieces):
        return pieces
    return [text.strip()] if text.strip() else []


def vocabulary_value(vocab: str, text: str) -> str:
    """A vocabulary value from its code or label, case-insensitively; else the text."""
    word = text.strip()
    for value, label in VOCABULARIES[vocab].items():
        if word.lower() in (value.lower(), label.id.lower(), label.en.lower()):
            return value
    return word


def person_ref(text: str, env: Env, outsiders: bool, name: str) -> Any:
    """A person slug from a slug or a name; an outsider {name, affiliation} when allowed."""
    token = text.strip()
    people = env.people
    if SLUG.match(token) and token in people.people:
        return token
    outsider = re.fullmatch(r"(.+?)\s*\((.+)\)\s*", token)
    if outsider and outsiders:
        return {"name": outsider.group(1).strip(), "affiliation": outsider.group(2).strip()}
    match = people.find(token)
    if match.exact:
        return match.slug
    if match.slug is not None and (not outsiders or not SLUG.match(token)):
        raise Invalid(say("close_person", env.lang, value=token, slug=match.slug,
                          name=people.people[match.slug]))
    if SLUG.match(token) or not outsiders:
        hint = _hint(closest(token, list(people.people)), env)
        raise Invalid(say("unknown_person", env.lang, value=token, hint=hint))
    return {"name": token}


def _hint(suggestion: str | None, env: Env) -> str:
    return Context.hint(suggestion).en if env.lang == "en" else Context.hint(suggestion).id


# --- parsers from field types --------------------------------------------------------

def parser_for(ftype: FieldType, name: str) -> Parser:
    """How typed text becomes a value of `ftype`, checked by `ftype` itself."""
    if isinstance(ftype, VocabType):
        return lambda text, env: schema_check(ftype, vocabulary_value(ftype.vocabulary, text),
                                              name, env)
    if isinstance(ftype, ListType):
        return _list_parser(ftype, name)
    if isinstance(ftype, PersonRefType):
        return lambda text, env: person_ref(text, env, True, name)
    if isinstance(ftype, SlugType):
        return _slug_parser(ftype, name)
    if isinstance(ftype, TrueType):
        return _true_parser(name)
    if isinstance(ftype, BooleanType):
        return parse_bool
    if isinstance(ftype, (IntegerType, NumberType)):
        return lambda text, env: schema_check(ftype, parse_number(text, env), name, env)
    if isinstance(ftype, DateType):
        return lambda text, env: _date(ftype, text, name, env)
    if isinstance(ftype, FileType):
        return lambda text, env: _file_or_url(ftype, text, name, env)
    return lambda text, env: _text_like(ftype, text, name, env)


def _date(ftype: FieldType, text: str, name: str, env: Env) -> str:
    value = parse_date(text, env)
    try:
        schema_check(ftype, value, name, env)
    except Invalid:
        raise Invalid(say("bad_date", env.lang, value=text.strip())) from None
    return value  # the ISO text, as the record spells it


def _text_like(ftype: FieldType, text: str, name: str, env: Env) -> Any:
    value = " ".join(text.split()) if not isinstance(ftype, TextType) else text.strip()
    checked = schema_check(ftype, value, name, env)
    return checked if isinstance(checked, str) else value


def _file_or_url(ftype: FileType, text: str, name: str, env: Env) -> str:
    value = text.strip()
    schema_check(ftype, value, name, env)
    return value


def _true_parser(name: str) -> Parser:
    def parse(text: str, env: Env) -> bool:
        if not parse_bool(text, env):
            raise Invalid(say("must_consent", env.lang))
        return True
    return parse


def _list_parser(ftype: ListType, name: str) -> Parser:
    item = ftype.item
    if isinstance(item, (PersonRefType, SlugType)) and getattr(item, "ref", "person") == "person":
        def people(text: str, env: Env) -> list[Any]:
            outsiders = isinstance(item, PersonRefType)
            values = [person_ref(p, env, outsiders, name) for p in split_people(text)]
            return _unique(values)
        return people
    inner = parser_for(item, name)

    def parse(text: str, env: Env) -> list[Any]:
        values = _unique([inner(p, env) for p in split_list(text)])
        schema_check(ftype, values, name, env)
        return values
    return parse


def _unique(values: list[Any]) -> list[Any]:
    out: list[Any] = []
    for value in values:
        if value not in out:
            out.append(value)
    return out


def _slug_parser(ftype: SlugType, name: str) -> Parser:
    def parse(text: str, env: Env) -> str:
        value = text.strip()
        if ftype.ref == "person":
            return person_ref(value, env, False, name)
        if ftype.ref == "session":
            sessions = env.index.sessions(env.group) if env.group else []
            if value not in sessions:
                hint = _hint(closest(value, sessions), env)
                raise Invalid(say("unknown_session", env.lang, value=value, group=env.group,
                                  hint=hint))
        return schema_check(ftype, value, name, env)
    return parse


# --- questions of each kind -----------------------------------------------------------

def field_at(kind: str, key: str) -> Field:
    """The schema field at a dotted key, e.g. ('session', 'roles.host')."""
    struct: StructType = SCHEMAS[kind].struct
    parts = key.split(".")
    for part in parts[:-1]:
        inner = struct.fields[part].type
        assert isinstance(inner, StructType)
        struct = inner
    return struct.fields[parts[-1]]


def _required_in_schema(kind: str, key: str) -> bool:
    struct: StructType = SCHEMAS[kind].struct
    required = True
    for part in key.split("."):
        spec = struct.fields[part]
        required = required and spec.required
        if isinstance(spec.type, StructType):
            struct = spec.type
    return required


def from_schema(kind: str, key: str, **overrides: Any) -> Question:
    spec = field_at(kind, key)
    ftype = spec.type
    choices: tuple[str, ...] = ()
    multiple = False
    if isinstance(ftype, VocabType):
        choices = ftype.values
    elif isinstance(ftype, ListType) and isinstance(ftype.item, VocabType):
        choices, multiple = ftype.item.values, True
    required = _required_in_schema(kind, key)
    hint = None
    if multiple:
        hint = Text("pisahkan dengan koma", "separate with commas")
    elif isinstance(ftype, ListType) and isinstance(ftype.item, PersonRefType):
        hint = Text("slug atau nama; pisahkan dengan titik koma (;); orang luar: Nama (Lembaga)",
                    "slug or name; separate with semicolons (;); outsiders: Name (Institution)")
    elif isinstance(ftype, ListType) and isinstance(ftype.item, SlugType):
        hint = Text("slug atau nama; pisahkan dengan titik koma (;)",
                    "slug or name; separate with semicolons (;)")
    elif isinstance(ftype, PersonRefType):
        hint = Text("slug atau nama orang", "person slug or name")
    elif isinstance(ftype, ListType):
        hint = Text("pisahkan dengan koma", "separate with commas")
    elif spec.example and not choices and not isinstance(ftype, BooleanType):
        hint = Text(f"misalnya {spec.example}", f"e.g. {spec.example}")
    values: dict[str, Any] = {
        "key": key, "label": Text(spec.doc_id.rstrip("."), spec.doc_en.rstrip(".")),
        "parse": parser_for(ftype, key), "required": (lambda answers: required),
        "choices": choices, "multiple": multiple, "hint": hint,
    }
    values.update(overrides)
    return Question(**values)


def _today(answers: dict[str, Any], env: Env) -> str:
    return dt.date.today().isoformat()


def _slug_default(source: str, titles: bool = False) -> Callable[[dict[str, Any], Env], str | None]:
    def default(answers: dict[str, Any], env: Env) -> str | None:
        text = answers.get(source)
        if not text:
            return None
        text = strip_titles(str(text)) if titles else str(text)  # siti-aminah, not …-s-pd
        return slugify(text)[:60].strip("-")
    return default


def _parse_slug(text: str, env: Env) -> str:
    value = text.strip()
    if not SLUG.match(value):
        raise Invalid(say("bad_slug", env.lang, value=value, suggestion=slugify(value)))
    return value


def _parse_group(text: str, env: Env) -> str:
    value = text.strip()
    groups = env.index.groups
    if not groups:
        raise Invalid(say("no_groups", env.lang))
    if value not in groups:
        hint = _hint(closest(value, groups), env)
        raise Invalid(say("unknown_group", env.lang, value=value, hint=hint, accepted=groups))
    env.group = value
    return value


def _group_default(answers: dict[str, Any], env: Env) -> str | None:
    groups = env.index.groups
    return groups[0] if len(groups) == 1 else None


GROUP_Q = Question("group", Text("Kelompok (slug foldernya)", "Group (its folder slug)"),
                   _parse_group, required=lambda a: True, default=_group_default)


def _slug_q(source: str, titles: bool = False) -> Question:
    return Question("slug", Text("Nama berkas (slug): huruf kecil, angka, tanda hubung",
                                 "File name (slug): lowercase, digits, hyphens"),
                    _parse_slug, required=lambda a: True, default=_slug_default(source, titles))


BODY_Q = Question("body", Text("Ringkasan atau catatan (isi halaman)",
                               "Summary or notes (the page text)"),
                  lambda text, env: text.replace("\\n", "\n").strip(), long=True)


def _members_parse(text: str, env: Env) -> list[str]:
    return [person_ref(p, env, False, "members") for p in split_people(text)]


def _packages_parse(text: str, env: Env) -> list[str]:
    accepted = tuple(VOCABULARIES["package"])
    values = [vocabulary_value("package", p) for p in split_list(text)]
    if sorted(values) != sorted(accepted):
        raise Invalid(say("bad_packages", env.lang, accepted=accepted))
    return values


def _stages_parse(text: str, env: Env) -> list[dict[str, str]]:
    stages = []
    for chunk in (c.strip() for c in re.split(r"[;\n]", text) if c.strip()):
        parts = [p.strip() for p in re.split(r"[|,]", chunk)]
        if len(parts) != 3:
            raise Invalid(say("bad_stage", env.lang, value=chunk))
        stage = {"title": parts[0], "start": parse_date(parts[1], env),
                 "end": parse_date(parts[2], env)}
        schema_check(field_at("session", "stages").type.item, stage, "stages", env)
        stages.append(stage)
    return stages


def _is(key: str, *values: Any) -> Callable[[dict[str, Any]], bool]:
    return lambda answers: answers.get(key) in values


def _group_questions() -> list[Question]:
    return [
        from_schema("group", "name"), _slug_q("name"),
        *(from_schema("group", k) for k in ("kind", "ministry", "level")),
        from_schema("group", "subject", required=_is("kind", "MGMP")),
        *(from_schema("group", f"region.{k}") for k in ("province", "regency", "code")),
        from_schema("group", "organizer"), from_schema("group", "decree", interactive=False),
        from_schema("group", "founded"),
        Question("members", Text("Anggota yang sudah punya rekaman orang (yang pertama dicatat "
                                 "sebagai Ketua)", "Members who have a person record (the first "
                                 "is recorded as chair)"), _members_parse,
                 required=lambda a: True,
                 hint=Text("slug atau nama; pisahkan dengan titik koma (;)",
                           "slug or name; separate with semicolons (;)")),
        from_schema("group", "advisors", interactive=False),
        from_schema("group", "license", default=lambda a, e: "CC-BY-SA-4.0"),
        BODY_Q,
    ]


def _person_questions() -> list[Question]:
    return [
        from_schema("person", "name"), _slug_q("name", titles=True),
        from_schema("person", "positions"), from_schema("person", "institution"),
        from_schema("person", "subjects"),
        from_schema("person", "consent", label=Text(
            "Apakah orang ini sudah setuju profilnya terbit di situs publik? (ya/tidak)",
            "Has this person agreed to a public profile on the site? (yes/no)")),
        *(from_schema("person", k, interactive=False) for k in ("orcid", "sinta", "scholar")),
        BODY_Q,
    ]


def _plan_questions() -> list[Question]:
    questions = [
        GROUP_Q,
        from_schema("plan", "year", default=lambda a, e: str(dt.date.today().year)),
        Question("packages", Text("Urutan paket kerja per triwulan (1-4)",
                                  "Order of the work packages by quarter (1-4)"),
                 _packages_parse, required=lambda a: True,
                 choices=tuple(VOCABULARIES["package"]), multiple=True,
                 default=lambda a, e: ", ".join(VOCABULARIES["package"])),
    ]
    for package, label in VOCABULARIES["package"].items():
        questions.append(Question(
            f"theme.{package}", Text(f"Tema paket {label.id}", f"Theme of the {label.en} package"),
            lambda text, env, p=package: _text_like(TextType(), text, f"theme.{p}", env),
            required=lambda a: True))
    return [*questions, BODY_Q]


def _session_questions() -> list[Question]:
    return [
        GROUP_Q, from_schema("session", "title"), _slug_q("title"),
        from_schema("session", "date", default=_today), from_schema("session", "end"),
        *(from_schema("session", k) for k in ("format", "delivery", "platform", "package",
                                             "competencies", "hours")),
        *(from_schema("session", f"roles.{role}", interactive=role in (
            "host", "moderator", "presenters", "speakers")) for role in VOCABULARIES["role"]),
        from_schema("session", "participants"),
        Question("stages", Text("Tahapan e-learning: judul, mulai, selesai; …",
                                "E-learning stages: title, start, end; …"), _stages_parse,
                 required=_is("format", "e-learning"), asked=_is("format", "e-learning"),
                 hint=Text("misalnya Pendahuluan, 2025-07-01, 2025-07-07; Proposal, "
                           "2025-07-08, 2025-07-21", "e.g. Introduction, 2025-07-01, "
                           "2025-07-07; Proposal, 2025-07-08, 2025-07-21")),
        from_schema("session", "recording", label=Text(
            "Tautan rekaman (YouTube atau https lain; boleh dikosongkan)",
            "Link to the recording (YouTube or other https; optional)")),
        Question("body", Text("Notulen singkat", "Short minutes"),
                 BODY_Q.parse, long=True),
    ]


def _product_questions() -> list[Question]:
    visual = _is("kind", "visual", "video")
    return [
        GROUP_Q, from_schema("product", "title"), _slug_q("title"),
        from_schema("product", "date", default=_today),
        from_schema("product", "authors", label=Text("Pembuat", "Authors")),
        *(from_schema("product", k) for k in ("kind", "category", "package", "competencies",
                                             "subject", "level", "grade", "session")),
        from_schema("product", "shows_students", required=visual, asked=visual, label=Text(
            "Apakah wajah atau identitas siswa dapat dikenali di media ini? (ya/tidak)",
            "Can students be recognised in this media? (yes/no)")),
        from_schema("product", "consent", required=_is("shows_students", True),
                    asked=_is("shows_students", True), label=Text(
                        "Apakah izin tertulis orang tua/wali sudah disimpan? (ya/tidak)",
                        "Is the guardians' written consent on file? (yes/no)")),
        from_schema("product", "license", interactive=False),
        from_schema("product", "keywords"), BODY_Q,
    ]


def _paper_questions() -> list[Question]:
    return [
        GROUP_Q, from_schema("paper", "title"), _slug_q("title"),
        from_schema("paper", "date", default=_today),
        from_schema("paper", "authors", label=Text("Penulis", "Authors")),
        from_schema("paper", "type"), from_schema("paper", "abstract", long=True),
        from_schema("paper", "keywords"), from_schema("paper", "language", interactive=False),
        from_schema("paper", "package"), from_schema("paper", "competencies"),
        *(from_schema("paper", f"publication.{k}", interactive=k in ("venue", "url", "doi"))
          for k in field_at("paper", "publication").type.fields),  # type: ignore[attr-defined]
        from_schema("paper", "license", interactive=False), BODY_Q,
    ]


_BUILDERS = {"group": _group_questions, "person": _person_questions, "plan": _plan_questions,
             "session": _session_questions, "product": _product_questions,
             "paper": _paper_questions}


def questions(kind: str) -> list[Question]:
    """Every question of `kind`, in the order they are asked."""
    return _BUILDERS[kind]()


KINDS = tuple(_BUILDERS)


# --- assembling a record from answers -------------------------------------------------

FILE_FIELDS = {
    "group": {"logo": False},
    "person": {"photo": False},
    "plan": {},
    "session": {"materials": True, "flyer": False, "recording": False},
    "product": {"files": True},
    "paper": {"file": False},
}
DEFAULT_FILE_FIELD = {"group": "logo", "person": "photo", "session": "materials",
                      "product": "files", "paper": "file"}


def assemble(kind: str, answers: dict[str, Any], today: dt.date | None = None) -> dict[str, Any]:
    """The front matter of a new record from parsed answers (meta keys left out)."""
    data: dict[str, Any] = {}
    today = today or dt.date.today()
    for key, value in answers.items():
        if key in ("group", "slug", "body") or key.startswith("theme.") or value is None:
            continue
        if key == "members":
            data["members"] = [{"person": slug, "role": "Ketua" if i == 0 else "Anggota",
                                "since": today.isoformat()} for i, slug in enumerate(value)]
        elif key == "packages":
            data["packages"] = [{"package": p, "quarter": i + 1,
                                 "theme": answers.get(f"theme.{p}", "")}
                                for i, p in enumerate(value)]
        else:
            _place(data, key.split("."), value)
    if kind == "session" and "roles" not in data:
        data["roles"] = {}
    return order_like_schema(SCHEMAS[kind].struct, data)


def _place(data: dict[str, Any], parts: list[str], value: Any) -> None:
    for part in parts[:-1]:
        data = data.setdefault(part, {})
    data[parts[-1]] = value


def order_like_schema(struct: StructType, data: dict[str, Any]) -> dict[str, Any]:
    """Keys in the order the schema declares them, recursively, so records read alike."""
    order = list(struct.fields)
    out: dict[str, Any] = {}
    for key in sorted(data, key=lambda k: order.index(k) if k in order else len(order)):
        value = data[key]
        spec = struct.fields.get(key)
        inner = spec.type if spec else None
        if isinstance(inner, StructType) and isinstance(value, dict):
            value = order_like_schema(inner, value)
        elif isinstance(inner, ListType) and isinstance(inner.item, StructType):
            value = [order_like_schema(inner.item, v) if isinstance(v, dict) else v
                     for v in value]
        out[key] = value
    return out


def record_id(kind: str, answers: dict[str, Any]) -> str:
    if kind == "person":
        return f"people/{answers['slug']}"
    if kind == "group":
        return f"groups/{answers['slug']}"
    folder = {"plan": "plans", "session": "sessions", "product": "products", "paper": "papers"}
    slug = str(answers["year"]) if kind == "plan" else answers["slug"]
    return f"groups/{answers['group']}/{folder[kind]}/{slug}"
