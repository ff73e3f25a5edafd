"""MkDocs hook: refuse to build when data/ has an error, so wrong contact data never reaches a page."""
from __future__ import annotations

import io

from mkdocs.exceptions import PluginError

from hedersite import validate
from hedersite.dataset import current_dataset
from hedersite.problems import ERROR, report


def on_config(config):
    data = current_dataset()
    problems = validate.problems(data)
    if any(p.level == ERROR for p in problems):
        out = io.StringIO()
        report(problems, out, annotations=False)
        raise PluginError("the data has errors, nothing was built:\n" + out.getvalue())
    return config
