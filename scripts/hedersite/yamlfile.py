"""Load YAML files keeping the line of every value, so problems can name the line.

The files come by pull request, so a file is read as hostile input: its size is checked on
the bytes, its text for bad bytes and control characters, then the parser's events one at a
time, and only a small tree of plain values is ever built. Contact data needs no anchors,
aliases, tags, merge keys, repeated keys or deep nesting, so those are refused at the event
where they appear, before anything is expanded or composed: an alias bomb or a
self-referencing alias never grows, 5,000 nested brackets never recurse. Every refusal is a
Problem with the file, its real line and a fix, never a traceback.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .problems import Problem, field_name

MAX_BYTES = 256 * 1024  # the largest data file (geography) is 13 KB; 256 KB parses in well under a second
# Deepest the schemas go is 5 (hours.periods[].days[], counties[].municipalities[]{}); one
# level more still lets the schema name a misplaced field, anything deeper is refused.
MAX_DEPTH = 6
# Geography, the largest file, has about 1,600 values (290 municipalities with code and name);
# a bound on values bounds the time any file can take (about 20 µs a value).
MAX_VALUES = 5000
MAX_NUMBER_CHARS = 30  # contact numbers are ages and positions; Python refuses ints of 4,300 digits

# The C parser (libyaml, in PyYAML's wheels) reads 256 KB in ~0.03 s, the pure Python one in
# ~0.6 s; both emit the same events.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):
    """SafeLoader that keeps dates as text: the schema checks their form, a rule their value."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

# C0 and C1 controls except tab and line breaks, lone carriage returns, and the characters
# YAML counts as line breaks but editors do not (NEL, U+2028/2029), which would shift every
# line number after them; U+FFFE/FFFF are not characters.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]|\r(?!\n)")
_QUOTED = ("'", '"')
_MERGE = "tag:yaml.org,2002:merge"
_NUMBERS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")


@dataclass
class YamlFile:
    path: str  # as shown to editors
    data: object = None
    lines: dict[tuple, int] = field(default_factory=dict)  # JSON path -> 1-based line

    def line(self, path=()) -> int:
        """Line of the value at path, or of its nearest parent that exists."""
        path = tuple(path)
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)


class Refused(Exception):
    """One reason to refuse the whole file: where, what and how to fix it."""

    def __init__(self, line: int, where: str, message: str, hint: str):
        super().__init__(message)
        self.line, self.where, self.message, self.hint = line, where, message, hint


# --- bytes and text ------------------------------------------------------------------------

def _read_bytes(file: Path) -> bytes:
    """At most one byte over the limit is read: a 5 GB file costs nothing."""
    with open(file, "rb") as stream:
        raw = stream.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        raise Refused(1, "(file)", f"is larger than {MAX_BYTES // 1024} KB",
                      "a data file holds one contact (about 1 KB): split it or remove what is not data")
    return raw


def decode_utf8(raw: bytes) -> str:
    """The bytes as text, or Refused at the line and column of the first byte that is not UTF-8."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise Refused(line, "(file)", f"byte 0x{raw[exc.start]:02X} in column {column} is not UTF-8 text",
                      "save the file as UTF-8 (UTF-8 without BOM in most editors) and retype that character")


def _refuse_control_characters(text: str) -> None:
    match = _CONTROL.search(text)
    if match:
        line = text.count("\n", 0, match.start()) + 1
        column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        raise Refused(line, "(file)", f"control character U+{ord(match.group()[0]):04X} in column {column}",
                      "delete it (it is invisible: retype the text around it); use a normal line break")


# --- events, checked one at a time -----------------------------------------------------------

def _refuse_anchor(event, where: str) -> None:
    if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
        sign = "*" if isinstance(event, yaml.AliasEvent) else "&"
        kind = "alias" if isinstance(event, yaml.AliasEvent) else "anchor"
        raise Refused(event.start_mark.line + 1, where,
                      f"YAML anchor or alias ({sign}{event.anchor}) is not allowed ({kind} {event.anchor!r})",
                      "write the value out in full; data here never repeats a part by reference")


def _refuse_tag(event, where: str) -> None:
    # The parser gives a tag only when the file writes one ("!" alone just means plain text).
    if getattr(event, "tag", None) not in (None, "!"):
        raise Refused(event.start_mark.line + 1, where, f"YAML tag {event.tag} is not allowed",
                      "remove the tag; write plain text, numbers, true/false, lists and fields")


def _refuse_depth(event, depth: int, where: str) -> None:
    if isinstance(event, yaml.CollectionStartEvent) and depth >= MAX_DEPTH:
        raise Refused(event.start_mark.line + 1, where, f"is nested more than {MAX_DEPTH} levels deep",
                      "check the indentation and the brackets on this line; the schema needs no more levels")


def _refuse_too_many_values(event, count: int) -> None:
    if count > MAX_VALUES:
        raise Refused(event.start_mark.line + 1, "(file)", f"holds more than {MAX_VALUES} values",
                      "a data file holds one contact: split it or remove what is not data")


def _refuse_second_document(event, documents: int) -> None:
    if isinstance(event, yaml.DocumentStartEvent) and documents >= 1:
        raise Refused(event.start_mark.line + 1, "(file)", "holds a second YAML document (---)",
                      "keep one contact per file: remove the --- line or move what follows to its own file")


def _refuse_merge_key(node, where: str) -> None:
    if node.tag == _MERGE:
        raise Refused(node.start_mark.line + 1, where, "YAML merge key (<<) is not allowed",
                      "write the fields out in full")


def _refuse_huge_number(node, where: str) -> None:
    if node.tag in _NUMBERS and len(node.value) > MAX_NUMBER_CHARS:
        raise Refused(node.start_mark.line + 1, where, f"a number of {len(node.value)} characters",
                      "put text in quotes; numbers in contact data are small (ages, positions)")


EVENT_CHECKS = [_refuse_anchor, _refuse_tag]  # each takes (event, where)
NODE_CHECKS = [_refuse_merge_key, _refuse_huge_number]  # each takes (scalar node, where)


class _Open:
    """A mapping or list being read: its path, and the key whose value comes next (mappings)."""

    def __init__(self, node, path: tuple):
        self.node, self.path, self.key = node, path, None

    def child_path(self) -> tuple:
        """Path of the next node read into it (a key itself has its mapping's path)."""
        if isinstance(self.node, yaml.SequenceNode):
            return self.path + (len(self.node.value),)
        return self.path + (self.key.value,) if self.key is not None else self.path

    def add(self, child) -> None:
        if isinstance(self.node, yaml.SequenceNode):
            self.node.value.append(child)
        elif self.key is None:
            self.key = child
        else:
            self.node.value.append((self.key, child))
            self.key = None


def _node(loader, event):
    if isinstance(event, yaml.ScalarEvent):
        tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit)
        return yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, style=event.style)
    kind = yaml.SequenceNode if isinstance(event, yaml.SequenceStartEvent) else yaml.MappingNode
    tag = loader.resolve(kind, None, event.implicit)
    return kind(tag, [], event.start_mark, None, flow_style=event.flow_style)


def _compose(loader):
    """The document's node tree, built from the parser's events without recursion; every
    event is checked before it is used."""
    stack: list[_Open] = []
    root, documents, count = None, 0, 0
    while not loader.check_event(yaml.StreamEndEvent):
        event = loader.get_event()
        count += 1
        _refuse_too_many_values(event, count)
        path = stack[-1].child_path() if stack else ()
        where = field_name(path)
        _refuse_second_document(event, documents)
        documents += isinstance(event, yaml.DocumentStartEvent)
        for check in EVENT_CHECKS:
            check(event, where)
        _refuse_depth(event, len(stack), where)
        if isinstance(event, yaml.CollectionEndEvent):
            stack.pop().node.end_mark = event.end_mark
            continue
        if not isinstance(event, (yaml.ScalarEvent, yaml.CollectionStartEvent)):
            continue  # stream and document start and end
        node = _node(loader, event)
        if isinstance(node, yaml.ScalarNode):
            for check in NODE_CHECKS:
                check(node, where)
        if stack:
            stack[-1].add(node)
        else:
            root = node
        if isinstance(event, yaml.CollectionStartEvent):
            stack.append(_Open(node, path))
    return root


# --- the tree ------------------------------------------------------------------------------

def _refuse_duplicate_keys(node, path=()) -> None:
    """A key written twice: the reviewer reads the first value, the site would use the last."""
    if isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _refuse_duplicate_keys(item, path + (i,))
    elif isinstance(node, yaml.MappingNode):
        first: dict[tuple, int] = {}
        for key, value in node.value:
            line = key.start_mark.line + 1
            name = (key.tag, key.value) if isinstance(key, yaml.ScalarNode) else (key.tag, id(key))
            if name in first:
                raise Refused(line, field_name(path + (key.value,)),
                              f"{key.value!r} on line {line} repeats line {first[name]}",
                              "keep one of the two lines: a field is written once")
            first[name] = line
            _refuse_duplicate_keys(value, path + (key.value,))


def _index(node, path, lines):
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            child = path + (key_node.value,)
            _index(value_node, child, lines)
            lines[child] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _index(item, path + (i,), lines)


# --- syntax errors -------------------------------------------------------------------------

def _last_quote_before(text: str, error_line: int):
    """The last quoted value the scanner read before the error, if it runs over several lines:
    an unclosed quote swallows the lines after it until the next quote sign."""
    last = None
    try:
        for token in yaml.scan(text, Loader=_Base):
            if token.start_mark.line >= error_line:
                break
            if isinstance(token, yaml.ScalarToken) and token.style in _QUOTED:
                last = token
    except yaml.YAMLError:
        pass
    return last if last is not None and last.end_mark.line > last.start_mark.line else None


def _syntax_refusal(text: str, exc: yaml.MarkedYAMLError) -> Refused:
    mark = exc.problem_mark or exc.context_mark
    what = " ".join(str(part) for part in (exc.context, exc.problem) if part)
    if exc.context == "while scanning a quoted scalar" and exc.context_mark:
        return Refused(exc.context_mark.line + 1, "(YAML syntax)", "this quote is never closed",
                       "end the quoted text with the same quote sign on this line")
    quote = _last_quote_before(text, mark.line if mark else 0)
    if quote is not None:
        return Refused(quote.start_mark.line + 1, "(YAML syntax)",
                       f"the quote opened on this line runs on to line {quote.end_mark.line + 1} "
                       f"({what} on line {mark.line + 1})",
                       "close the quote on this line; inside '...' write '' for one ', inside \"...\" \\\"")
    return Refused(mark.line + 1 if mark else 1, "(YAML syntax)", what,
                   "check indentation and quotes on this line and the one above; "
                   "text with ':' or '#' must be in quotes")


def _parse(text: str):
    loader = _Loader(text)
    try:
        root = _compose(loader)
        if root is None:
            return None, root
        _refuse_duplicate_keys(root)
        return loader.construct_document(root), root
    except yaml.MarkedYAMLError as exc:
        raise _syntax_refusal(text, exc) from None
    except yaml.YAMLError as exc:
        raise Refused(1, "(YAML syntax)", str(exc), "fix the YAML syntax") from None
    finally:
        loader.dispose()


def parse_text(text: str):
    """YAML text from a stranger that is not a data file (a page's front matter), with the
    same limits as a data file: its data, or Refused; nothing is expanded."""
    _refuse_control_characters(text)
    return _parse(text)[0]


def text_refusal(text: str) -> Refused | None:
    """Why parse_text refuses the text, or None."""
    try:
        parse_text(text)
    except Refused as why:
        return why
    return None


def load_data(file: Path, shown_as: str):
    """The plain data of a file other code reads directly (strings, glossary): ValueError
    with file:line and the fix when the file is refused."""
    f, problems = load(file, shown_as)
    if problems:
        raise ValueError(problems[0].text())
    return f.data


def load(file: Path, shown_as: str) -> tuple[YamlFile | None, list[Problem]]:
    """Read one file; anything wrong with it becomes one Problem with its line, never a traceback."""
    try:
        text = decode_utf8(_read_bytes(file))
        _refuse_control_characters(text)
        data, root = _parse(text)
    except Refused as why:
        return None, [Problem(shown_as, why.line, why.where, why.message, why.hint)]
    result = YamlFile(shown_as, data)
    if root is not None:
        _index(root, (), result.lines)
    return result, []
