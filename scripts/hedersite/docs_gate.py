"""Check every file under docs/ as input from a stranger, before anything is built.

A page's Markdown may hold text, links and images of this site: no raw <script>, <iframe>,
<object>, <embed>, <form>, no on*= or style= attributes (also not through attr_list's
`{: ...}`), no javascript: links, nothing loaded from another host. Front matter is YAML that
MkDocs parses with PyYAML: an alias bomb there would hang every build, so anchors and
aliases are refused before MkDocs reads it. Files other than pages and images are refused:
an .html or .js file in docs/ would be published as it is, without the quick exit or the CSP.

Each rule is one function taking (text or path, shown path) and yielding Problems; every
problem names docs/<file>:line, and all of them are reported at once.
"""
from __future__ import annotations

import re
from pathlib import Path

from . import markup_rules, yamlfile
from .translations import FRONT_MATTER
from .dataset import ROOT, shown
from .problems import Problem

DOCS = ROOT / "docs"
MAX_BYTES = 256 * 1024
PAGE_SUFFIXES = {".md"}
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".webp", ".svg"}
# What an SVG image may not hold: it runs as a document when opened by its own address.
SVG_FORBIDDEN = markup_rules.EMBEDDING | {"script", "foreignobject", "style", "a", "image",
                                          "use", "animate", "set"}
# Markdown that the HTML parser does not see: [text](dest), ![alt](dest), [id]: dest, {: attrs}
INLINE_LINK = re.compile(r"(!?)\[[^\]\n]*\]\(\s*<?([^)\s>]*)")
REFERENCE = re.compile(r"^[ ]{0,3}\[([^\]\n]+)\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
IMAGE_REFERENCE = re.compile(r"!\[([^\]\n]*)\](?:\[([^\]\n]*)\])?")
ATTR_LIST = re.compile(r"\{:?([^{}\n]*)\}")
ATTR_CODE = re.compile(r"(?:^|\s)(on[a-z]+|style)\s*=", re.IGNORECASE)
# Front-matter text printed into the page head by templates (Material prints the title raw).
PRINTED_META = ("title", "description")


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


# --- files ---------------------------------------------------------------------------------

def check_file_kind(path: Path, where: str):
    """docs/ holds Markdown pages and images only."""
    if path.suffix.lower() not in PAGE_SUFFIXES | IMAGE_SUFFIXES:
        yield Problem(where, 1, "(file)", f"{path.suffix or 'a file without suffix'} files are not "
                      "allowed in docs/ (they would be published without the quick exit and the CSP)",
                      "pages are .md; images .png, .jpg, .webp or .svg; templates, scripts and "
                      "styles belong in overrides/")


def check_file_size(path: Path, where: str):
    """A file in docs/ is at most 256 KB (a page is a few KB; the limit keeps builds bounded)."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        yield Problem(where, 1, "(file)", f"is {size // 1024} KB, more than {MAX_BYTES // 1024} KB",
                      "split the page, or make the image smaller")


def read_text(path: Path, where: str) -> tuple[str | None, list[Problem]]:
    """The file as UTF-8 text, or a problem on the line of the first byte that is not UTF-8."""
    try:
        return yamlfile.decode_utf8(path.read_bytes()), []
    except yamlfile.Refused as why:
        return None, [Problem(where, why.line, why.where, why.message, why.hint)]


# --- page text -------------------------------------------------------------------------------

def check_front_matter_yaml(text: str, where: str):
    """Front matter is YAML that MkDocs parses as it is: it gets the limits of a data file
    (no anchors or aliases, tags, repeated keys, deep nesting), checked before anything is
    expanded (hedersite.yamlfile), so an alias bomb or 5,000 brackets never reach MkDocs."""
    match = FRONT_MATTER.match(text)
    # A line break for the first ---, so every line the loader names is the file's line.
    why = yamlfile.text_refusal("\n" + (match.group(1) or "")) if match else None
    if why is not None:
        yield Problem(where, why.line, "(front matter)", why.message, why.hint)


def check_front_matter_text(text: str, where: str):
    """title and description hold no HTML: templates print them into the page head."""
    match = FRONT_MATTER.match(text)
    if not match:
        return
    for number, line in enumerate((match.group(1) or "").splitlines(), start=2):
        key = line.split(":", 1)[0].strip()
        if key in PRINTED_META and re.search(r"[<>&]", line.split(":", 1)[1]):
            yield Problem(where, number, f"(front matter) {key}", "holds <, > or &",
                          "write plain words; a title is text, not HTML")


def check_raw_html(text: str, where: str):
    """Raw HTML in a page holds no script, frame, form, style, event attribute or foreign resource."""
    for finding in markup_rules.check_html(text):
        yield Problem(where, finding.line, "(HTML)", finding.what, finding.hint)


def check_markdown_links(text: str, where: str):
    """Markdown links are not javascript: addresses, and images come from this site."""
    definitions = {m.group(1).strip().lower(): m.group(2) for m in REFERENCE.finditer(text)}
    targets = [(m.start(), bool(m.group(1)), m.group(2)) for m in INLINE_LINK.finditer(text)]
    targets += [(m.start(), False, m.group(2)) for m in REFERENCE.finditer(text)]
    for m in IMAGE_REFERENCE.finditer(text):
        name = (m.group(2) or m.group(1) or "").strip().lower()
        if name in definitions:
            targets.append((m.start(), True, definitions[name]))
    for offset, image, target in sorted(targets):
        if markup_rules.code_url(target):
            yield Problem(where, _line(text, offset), "(link)", f"{target[:40]!r} runs code",
                          "link to a page: https://... or a page of this site (name.md)")
        elif image and markup_rules.other_host(target):
            yield Problem(where, _line(text, offset), "(image)", f"{target[:60]!r} is on another host",
                          "copy the image into docs/assets/ and link it from there")


def check_attr_lists(text: str, where: str):
    """attr_list's {: ...} sets no event handler or style (Markdown would write them as HTML)."""
    for m in ATTR_LIST.finditer(text):
        attrs = m.group(1)
        found = ATTR_CODE.search(attrs)
        if found:
            yield Problem(where, _line(text, m.start()), "(attributes)",
                          f"{{: {found.group(1)}=...}} is not allowed",
                          "remove it; use a class from a component stylesheet")
        elif markup_rules.code_url(attrs.split("=", 1)[-1].strip("\"' ")):
            yield Problem(where, _line(text, m.start()), "(attributes)", "holds a javascript: address",
                          "remove it")


PAGE_RULES = [check_front_matter_yaml, check_front_matter_text, check_raw_html,
              check_markdown_links, check_attr_lists]
FILE_RULES = [check_file_kind, check_file_size]


def check_svg(text: str, where: str):
    """An SVG image holds no script, event attribute, style or reference to another file."""
    for finding in markup_rules.check_html(text, frozenset(SVG_FORBIDDEN)):
        yield Problem(where, finding.line, "(SVG)", finding.what, "export the image again as plain shapes")


def file_problems(path: Path) -> list[Problem]:
    where = shown(path)
    found = [p for rule in FILE_RULES for p in rule(path, where)]
    if found or path.suffix.lower() not in PAGE_SUFFIXES | {".svg"}:
        return found
    text, unreadable = read_text(path, where)
    if text is None:
        return unreadable
    rules = PAGE_RULES if path.suffix.lower() == ".md" else [check_svg]
    return [p for rule in rules for p in rule(text, where)]


def problems(docs: Path = DOCS) -> list[Problem]:
    """Every problem in every file under docs/."""
    return [p for path in sorted(Path(docs).rglob("*")) if path.is_file() for p in file_problems(path)]
