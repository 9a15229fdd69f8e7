"""Reading records: front matter split, strict YAML with the position of every value."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from jejak.errors import Problem, Text, problem

try:  # the C composer is several times faster; the pure one gives the same marks
    _BaseLoader = yaml.CSafeLoader  # type: ignore[attr-defined]
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _BaseLoader = yaml.SafeLoader

MAX_RECORD_BYTES = 1_000_000
MAX_DEPTH = 12

Path_ = tuple[Any, ...]


class StrictLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """YAML 1.2-like core scalars: only true/false, decimal ints, plain floats.

    Everything else - yes/no, octal and zero-led numbers, sexagesimals, dates -
    stays a string, so a phone number never turns into an integer and a date
    is validated where its line is known.
    """

    yaml_implicit_resolvers: dict = {}


StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf")
)
StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789")
)
StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:0|[1-9][0-9]*)\.[0-9]+$"),
    list("-+0123456789"),
)
StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|)$"), ["~", "n", ""]
)

_TAG = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "seq", "map")}


@dataclass(frozen=True)
class Mark:
    """Where a value sits (1-based), and where its key sits when it has one."""

    line: int
    column: int
    key_line: int
    key_column: int


@dataclass
class RawRecord:
    """A record as read: plain values plus the mark of each value by its path."""

    path: str
    data: dict[str, Any]
    marks: dict[Path_, Mark]
    body: str
    body_line: int

    def mark(self, at: Path_, key: bool = False) -> tuple[int, int]:
        """Line and column of the value at `at` (or of its key), else the nearest parent."""
        while at not in self.marks and at:
            at = at[:-1]
        m = self.marks.get(at)
        if m is None:
            return (1, 1)
        return (m.key_line, m.key_column) if key else (m.line, m.column)


@dataclass
class LoadResult:
    record: RawRecord | None
    problems: list[Problem] = field(default_factory=list)


def load_record(file: Path, rel: str, max_bytes: int = MAX_RECORD_BYTES) -> LoadResult:
    """Read one record file; on failure return the problems, never raise."""
    try:
        raw = file.read_bytes()
    except OSError as exc:
        return LoadResult(None, [problem(rel, 1, 1, "J101", problem=exc.strerror)])
    return parse_record(raw, rel, max_bytes)


def parse_record(raw: bytes, rel: str, max_bytes: int = MAX_RECORD_BYTES) -> LoadResult:
    if len(raw) > max_bytes:
        return _fail(rel, 1, 1, "J108", size=_human(len(raw)), limit=_human(max_bytes))
    if not raw.strip():
        return _fail(rel, 1, 1, "J107")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16/32: NUL bytes, but an encoding problem
        return _fail(rel, 1, 1, "J102", byte=f"0x{raw[0]:02x}")
    if b"\x00" in raw:
        line, col = _position(raw, raw.index(b"\x00"))
        return _fail(rel, line, col, "J103")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, col = _position(raw, exc.start)
        return _fail(rel, line, col, "J102", byte=f"0x{raw[exc.start]:02x}")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _split_and_parse(text, rel)


def _split_and_parse(text: str, rel: str) -> LoadResult:
    opening = re.match(r"---[ \t]*(?:\n|$)", text)
    if opening is None:
        return _fail(rel, 1, 1, "J105")
    start = opening.end()  # YAML lines are numbered from 2 whatever the opening line holds
    end = re.search(r"^---[ \t]*$", text[start:], re.M)
    if end is None:
        return _fail(rel, 1, 1, "J104")
    yaml_text = text[start : start + end.start()]
    after = start + end.end()
    body = text[after + 1 :] if text[after : after + 1] == "\n" else text[after:]
    body_line = text.count("\n", 0, after) + 2
    if not yaml_text.strip():
        return _fail(rel, 1, 1, "J107")
    try:
        # Events first: the C composer recurses and crashes the interpreter on
        # deeply nested input, so depth (and anchors) are refused before composing.
        if _needs_event_scan(yaml_text):
            problems = _event_problems(yaml_text, rel)
            if problems:
                return LoadResult(None, problems)
        node = yaml.compose(yaml_text, Loader=StrictLoader)
    except yaml.MarkedYAMLError as exc:
        if "nesting depth" in (exc.problem or ""):
            # PyYAML ≥ 6.0.4 stops at its own depth limit while scanning ahead, before the
            # event scan above reaches ours: find where our limit was crossed.
            line, col = _deep_flow_position(yaml_text) or (
                (exc.problem_mark.line + 2, exc.problem_mark.column + 1)
                if exc.problem_mark else (1, 1))
            return _fail(rel, line, col, "J109", limit=MAX_DEPTH)
        mark = exc.problem_mark or exc.context_mark
        unclosed = any(n in (exc.problem or "") for n in _UNCLOSED)
        if exc.context_mark is not None and (unclosed or mark.index >= len(yaml_text.rstrip())):
            mark = exc.context_mark  # an unclosed quote or bracket: show where it opened
        line, col = (mark.line + 2, mark.column + 1) if mark else (1, 1)
        return _fail(rel, line, col, "J101", problem=_yaml_problem(exc.problem or exc.context))
    except yaml.YAMLError as exc:  # pragma: no cover - reader errors carry no mark
        return _fail(rel, 1, 1, "J101", problem=str(exc))
    if not isinstance(node, yaml.MappingNode):
        return _fail(rel, node.start_mark.line + 2, node.start_mark.column + 1, "J106",
                     found=_describe(node))
    builder = _Builder(rel)
    data = builder.build(node, (), 0)
    record = RawRecord(rel, data, builder.marks, body, body_line)
    return LoadResult(None if builder.problems and _fatal(builder.problems) else record,
                      builder.problems)


# PyYAML speaks English: the usual mistakes, said plainly (the original kept in English)
_YAML_PROBLEMS = [
    ("mapping values are not allowed",
     "ada titik dua `: ` di dalam nilai, atau indentasinya bergeser; beri tanda kutip pada "
     "nilai yang memuat `: `", "a `: ` inside a value, or shifted indentation; quote a value "
     "that holds `: `"),
    ("cannot start any token",
     "ada karakter yang tidak boleh mengawali nilai (tab, `@`, `` ` `` atau `%`); beri tanda "
     "kutip pada nilainya", "a character that cannot start a value (a tab, `@`, `` ` `` or "
     "`%`); quote the value"),
    ("found unexpected end of stream",
     "tanda kutip yang dibuka di sini tidak pernah ditutup",
     "a quote opened here is never closed"),
    ("expected ',' or ']'", "daftar `[` yang dibuka di sini tidak ditutup dengan `]`",
     "a `[` list opened here is not closed with `]`"),
    ("expected ',' or '}'", "pemetaan `{` yang dibuka di sini tidak ditutup dengan `}`",
     "a `{` mapping opened here is not closed with `}`"),
    ("could not find expected ':'", "baris ini tidak berbentuk `isian: nilai`",
     "this line is not `field: value`"),
    ("did not find expected key",
     "indentasinya tidak rata, atau ada teks sesudah nilai yang bertanda kutip",
     "uneven indentation, or text after a quoted value"),
    ("expected '-' indicator", "daftar `- ` dan isian `nama: nilai` tercampur pada tingkat ini",
     "list items `- ` and `name: value` fields are mixed at this level"),
    ("unknown escape character",
     "garis miring terbalik `\\` di dalam tanda kutip ganda; gunakan tanda kutip tunggal",
     "a backslash `\\` inside double quotes; use single quotes"),
]


_UNCLOSED = ("found unexpected end of stream", "expected ',' or ']'", "expected ',' or '}'")


def _yaml_problem(reason: str | None) -> Text:
    for needle, text_id, text_en in _YAML_PROBLEMS:
        if reason and needle in reason:
            return Text(text_id, f"{text_en} ({reason})")
    return Text(reason or "?", reason or "?")


def _fatal(problems: list[Problem]) -> bool:
    return any(p.code in {"J109", "J111", "J112", "J114"} for p in problems)


class _Builder:
    """Turns composed nodes into plain values, recording marks and refusing risky YAML."""

    def __init__(self, rel: str):
        self.rel = rel
        self.marks: dict[Path_, Mark] = {}
        self.problems: list[Problem] = []
        self._seen: set[int] = set()

    def _where(self, node: yaml.Node) -> tuple[int, int]:
        # +1 for 1-based lines, +1 for the opening `---` line
        return node.start_mark.line + 2, node.start_mark.column + 1

    def build(self, node: yaml.Node, at: Path_, depth: int) -> Any:
        line, col = self._where(node)
        if depth > MAX_DEPTH:
            self.problems.append(problem(self.rel, line, col, "J109", limit=MAX_DEPTH))
            return None
        if id(node) in self._seen:  # the same node twice means an alias
            self.problems.append(problem(self.rel, line, col, "J111"))
            return None
        self._seen.add(id(node))
        if node.tag not in _ALLOWED_TAGS:
            tag = "!!" + node.tag[len(_TAG):] if node.tag.startswith(_TAG) else node.tag
            self.problems.append(problem(self.rel, line, col, "J112", tag=tag))
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, at, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self._child(item, at + (i,), depth, item) for i, item in enumerate(node.value)]
        return _scalar(node)

    def _child(self, node: yaml.Node, at: Path_, depth: int, key_node: yaml.Node) -> Any:
        line, col = self._where(node)
        kline, kcol = self._where(key_node)
        self.marks[at] = Mark(line, col, kline, kcol)
        return self.build(node, at, depth + 1)

    def _mapping(self, node: yaml.MappingNode, at: Path_, depth: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            kline, kcol = self._where(key_node)
            if key_node.tag == _TAG + "merge" or (key_node.value == "<<" and not key_node.style):
                self.problems.append(problem(self.rel, kline, kcol, "J111"))
                continue
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _TAG + "str":
                found = _describe(key_node)
                self.problems.append(problem(self.rel, kline, kcol, "J114", found=found))
                continue
            key = key_node.value
            if key in first_line:
                self.problems.append(problem(self.rel, kline, kcol, "J110",
                                             field=_dotted(at + (key,)),
                                             other_line=first_line[key]))
                continue
            first_line[key] = kline
            out[key] = self._child(value_node, at + (key,), depth, key_node)
        return out


def _scalar(node: yaml.ScalarNode) -> Any:
    tag, value = node.tag, node.value
    if tag == _TAG + "str":
        return value
    if tag == _TAG + "bool":
        return value == "true"
    if tag == _TAG + "null":
        return None
    if tag == _TAG + "int":
        return int(value)
    if tag == _TAG + "float":
        return float(value)
    return value  # pragma: no cover - refused above


def _describe(node: yaml.Node) -> Text:
    if isinstance(node, yaml.MappingNode):
        return Text("pemetaan", "a mapping")
    if isinstance(node, yaml.SequenceNode):
        return Text("daftar", "a list")
    return Text(f"nilai tunggal `{node.value}`", f"a single value `{node.value}`")


_NODE_EVENTS = (yaml.ScalarEvent, yaml.AliasEvent, yaml.CollectionStartEvent)


def _deep_flow_position(yaml_text: str) -> tuple[int, int] | None:
    """Line and column (record-file based) of the flow bracket that opens a level deeper than
    MAX_DEPTH, counting the root mapping as the first level; quoted text is skipped."""
    depth, quote = 1, ""
    line, col = 2, 0  # the YAML starts on line 2, after the opening `---`
    for ch in yaml_text:
        col += 1
        if ch == "\n":
            line, col = line + 1, 0
            continue
        if quote:
            if ch == quote:
                quote = ""
            continue
        if ch in "'\"":
            quote = ch
        elif ch in "[{":  # a node opened inside `depth` collections, as the event scan counts
            if depth > MAX_DEPTH:
                return line, col
            depth += 1
        elif ch in "]}":
            depth -= 1
    return None


def _needs_event_scan(yaml_text: str) -> bool:
    """Whether the text could hold anchors, aliases or nesting deep enough to matter.

    A block mapping nested in a sequence nested in a mapping adds two levels for every two
    columns of indentation or dashes, at worst; flow brackets are counted.

    Nesting needs either indentation or flow brackets or stacked dashes, so a record
    without '&', '*', deep indentation or many brackets is composed directly (the event
    scan costs as much as composing)."""
    if "&" in yaml_text or "*" in yaml_text:
        return True
    if yaml_text.count("[") + yaml_text.count("{") > MAX_DEPTH:
        return True
    widest = max((len(line) - len(line.lstrip(" -")) for line in yaml_text.splitlines()),
                 default=0)
    return widest > MAX_DEPTH // 2  # a block level costs at least half a column on average


def _event_problems(yaml_text: str, rel: str) -> list[Problem]:
    """Anchors, aliases and too deep nesting, found without building anything."""
    out: list[Problem] = []
    depth = 0  # open collections; the root mapping's children sit at depth 1
    for event in yaml.parse(yaml_text, Loader=StrictLoader):
        m = event.start_mark
        if isinstance(event, _NODE_EVENTS) and depth > MAX_DEPTH:
            return [problem(rel, m.line + 2, m.column + 1, "J109", limit=MAX_DEPTH)]
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            out.append(problem(rel, m.line + 2, m.column + 1, "J111"))
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return out


def dotted(at: Path_) -> str:
    """`files[0].alt` for the path ('files', 0, 'alt')."""
    return _dotted(at)


def _dotted(at: Path_) -> str:
    out = ""
    for part in at:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _position(raw: bytes, offset: int) -> tuple[int, int]:
    line = raw.count(b"\n", 0, offset) + 1
    start = raw.rfind(b"\n", 0, offset) + 1
    return line, offset - start + 1


def _human(size: float) -> str:
    """1000-based sizes with up to two decimals, so 1.02 MB never reads like its limit 1 MB."""
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1000 or unit == "GB":
            shown = f"{size:.0f}" if unit == "B" else f"{size:.2f}".rstrip("0").rstrip(".")
            return f"{shown} {unit}"
        size /= 1000
    return str(size)  # pragma: no cover


human_size = _human


def _fail(rel: str, line: int, col: int, code: str, **params: Any) -> LoadResult:
    return LoadResult(None, [problem(rel, line, col, code, **params)])
