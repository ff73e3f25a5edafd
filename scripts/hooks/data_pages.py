"""MkDocs hook: replace `<!-- data:NAME -->` markers in pages with HTML rendered from data/.

A page opts in with a marker (Material's own docs do the same with `<!-- hooks/... -->`); every
other page is returned untouched. View models come from hedersite.present, the HTML from the
macros in overrides/partials/contacts.html. An unknown marker stops the build, naming the page
and the marker, so a typo never renders as a silently empty page.
"""
from __future__ import annotations

import re

from jinja2 import Environment
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from hedersite import present
from hedersite.dataset import current_dataset
from hedersite.generated_pages import language_folders

MARKER = re.compile(r"<!--\s*data:([A-Za-z0-9_.-]*)\s*-->")
NATIONAL_PAGE = "nationella-linjer.md"
# The finder's scripts, in order: fold.js defines window.hsFold, which find-support.js uses.
FINDER_SCRIPTS = ("components/find-support/fold.js", "components/find-support/find-support.js")
TEMPLATE = "partials/contacts.html"
LANGUAGE_LINKS = "partials/language-links.html"


def _national(data, r, ctx):
    return ctx["macros"].national_lines(present.national_lines(data, r))


def _emergency(data, r, ctx):
    return ctx["macros"].emergency(present.emergency_box(data, r, ctx["national_url"]))


def county_href(data, folder: str, page_url: str):
    """county code -> the address of its page from page_url (folder: the language's folder in
    the site, '' or 'ar/')."""
    paths = {c["code"]: present.county_path(c) for c in data.counties()}
    return lambda code: get_relative_url(folder + paths[code], page_url)


def card_href(data, folder: str, page_url: str):
    """contact -> the address of its card from page_url: on its county's page."""
    county = county_href(data, folder, page_url)

    def href(contact: dict) -> str:
        target = county(contact["county"])
        return ("" if target in (".", "./") else target) + "#" + present.anchor(contact["id"])
    return href


def _find_support(data, r, ctx):
    folder, url = ctx["folder"], ctx["page_url"]
    view = present.find_support(data, r, ctx["national_url"], ctx["script_urls"],
                                county_href=county_href(data, folder, url), card_href=card_href(data, folder, url))
    return ctx["macros"].find_support(view)


def _languages(data, r, ctx):
    module = ctx["env"].get_template(LANGUAGE_LINKS).module
    return module.language_links(ctx["languages"], r.t("select.language"))


def _lines(data, r, ctx):
    """<!-- data:lines.ID.ID... -->: the cards of the national lines named, in that order (a
    topic page ends with the few lines for its situation)."""
    national = {c["id"]: c for c in data.national()}
    unknown = [i for i in ctx["arg"] if i not in national]
    if not ctx["arg"] or unknown:
        raise PluginError(f"{ctx['page_path']}: <!-- data:lines.{'.'.join(ctx['arg'])} --> names "
                          f"{', '.join(unknown) or 'no line'} - name national lines by their id, "
                          f"separated by dots: {', '.join(sorted(national))}")
    return ctx["macros"].national_lines([present.contact_card(national[i], r) for i in ctx["arg"]], 3)


RENDERERS = {"find-support": _find_support, "national-lines": _national, "emergency": _emergency,
             "languages": _languages, "lines": _lines}


def renderer_of(name: str):
    """The renderer of a marker name and its arguments: "lines.a.b" -> (_lines, ["a", "b"])."""
    base, _, rest = name.partition(".")
    return RENDERERS.get(base), [part for part in rest.split(".") if part]


def template_env(theme) -> Environment:
    """The theme's Jinja environment (our overrides first, then Material) with autoescape on,
    so data is escaped however a macro is written. It is a fresh environment of our own:
    changing it does not touch the one Material renders pages with."""
    env = theme.get_env()
    env.autoescape = True
    return env


def reader_env(theme, reader: present.Reader) -> Environment:
    env = template_env(theme)
    env.globals["ui"] = reader.ui
    return env


def macros(theme, reader: present.Reader):
    return reader_env(theme, reader).get_template(TEMPLATE).module


def _page_url(files, page, name: str) -> str:
    """Link from this page to the page `name` of the same language (docs/<lang>/name)."""
    folder = page.file.src_uri.rsplit("/", 1)[0] + "/" if "/" in page.file.src_uri else ""
    target = files.get_file_from_path(folder + name) or files.get_file_from_path(name)
    if target is None:
        raise PluginError(f"{page.file.src_uri}: links to {folder + name}, which does not exist - "
                          f"add the page (every municipality links to the national lines)")
    return get_relative_url(target.url, page.url)


def render(name: str, *, page_path: str, data, reader, theme, national_url: str, script_urls: list[str],
           languages: list[dict] = (), folder: str = "", page_url: str = "") -> str:
    renderer, arg = renderer_of(name)
    if renderer is None:
        raise PluginError(f"{page_path}: unknown marker <!-- data:{name} --> - "
                          f"use one of: {', '.join('data:' + n for n in RENDERERS)}")
    env = reader_env(theme, reader)
    ctx = {"macros": env.get_template(TEMPLATE).module, "env": env, "languages": list(languages),
           "national_url": national_url, "script_urls": script_urls, "arg": arg, "page_path": page_path,
           "folder": folder, "page_url": page_url}
    html = str(renderer(data, reader, ctx))
    # No blank lines: Markdown would end the raw HTML block there and parse the rest as text.
    return "\n".join(line for line in html.splitlines() if line.strip())


def _other_languages(config, page) -> list[dict]:
    """Every other built language's start page, linked from this page."""
    plugin = config.plugins.get("i18n")
    if plugin is None:
        return []
    return present.language_list(plugin.config.languages, config.site_name,
                                 lambda folder: get_relative_url(folder, page.url),
                                 skip=plugin.current_language)


def on_page_markdown(markdown, page, config, files):
    names = MARKER.findall(markdown)
    if not names:
        return markdown
    path = page.file.src_uri
    unknown = [n for n in names if renderer_of(n)[0] is None]
    if unknown:
        raise PluginError(f"docs/{path}: unknown marker <!-- data:{unknown[0]} --> - "
                          f"use one of: {', '.join('data:' + n for n in RENDERERS)}")
    data = current_dataset()  # already validated by data_gate.py's on_config
    reader = present.reader(config.theme["language"])
    options = {
        "page_path": f"docs/{path}", "data": data, "reader": reader, "theme": config.theme,
        "national_url": _page_url(files, page, NATIONAL_PAGE),
        "script_urls": [get_relative_url(src, page.url) for src in FINDER_SCRIPTS],
        "folder": language_folders(config).get(config.theme["language"], ""), "page_url": page.url,
        "languages": _other_languages(config, page) if "languages" in names else [],
    }
    return MARKER.sub(lambda m: render(m.group(1), **options), markdown)
