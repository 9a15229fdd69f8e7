"""Meta-tests: the documentation in docs/ and README.md keeps up with the code and the SPEC."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

from jejak import config
from jejak.cli import main as cli_main
from jejak.files import DEFAULT_LIMITS, DEFAULT_MAX_PIXELS
from jejak.i18n import CATALOGUE
from jejak.loader import parse_record
from jejak.schema import SCHEMAS, VOCABULARIES
from jejak.schema import types as t
from jejak.schema.context import Context
from jejak.validate import check_archive, classify

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
SPEC_CANDIDATES = (ROOT / "SPEC.md", ROOT / "docs" / "SPEC.md", Path("/work/shared/SPEC.md"))


def _read(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


def _gen_docs():
    spec = importlib.util.spec_from_file_location("gen_docs", ROOT / "scripts" / "gen_docs.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("gen_docs", module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


# --- walking the schema -------------------------------------------------------------

def _structs_of(ftype: t.FieldType):
    """Nested structures reachable from a field type."""
    if isinstance(ftype, t.ListType):
        yield from _structs_of(ftype.item)
    elif isinstance(ftype, t.MapType):
        yield from _structs_of(ftype.value_type)
    elif isinstance(ftype, t.PersonRefType):
        yield "inline person", ftype.inline
    elif isinstance(ftype, t.StructType):
        yield None, ftype


def _all_structs() -> list[tuple[str, t.StructType]]:
    """Every record structure and every nested structure, once each, with a readable path."""
    out: list[tuple[str, t.StructType]] = []
    seen: set[int] = set()

    def visit(path: str, struct: t.StructType) -> None:
        if id(struct) in seen:
            return
        seen.add(id(struct))
        out.append((path, struct))
        for name, field in struct.fields.items():
            for label, nested in _structs_of(field.type):
                visit(label or f"{path}.{name}", nested)

    for kind, schema in SCHEMAS.items():
        visit(kind, schema.struct)
    return out


STRUCTS = _all_structs()


def _tables(markdown: str) -> list[list[str]]:
    """The first column (backticks removed) of every `| isian |` table."""
    tables, current = [], None
    for line in markdown.splitlines():
        if line.startswith("| isian |"):
            current = []
            tables.append(current)
        elif current is not None and line.startswith("|"):
            first = line.split("|")[1].strip()
            if not first.startswith("---"):
                current.append(first.strip("`"))
        else:
            current = None
    return tables


# --- generated files ----------------------------------------------------------------

def test_generated_docs_are_fresh():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "gen_docs.py"), "--check"],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr + result.stdout


def test_every_code_has_a_fix_and_a_row():
    gen = _gen_docs()
    assert set(gen.FIXES) == set(CATALOGUE), "FIXES in scripts/gen_docs.py must cover every code"
    text = _read("kode-galat.md")
    for code, message in CATALOGUE.items():
        assert f"**{code}**" in text, f"{code} missing from docs/kode-galat.md"
        row = next(line for line in text.splitlines()
                   if line.startswith("|") and f"**{code}**" in line)
        assert gen.cell(gen.FIXES[code]) in row, f"{code}: fix missing from its row"
        assert f"({message.severity})" in row, f"{code}: severity missing from its row"


@pytest.mark.parametrize("path,struct", STRUCTS, ids=[p for p, _ in STRUCTS])
def test_every_field_in_reference(path, struct):
    """Each record type and each nested structure has a table listing exactly its fields."""
    tables = _tables(_read("rujukan-isian.md"))
    assert list(struct.fields) in tables, (
        f"docs/rujukan-isian.md has no table with the fields of {path}: {list(struct.fields)}"
    )


def test_reference_lists_every_vocabulary_value():
    text = _read("rujukan-isian.md")
    for name, values in VOCABULARIES.items():
        assert f'id="kosakata-{name}"' in text
        for value, label in values.items():
            assert f"| `{value}` | {label.id} |" in text, f"{name}: {value}"


@pytest.mark.parametrize("path,struct", STRUCTS, ids=[p for p, _ in STRUCTS])
def test_every_field_explained_in_guide(path, struct):
    text = _read("format-rekaman.md")
    missing = [name for name in struct.fields if f"`{name}`" not in text]
    assert not missing, f"docs/format-rekaman.md never explains {path}: {missing}"


# --- SPEC §3 ------------------------------------------------------------------------

def _spec_section() -> str:
    for candidate in SPEC_CANDIDATES:
        if candidate.is_file():
            text = candidate.read_text(encoding="utf-8")
            start = text.find("## 3.")
            end = text.find("\n## 4.", start)
            if start >= 0:
                return text[start:end if end > 0 else None]
    pytest.skip("SPEC.md not found (looked in " + ", ".join(map(str, SPEC_CANDIDATES)) + ")")


SPEC_KINDS = {"Group": "group", "Person": "person", "Plan": "plan", "Session": "session",
              "Product": "product", "Paper": "paper"}


def _spec_tables(section: str):
    """(heading, [cells of each body row]) for each ### table of SPEC §3."""
    for block in section.split("\n### ")[1:]:
        heading = block.split("\n", 1)[0]
        rows = [
            [c.strip() for c in line.strip().strip("|").split("|")]
            for line in block.splitlines()
            if line.startswith("|") and not line.startswith("|---")
        ]
        yield heading, rows[1:]  # without the header row


def _names(cell: str) -> list[str]:
    """Field names in a SPEC first cell: `title`, `date` (default `x`) → title, date."""
    return re.findall(r"`([a-z_]+)`", re.sub(r"\([^)]*\)", "", cell))


def _nested_names(cell: str) -> list[str]:
    """Field names inside `{...}` of a SPEC type cell."""
    match = re.search(r"`\{([^}]*)\}`", cell)
    if not match:
        return []
    names = []
    for part in match.group(1).split(","):
        head = re.sub(r"\([^)]*\)", "", part.split(":")[0])
        names += [n.strip() for n in head.split(" or ") if n.strip()]
    return names


def _struct_of(ftype: t.FieldType) -> t.StructType | None:
    while isinstance(ftype, t.ListType):
        ftype = ftype.item
    return ftype if isinstance(ftype, t.StructType) else None


def test_spec_fields_exist_in_schema():
    section = _spec_section()
    gen = _gen_docs()
    checked = 0
    for heading, rows in _spec_tables(section):
        kind = SPEC_KINDS.get(heading.split()[0])
        if kind is None:
            continue
        fields = SCHEMAS[kind].fields
        for cells in rows:
            names, required = _names(cells[0]), cells[1].lower()
            for name in names:
                assert name in fields, f"SPEC §3 {kind}.{name} is not in the schema"
                checked += 1
                field = fields[name]
                if required != "no":  # "yes", "MGMP: yes", "when shows_students" ...
                    assert field.required or (kind, name) in gen.CONDITIONAL, (
                        f"SPEC §3 requires {kind}.{name} ({cells[1]}), but neither the schema "
                        "nor CONDITIONAL in scripts/gen_docs.py says so"
                    )
                else:
                    assert not field.required, f"{kind}.{name} is optional in SPEC §3"
            nested = _nested_names(cells[2]) if len(cells) > 2 else []
            if nested:
                assert len(names) == 1, cells
                struct = _struct_of(fields[names[0]].type)
                assert struct is not None, f"{kind}.{names[0]} should be a structure"
                missing = [n for n in nested if n not in struct.fields]
                assert not missing, f"SPEC §3 {kind}.{names[0]} fields missing: {missing}"
    assert checked > 50, "SPEC §3 tables were not parsed"
    inline = re.search(r"inline (`\{[^}]*\}`)", section)  # people references of outsiders
    if inline:
        outsider = t.PersonRefType().inline.fields
        missing = [n for n in _nested_names(inline.group(1)) if n not in outsider]
        assert not missing, f"SPEC §3 inline person fields missing: {missing}"
    common = re.search(r"Any record may carry(.*?)(?:\n\s*\n|\Z)", section, re.S)
    assert common, "SPEC §3 sentence about draft/moved_from/withdrawn not found"
    for name in re.findall(r"`([a-z_]+)", common.group(1)):
        for kind, schema in SCHEMAS.items():
            assert name in schema.fields, f"{kind} lacks the common field {name}"


def _vocabulary_of(row_name: str):
    """Values accepted for a SPEC vocabulary row: `package`, group `kind`, session `roles` keys."""
    field = re.search(r"`([a-z_]+)`", row_name).group(1)
    qualifier = row_name.split()[0] if not row_name.startswith("`") else None
    kinds = [qualifier] if qualifier else list(SCHEMAS)
    for kind in kinds:
        spec_field = SCHEMAS[kind].fields.get(field)
        if spec_field is None:
            continue
        ftype = spec_field.type
        while isinstance(ftype, t.ListType):
            ftype = ftype.item
        if row_name.endswith("keys"):
            return list(ftype.fields)
        return list(ftype.values)
    for _, struct in STRUCTS:  # e.g. `term` of plan targets, `package` of plan packages
        if field in struct.fields and isinstance(struct.fields[field].type, t.VocabType):
            return list(struct.fields[field].type.values)
    raise AssertionError(f"SPEC vocabulary {row_name} has no field in the schema")


def test_spec_vocabularies_match():
    section = _spec_section()
    rows = dict(_spec_tables(section)).get("Vocabularies")
    assert rows, "SPEC §3 Vocabularies table not found"
    for cells in rows:
        spec_values = re.findall(r"`([^`]+)`", cells[1])
        accepted = _vocabulary_of(cells[0])
        missing = [v for v in spec_values if v not in accepted]
        assert not missing, f"SPEC vocabulary {cells[0]}: {missing} not accepted"


# --- examples in format-rekaman.md --------------------------------------------------

EXAMPLE = re.compile(r"^```yaml(?P<info>[^\n]*)\n(?P<body>---\n.*?)^```[ \t]*$", re.M | re.S)


def _examples() -> list[tuple[str, str]]:
    """(path from the block's title, text) of every ```yaml block that is a whole record."""
    out = []
    for match in EXAMPLE.finditer(_read("format-rekaman.md")):
        title = re.search(r'title="([^"]+)"', match.group("info"))
        assert title, f"example without title=\"content/...\": {match.group('body')[:60]}"
        out.append((title.group(1), match.group("body")))
    return out


def test_every_record_type_has_an_example():
    kinds = set()
    for path, _ in _examples():
        shape = classify(path)
        assert shape is not None, f"example path {path} is not a record path"
        kinds.add(shape[1])
    assert kinds == set(SCHEMAS), f"examples missing for {sorted(set(SCHEMAS) - kinds)}"


@pytest.mark.parametrize("path,text", _examples(), ids=[p for p, _ in _examples()])
def test_example_is_valid(path, text):
    result = parse_record(text.encode("utf-8"), path)
    assert result.record is not None and not result.problems, [
        f"{p.line}:{p.column} {p.code} {p.message('en')}" for p in result.problems]
    kind = classify(path)[1]
    ctx = Context(result.record)
    data = SCHEMAS[kind].struct.check(result.record.data, (), ctx)
    assert data is not t.INVALID
    problems = [f"{p.line}:{p.column} {p.code} {p.message('en')}" for p in ctx.problems]
    assert not problems, f"{path}: {problems}"


def _stub_file(path: Path) -> None:
    """A small valid file of the kind its extension names."""
    from PIL import Image

    path.parent.mkdir(parents=True, exist_ok=True)
    ext = path.suffix.lower()
    formats = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".webp": "WEBP", ".gif": "GIF"}
    if ext in formats:
        Image.new("RGB", (16, 16), (0, 128, 128)).save(path, formats[ext])
    elif ext == ".pdf":
        path.write_bytes(b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n"
                         b"trailer<</Root 1 0 R>>\n%%EOF\n")
    else:
        raise AssertionError(f"add a stub for {ext} files to test_docs.py")


def test_examples_pass_jejak_check(tmp_path):
    """The examples together, plus the people and files they name, pass `jejak check` cleanly."""
    for path, text in _examples():
        target = tmp_path / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    for _ in range(3):  # add what the examples only name, then check again
        problems = check_archive(tmp_path).problems
        for p in problems:
            params = dict(p.params)
            person = tmp_path / f"content/people/{params.get('value')}.md"
            if p.code == "J301" and not person.exists():
                person.write_text("---\nname: Contoh\npositions: [guru]\nconsent: true\n---\n",
                                  encoding="utf-8")
            elif p.code == "J401":
                _stub_file(tmp_path / params["folder"] / params["value"])
    unexpected = [f"{p.path}:{p.line}:{p.column} {p.code} {p.message('en')}"
                  for p in check_archive(tmp_path).problems]
    assert not unexpected


# --- konfigurasi.md, README ---------------------------------------------------------

def test_every_plugin_option_documented():
    text = _read("konfigurasi.md")
    for option in config.OPTIONS:
        assert f"`{option}`" in text, f"plugin option {option} missing from docs/konfigurasi.md"


def test_plugin_defaults_documented():
    text = _read("konfigurasi.md")
    for family, limit in DEFAULT_LIMITS.items():
        row = next((line for line in text.splitlines() if line.startswith(f"| `{family}` |")),
                   None)
        assert row is not None, f"no row for file family {family} in docs/konfigurasi.md"
        assert f"| {limit / 1_000_000:g} |" in row, f"default limit of {family} is {limit} bytes"
    assert f"{DEFAULT_MAX_PIXELS:_}" in text or str(DEFAULT_MAX_PIXELS) in text
    assert f"`{config.Settings().language}`" in text


def test_every_command_in_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Commands", 1)[1].split("\n## ", 1)[0]
    documented = set(re.findall(r"^\| `jejak ([a-z-]+)", section, re.M))
    commands = set(cli_main.commands)
    assert commands <= documented, f"README Commands table lacks {sorted(commands - documented)}"
    assert documented <= commands, f"README lists commands that do not exist: " \
                                   f"{sorted(documented - commands)}"


# --- links between the documents ----------------------------------------------------

def _slug(heading: str) -> str:
    """GitHub's heading anchor."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower().replace("`", ""))
    return text.replace(" ", "-")


def _anchors(path: Path) -> set[str]:
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"^```.*?^```", "", text, flags=re.M | re.S)
    heads = {_slug(m) for m in re.findall(r"^#{1,6} (.+)$", text, re.M)}
    return heads | set(re.findall(r'<a id="([^"]+)"', text))


@pytest.mark.parametrize("doc", sorted(p.name for p in DOCS.glob("*.md")) + ["../README.md"])
def test_links_resolve(doc):
    source = (DOCS / doc).resolve()
    text = re.sub(r"^```.*?^```", "", source.read_text(encoding="utf-8"), flags=re.M | re.S)
    for target, fragment in re.findall(r"\]\((?!https?:)([^)#\s]*)(?:#([^)\s]+))?\)", text):
        path = (source.parent / target).resolve() if target else source
        assert path.exists(), f"{doc}: broken link to {target}"
        if fragment and path.suffix == ".md":
            assert fragment in _anchors(path), f"{doc}: no anchor #{fragment} in {path.name}"
