"""MkDocs hook: the safety and privacy promises, applied to every finished page.

- The quick exit's addresses for overrides/partials/quick-exit.html (Jinja global
  `quick_exit`): the neutral page (mkdocs.yml extra.quick_exit_url) and the hide-your-visit
  page of the reader's language.
- The exit skip link becomes the very first element of <body>: Material's base.html has no
  block before its own skip link, so only the finished HTML can put ours first.
- Every link to another site gets rel="noopener noreferrer" (Markdown links and templates).
- A Content-Security-Policy <meta> (hedersite.csp), right after <meta charset> so it covers
  everything after it, and csp.txt (every page of every language) for the HTTP headers. What
  may be allowed is fixed by the templates: the inline scripts that overrides/ and what it
  includes write (csp.template_hashes, in on_env). A page's policy lists those of them that
  the page holds; a script on the page that is not one of them stops the build.
- The last guard: a page with an inline script that no template writes, or with markup the
  content rules refuse (hedersite.markup_rules: frames, event and style attributes,
  javascript: addresses, resources from another host), stops the build, however it got in.

Keep this hook last in mkdocs.yml `hooks:` so it sees the HTML every other hook produced.
"""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError

from hedersite import csp, markup_rules
from hedersite.headers import POLICY_FILE

DEFAULT_EXIT_URL = "https://www.smhi.se/vader"  # SMHI's weather: neutral, nothing personal
HIDE_VISIT_PAGE = "dolj-ditt-besok.md"          # the same file name in every language

SKIP = re.compile(r"<!--hs:exit-skip-->(.*?)<!--/hs:exit-skip-->", re.DOTALL)
BODY = re.compile(r"<body\b[^>]*>", re.IGNORECASE)
CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.IGNORECASE)
LINK = re.compile(r"<a\b[^>]*>", re.IGNORECASE)
HREF = re.compile(r"""\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
REL = re.compile(r"""\srel\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
NEEDED_REL = ("noopener", "noreferrer")

_allowed: dict[str, set[str]] = {}  # locale -> hashes of the inline scripts its templates write
_used: dict[str, set[str]] = {}     # locale -> those of them its pages hold (for csp.txt)


def _locale(config) -> str:
    return config.theme["language"]


def exit_url(config) -> str:
    url = (config.extra or {}).get("quick_exit_url") or DEFAULT_EXIT_URL
    if urlsplit(url).scheme != "https" or not urlsplit(url).netloc:
        raise PluginError(f"mkdocs.yml: extra.quick_exit_url must be an https:// address of a "
                          f"neutral page, not {url!r}")
    return url


def hide_visit_path(config, files) -> str:
    """The hide-your-visit page of this language, from the site root; the default language's
    page (at the root) while a language has no translation of it yet: never a dead link."""
    own = files.get_file_from_path(f"{_locale(config)}/{HIDE_VISIT_PAGE}")
    if own is not None:
        return own.url
    stem = HIDE_VISIT_PAGE.removesuffix(".md")
    return f"{stem}/" if config.use_directory_urls else f"{stem}.html"


def page_templates(config) -> list[str]:
    """The templates we wrote (overrides/): the roots from which the allowed scripts are found."""
    folder = Path(config.theme.custom_dir)
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.html"))


def on_env(env, config, files):
    _allowed[_locale(config)] = csp.template_hashes(env, page_templates(config))
    env.globals["quick_exit"] = {"url": exit_url(config), "hide_visit": hide_visit_path(config, files)}
    return env


def skip_link_first(html: str, where: str) -> str:
    """Move the exit skip link (between the markers of partials/quick-exit.html) to right
    after <body>, so that it is the first thing the Tab key reaches."""
    skip, body = SKIP.search(html), BODY.search(html)
    if skip is None or body is None:
        raise PluginError(f"{where}: no quick exit skip link after <body> - every page must be "
                          f"built from overrides/main.html, which includes partials/quick-exit.html")
    html = html[:skip.start()] + html[skip.end():]
    return html[:body.end()] + skip.group(1) + html[body.end():]


def _attr(pattern: re.Pattern, tag: str) -> str | None:
    found = pattern.search(tag)
    return None if found is None else next(v for v in found.groups() if v is not None)


def is_external(href: str) -> bool:
    return href.startswith("//") or urlsplit(href).scheme in ("http", "https")


def _with_rel(tag: str) -> str:
    rel = _attr(REL, tag)
    if rel is None:
        return tag[:-1] + ' rel="noopener noreferrer">'
    tokens = rel.split()
    tokens += [t for t in NEEDED_REL if t not in tokens]
    return REL.sub(lambda _: f' rel="{" ".join(tokens)}"', tag, count=1)


def external_links_private(html: str) -> str:
    """rel="noopener noreferrer" on every link to another site, with its other rel values."""
    def fix(match):
        href = _attr(HREF, match.group(0))
        return _with_rel(match.group(0)) if href and is_external(href) else match.group(0)
    return LINK.sub(fix, html)


def with_policy(html: str, policy: str, where: str) -> str:
    charset = CHARSET.search(html)
    if charset is None:
        raise PluginError(f"{where}: no <meta charset> to put the Content-Security-Policy after")
    meta = f'\n<meta http-equiv="Content-Security-Policy" content="{policy}">'
    return html[:charset.end()] + meta + html[charset.end():]


def refuse_foreign_scripts(html: str, allowed: set[str], where: str) -> None:
    """Every inline script of the page is one a template writes, byte for byte."""
    foreign = [body for body in csp.inline_scripts(html) if csp.script_hash(body) not in allowed]
    if foreign:
        raise PluginError(f"{where}: holds an inline <script> that no template of the site writes "
                          f"({foreign[0].strip()[:60]!r}) - pages may not add scripts; behaviour "
                          f"belongs in a component script under overrides/components/")


def refuse_foreign_markup(html: str, where: str) -> None:
    """No frame, event or style attribute, code address or foreign resource in the page."""
    findings = markup_rules.check_html(html, markup_rules.EMBEDDING)
    if findings:
        listed = "; ".join(f"line {f.line} of the built page: {f.what}" for f in findings[:5])
        raise PluginError(f"{where}: {listed} - {findings[0].hint}")


def finish(html: str, config, where: str) -> str:
    allowed = _allowed.get(_locale(config), set())
    html = skip_link_first(html, where)
    html = external_links_private(html)
    refuse_foreign_scripts(html, allowed, where)
    refuse_foreign_markup(html, where)
    hashes = csp.hashes(html)  # all of them in `allowed` (refused above otherwise)
    _used.setdefault(_locale(config), set()).update(hashes)
    return with_policy(html, csp.policy(hashes), where)


def on_pre_build(config):
    _used[_locale(config)] = set()   # `mkdocs serve` rebuilds: forget old pages


def on_post_page(output, page, config):
    return finish(output, config, f"docs/{page.file.src_uri}")


def on_post_template(output_content, template_name, config):
    # 404.html is rendered from a template, not a page; sitemap.xml needs nothing.
    if not template_name.endswith(".html"):
        return output_content
    return finish(output_content, config, template_name)


def _written_hashes(path: Path) -> set[str]:
    if not path.is_file():
        return set()
    sources = csp.directives(path.read_text("utf-8")).get("script-src", [])
    return {source for source in sources if source.startswith("'sha256-")}


def on_post_build(config):
    # static-i18n runs one build per language into the same folder: the file keeps the hashes
    # an earlier language's build wrote there, so one HTTP header fits every page of every
    # language. (hedersite.parallel_build gives each language a folder and joins the hashes
    # of every language's csp.txt the same way; tests/safety checks that csp.txt allows every
    # inline script of every page and nothing else.)
    path = Path(config.site_dir) / POLICY_FILE
    every_hash = set().union(_written_hashes(path), *_used.values())
    path.write_text(csp.policy(every_hash) + "\n", "utf-8")
