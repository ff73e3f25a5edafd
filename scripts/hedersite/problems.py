"""A problem found in the data, and how problems are reported to editors."""
from __future__ import annotations

import os
from dataclasses import dataclass
from itertools import groupby

ERROR = "error"
WARNING = "warning"
INFO = "info"


def field_name(path) -> str:
    """JSON path as an editor reads it: phones[0].e164"""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(file)"


@dataclass(frozen=True)
class Problem:
    path: str  # relative to the project root, as the editor sees it in the pull request
    line: int
    field: str
    message: str
    hint: str = ""
    level: str = ERROR

    def text(self) -> str:
        fix = f" - {self.hint}" if self.hint else ""
        prefix = "" if self.level == ERROR else f"{self.level}: "
        return f"{self.path}:{self.line}: {self.field}: {prefix}{self.message}{fix}"

    def annotation(self) -> str:
        # GitHub turns these lines into notes on the changed lines of a pull request.
        kind = "error" if self.level == ERROR else ("warning" if self.level == WARNING else "notice")
        body = f"{self.field}: {self.message}" + (f" - {self.hint}" if self.hint else "")
        body = body.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::{kind} file={self.path},line={self.line}::{body}"


def report(problems: list[Problem], out, annotations: bool | None = None, subject: str = "Data") -> int:
    """Print problems grouped by file and return the exit code (1 if any error)."""
    if annotations is None:
        annotations = os.environ.get("GITHUB_ACTIONS") == "true"
    ordered = sorted(problems, key=lambda p: (p.path, p.line, p.field, p.message))
    for path, group in groupby(ordered, key=lambda p: p.path):
        group = list(group)
        print(path, file=out)
        for problem in group:
            print(f"  {problem.text()}", file=out)
        print(file=out)
    if annotations:
        for problem in ordered:
            if problem.level != INFO:
                print(problem.annotation(), file=out)
    errors = [p for p in problems if p.level == ERROR]
    warnings = [p for p in problems if p.level == WARNING]
    files = len({p.path for p in errors})
    if errors:
        print(f"{len(errors)} error(s) in {files} file(s), {len(warnings)} warning(s). "
              "Nothing was built: fix the lines above and run `make validate` again.", file=out)
        return 1
    print(f"{subject} is valid ({len(warnings)} warning(s)).", file=out)
    return 0
