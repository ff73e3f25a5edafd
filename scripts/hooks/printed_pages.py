"""MkDocs hook: the printed material pages (<lang>/material/ and <lang>/material/<id>/...),
generated from data/contacts/ in every language build, so what is printed is as current as
the site. View models: hedersite.printed; HTML: the macros of overrides/partials/printed.html,
rendered with autoescape on (data is text, never markup); print layout:
overrides/components/print/print.css.

How the pages join a static-i18n build (1.3.1, folder structure): the plugin's on_files
(priority -100) rebuilds the file list from files under docs/ only, and warns "Unhandled
file case" for any other page. So the pages are added after it, already placed as it places
a page of this language (docs/ar/x.md -> ar/x/; Swedish at the root), with the attributes it
gives its own files (locale, alternates: the language menu links the same sheet in every
language; without them the menu would keep the previous page's links). They are left out
of the navigation and of the search index: they are reached from the list page, which
"För yrkesverksamma" links.

With no `site_url` in mkdocs.yml the posters have no QR code (there is no address to encode):
the build says so once, as an INFO line (a warning would fail the strict build).
"""
from __future__ import annotations

from types import SimpleNamespace

import yaml
from markupsafe import escape
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.utils import get_relative_url

from hedersite import present, printed
from hedersite.dataset import current_dataset
from hooks.data_pages import reader_env  # the one autoescaping environment of the data pages

log = get_plugin_logger("printed")
TEMPLATE = "partials/printed.html"
_pages: dict[str, printed.Sheet] = {}   # src_uri -> the sheet, for the language being built
_build: dict = {}                       # this language build's reader, data and macros (once,
                                        # not per page: compiling the templates is the cost)
_told: list[bool] = []                  # the missing site_url has been reported (once a process)


def _folders(config) -> dict[str, str]:
    """Every built language's folder in the site: '' for the default (Swedish), else '<locale>/'."""
    plugin = config.plugins.get("i18n")
    if plugin is None:
        return {config.theme["language"]: ""}
    return {lang.locale: "" if lang.default else f"{lang.locale}/"
            for lang in plugin.config.languages if lang.build}


def _first_build(config) -> bool:
    plugin = config.plugins.get("i18n")
    return plugin is None or plugin.current_language in (plugin.build_languages or [None])[:1]


def _front_matter(title: str, description: str) -> str:
    meta = {"title": title, "description": description, "search": {"exclude": True},
            "hide": ["navigation", "toc"]}
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n"


def _page_file(config, sheet: printed.Sheet, locale: str, folders: dict[str, str], title: str,
               description: str) -> File:
    src_uri = f"{locale}/{sheet.path}index.md"
    file = File.generated(config, src_uri, content=_front_matter(title, description),
                          inclusion=InclusionLevel.NOT_IN_NAV)
    file.dest_uri = f"{folders.get(locale, '')}{sheet.path}index.html"
    # What static-i18n's create_i18n_file gives the pages it handles (see the docstring).
    file.locale = file.localization = file.locale_alternate_of = locale
    file.norm_src_uri = f"{sheet.path}index.md"
    file.alternates = {lang: SimpleNamespace(url=folder + sheet.path) for lang, folder in folders.items()}
    return file


@event_priority(-110)  # after static-i18n's on_files (-100)
def on_files(files, config):
    _pages.clear()
    if not config.site_url and _first_build(config) and not _told:
        _told.append(True)
        log.info("mkdocs.yml has no site_url: the printed posters are built without a QR code "
                 "to the site - set site_url (or the SITE_URL environment variable) to draw it")
    locale = config.theme["language"]
    reader = present.reader(locale)
    data = current_dataset()  # validated by data_gate.py's on_config
    _build.clear()
    _build.update(reader=reader, data=data, folder=_folders(config).get(locale, ""),
                  macros=reader_env(config.theme, reader).get_template(TEMPLATE).module)
    contacts = {c["id"]: c for c in printed.printable(data)}
    folders = _folders(config)
    for sheet in printed.sheets(data):
        title = printed.page_title(sheet, contacts.get(sheet.contact_id), reader)
        file = _page_file(config, sheet, locale, folders, title, reader.t("printed.intro"))
        files.append(file)
        _pages[file.src_uri] = sheet
    return files


def _render(sheet: printed.Sheet, page, config) -> str:
    reader, data, folder, macros = (_build[k] for k in ("reader", "data", "folder", "macros"))

    def href(target: printed.Sheet) -> str:
        return get_relative_url(folder + target.path, page.url)

    if sheet is printed.LIST:
        return str(macros.material_list(printed.material_list(data, reader, href)))
    contact = next(c for c in printed.printable(data) if c["id"] == sheet.contact_id)
    view = printed.sheet_view(sheet, contact, reader, start_url=printed.start_page_url(config.site_url, folder),
                              emergency=present.emergency_phone(data, reader), list_url=href(printed.LIST))
    return str(macros.sheet(view))


def on_page_content(html, page, config, files):
    sheet = _pages.get(page.file.src_uri)
    if sheet is None:
        return html
    # The title is made of labels and a contact's name, not checked like docs/ front matter,
    # and Material's header prints page.meta.title unescaped: escaped here, as Markup, so the
    # templates that escape it themselves (the tab title, overrides/main.html) do not again.
    page.meta["title"] = escape(page.meta["title"])
    return _render(sheet, page, config)
