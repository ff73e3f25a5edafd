"""Every value our templates print is escaped. Material's environment does not autoescape,
so a template rendered there must pass each printed value through |e; only expressions that
produce HTML on purpose (super(), the page text, macro calls, Material's script_tag) are left
as they are. partials/contacts.html is rendered only by scripts/hooks/data_pages.py, whose
environment autoescapes. The CSP hashes come from these templates (hedersite.csp)."""
from __future__ import annotations

import re
from pathlib import Path

from hedersite import csp

ROOT = Path(__file__).resolve().parents[2]
OVERRIDES = ROOT / "overrides"
AUTOESCAPED = {"partials/contacts.html"}   # data_pages.template_env: autoescape=True
PRINT = re.compile(r"\{\{-?\s*(.*?)\s*-?\}\}", re.DOTALL)
COMMENT = re.compile(r"\{#.*?#\}", re.DOTALL)
HTML_ON_PURPOSE = [
    re.compile(r"super\(\)"),                          # the parent block
    re.compile(r"page_content"),                       # the page's HTML (Markdown output)
    re.compile(r"[A-Za-z_][\w.]*\(.*\)", re.DOTALL),   # a macro call: its own values are escaped
    re.compile(r"script \| script_tag"),               # Material's filter, escapes the path itself
    re.compile(r"'[^'\"{}]*' \| url"),                 # a constant path of ours
]
# partials/language.html's t(): our labels arrive escaped (scripts/hooks/ui_strings.py makes
# them Markup), Material's own are Material's text.
LABEL_LOOKUP = "(ui or {}).get(key) or material.t(key) or fallback.t(key) or key"


def _unescaped(template: Path) -> list[str]:
    text = COMMENT.sub("", template.read_text("utf-8"))
    bad = []
    for expression in PRINT.findall(text):
        if re.search(r"\|\s*e\s*$", expression) or expression == LABEL_LOOKUP:
            continue
        if any(pattern.fullmatch(expression) for pattern in HTML_ON_PURPOSE):
            continue
        bad.append(expression)
    return bad


def test_every_printed_value_is_escaped():
    templates = sorted(OVERRIDES.rglob("*.html"))
    assert len(templates) > 5
    found = {t.relative_to(OVERRIDES).as_posix(): bad for t in templates
             if t.relative_to(OVERRIDES).as_posix() not in AUTOESCAPED and (bad := _unescaped(t))}
    assert found == {}, "print these with | e (Material's environment does not escape)"


def test_the_scan_sees_an_unescaped_value(tmp_path):
    template = tmp_path / "t.html"
    template.write_text('<p title="{{ ui["x"] }}">{{ name | e }} {{ m(x) }}</p>', "utf-8")
    assert _unescaped(template) == ['ui["x"]']


def test_allowed_scripts_are_the_templates_own(built_site):
    """Every hash the site's policy allows is the hash of a <script> written, as it is, in one
    of our templates or in a Material template they include."""
    from hedersite import headers
    import material
    sources = [p.read_text("utf-8") for folder in (OVERRIDES, Path(material.__file__).parent / "templates")
               for p in folder.rglob("*.html")]
    in_templates = {csp.script_hash(body) for source in sources for body in csp.inline_scripts(source)}
    written = csp.directives((built_site / headers.POLICY_FILE).read_text("utf-8"))["script-src"]
    hashes = [s for s in written if s.startswith("'sha256-")]
    assert hashes and set(hashes) <= in_templates
