"""MkDocs hook: write the search index of the language being built to search/<locale>.json.

static-i18n runs one build per language (config.theme["language"] is its locale) into the
same site folder, so each build writes its own file at the site root; the browser fetches
only the reader's language, and only when the reader opens search (search.js). Addresses
are page.url, which is relative to the site root in every build (en/... for English).
A page leaves the index with `search: {exclude: true}` in its front matter. A hook that
generates a page may set `page.meta["search"] = {"entries": [{anchor, title, text}, ...]}`
before this hook runs: those plain-text entries stand for the page instead of its content.
"""
from __future__ import annotations

from pathlib import Path

from hedersite import search_entries, strings

FOLDER = "search"
_builds: dict[str, dict] = {}   # locale -> {"lang": BCP 47 tag, "entries": [...]}, one per build


def _locale(config) -> str:
    return config.theme["language"]


def on_pre_build(config):
    # The tag of <html lang> (data/strings/<locale>.yaml `language`): it decides lowercasing.
    _builds[_locale(config)] = {"lang": strings.load(_locale(config))["language"], "entries": []}


def on_page_content(html, page, config, files):
    build = _builds[_locale(config)]
    search = page.meta.get("search") or {}
    if "entries" in search:
        build["entries"].extend(search_entries.text_entry(page.url, item, build["lang"])
                                for item in search["entries"])
    elif not search.get("exclude"):
        build["entries"].append(search_entries.entry(page.url, page.title or "", html, build["lang"]))
    return html


def on_post_build(config):
    locale = _locale(config)
    build = _builds.pop(locale)
    target = Path(config.site_dir) / FOLDER / f"{locale}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(search_entries.dumps(search_entries.index(build["lang"], build["entries"])))
