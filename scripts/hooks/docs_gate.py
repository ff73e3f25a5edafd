"""MkDocs hook: refuse to build when a file under docs/ breaks the content rules
(hedersite.docs_gate): raw scripts, frames, forms, styles, event attributes, javascript:
links, resources from another host, YAML aliases in front matter, files that are not pages
or images. Runs in on_config, before MkDocs reads a page, so a hostile page never reaches
the Markdown parser; every problem of every file is listed at once."""
from __future__ import annotations

import io
from pathlib import Path

from mkdocs.exceptions import PluginError

from hedersite import docs_gate
from hedersite.dataset import fingerprint
from hedersite.problems import ERROR, report

_checked: dict[tuple, list] = {}   # `mkdocs serve` and static-i18n call on_config again


def on_config(config):
    docs = Path(config.docs_dir)
    stamp = fingerprint(docs)
    if stamp not in _checked:
        _checked.clear()
        _checked[stamp] = docs_gate.problems(docs)
    problems = _checked[stamp]
    if any(p.level == ERROR for p in problems):
        out = io.StringIO()
        report(problems, out, annotations=False)
        raise PluginError("docs/ holds content the site does not publish, nothing was built:\n"
                          + out.getvalue())
    return config
