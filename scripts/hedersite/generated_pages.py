"""Pages made from data/ at build time (county pages, printed material), added to the files of
the language being built as static-i18n (1.3.1, folder structure) places its own pages.

Its on_files (priority -100) rebuilds the file list from files under docs/ only, and warns
"Unhandled file case" for any other page. So generated pages are added after it, already
placed as it places a page of this language (docs/ar/x.md -> ar/x/; the default language at
the root), with the attributes it gives its own files (locale, alternates: the language menu
links the same page in every language; without them the menu keeps the previous page's links).
"""
from __future__ import annotations

from types import SimpleNamespace

import yaml
from mkdocs.structure.files import File, InclusionLevel


def language_folders(config) -> dict[str, str]:
    """Every built language's folder in the site: '' for the default (Swedish), else '<locale>/'."""
    plugin = config.plugins.get("i18n")
    if plugin is None:
        return {config.theme["language"]: ""}
    return {lang.locale: "" if lang.default else f"{lang.locale}/"
            for lang in plugin.config.languages if lang.build}


def front_matter(meta: dict) -> str:
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n"


def page_file(config, path: str, meta: dict) -> File:
    """The page at <language folder>/<path> (path ends in '/') of the language being built,
    outside the navigation, with `meta` as its front matter."""
    locale = config.theme["language"]
    folders = language_folders(config)
    file = File.generated(config, f"{locale}/{path}index.md", content=front_matter(meta),
                          inclusion=InclusionLevel.NOT_IN_NAV)
    file.dest_uri = f"{folders.get(locale, '')}{path}index.html"
    # What static-i18n's create_i18n_file gives the pages it handles (see the docstring).
    file.locale = file.localization = file.locale_alternate_of = locale
    file.norm_src_uri = f"{path}index.md"
    file.alternates = {lang: SimpleNamespace(url=folder + path) for lang, folder in folders.items()}
    return file
