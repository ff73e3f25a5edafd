"""Load YAML files keeping the line of every value, so problems can name the line."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .problems import Problem


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps dates as text: the schema checks their form, a rule their value."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


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


def load(file: Path, shown_as: str) -> tuple[YamlFile | None, list[Problem]]:
    """Parse one file; a syntax error becomes a Problem with its line, never a traceback."""
    try:
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, [Problem(shown_as, 1, "(file)", f"not UTF-8 text ({exc.reason})",
                              "save the file as UTF-8")]
    try:
        node = yaml.compose(text, Loader=_Loader)
        data = yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        what = " ".join(str(part) for part in (exc.context, exc.problem) if part)
        return None, [Problem(shown_as, line, "(YAML syntax)", what,
                              "check indentation and quotes on this line and the one above; "
                              "text with ':' or '#' must be in quotes")]
    except yaml.YAMLError as exc:
        return None, [Problem(shown_as, 1, "(YAML syntax)", str(exc), "fix the YAML syntax")]
    result = YamlFile(shown_as, data)
    if node is not None:
        _index(node, (), result.lines)
    return result, []
