"""MkDocs hook: one page per county (<lang>/hitta-stod/<county>/), generated from data/ in
every language build: its municipalities, each with the centres that serve it and their
numbers, and the cards of its centres. The finder page (docs/<lang>/hitta-stod.md, marker
<!-- data:find-support -->) links them; it stays light, and so do they (the whole country on
one page was 6,500 elements, slow to lay out on a phone).

View models: hedersite.present.county_page; HTML: the county_page macro of
overrides/partials/contacts.html, rendered with autoescape on. The pages join the build as
hedersite.generated_pages adds them, outside the navigation. Site search does not index
their text (21 pages of the same labels, "help", "national lines", would push every other
page out of a search's results) but their places: present.county_search, as the page's
`search: {entries: ...}` for hooks/search_index.py.
"""
from __future__ import annotations

from markupsafe import escape
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

from hedersite import present
from hedersite.dataset import current_dataset
from hedersite.generated_pages import language_folders, page_file
from hooks.data_pages import NATIONAL_PAGE, card_href, macros

_pages: dict[str, str] = {}  # src_uri -> county code, for the language being built
_build: dict = {}            # this language build's reader, data and macros (compiled once)


@event_priority(-110)  # after static-i18n's on_files (-100)
def on_files(files, config):
    _pages.clear()
    locale = config.theme["language"]
    reader = present.reader(locale)
    data = current_dataset()  # validated by data_gate.py's on_config
    names = data.place_names(locale)
    _build.clear()
    _build.update(reader=reader, data=data, folder=language_folders(config).get(locale, ""),
                  macros=macros(config.theme, reader))
    for county in data.counties():
        here = present.place(county, names)
        file = page_file(config, present.county_path(county), {"title": here.shown})
        files.append(file)
        _pages[file.src_uri] = county["code"]
    return files


def on_page_content(html, page, config, files):
    code = _pages.get(page.file.src_uri)
    if code is None:
        return html
    reader, data, folder, module = (_build[k] for k in ("reader", "data", "folder", "macros"))
    # Material's header prints page.meta.title unescaped: escaped here, as Markup, so the
    # templates that escape it themselves (the tab title, overrides/main.html) do not again.
    page.meta["title"] = escape(page.meta["title"])
    page.meta["search"] = {"entries": present.county_search(data, code, reader)}
    view = present.county_page(
        data, code, reader, card_href(data, folder, page.url),
        national_url=get_relative_url(folder + NATIONAL_PAGE.removesuffix(".md") + "/", page.url),
        finder_url=get_relative_url(folder + present.FINDER, page.url))
    return str(module.county_page(view))
