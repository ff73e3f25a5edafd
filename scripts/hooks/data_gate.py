"""MkDocs hook: refuse to build when data/ has an error, so wrong contact data never reaches a page."""
from __future__ import annotations

import io

from mkdocs.exceptions import PluginError

from hedersite import validate
from hedersite.dataset import load_dataset
from hedersite.problems import report


def on_config(config):
    data = load_dataset()
    problems = validate.problems(data)
    if validate.errors(data):
        out = io.StringIO()
        report(problems, out, annotations=False)
        raise PluginError("the data has errors, nothing was built:\n" + out.getvalue())
    return config
