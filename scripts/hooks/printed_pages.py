"""MkDocs hook: the printed material pages (<lang>/material/ and <lang>/material/<id>/...),
generated from data/contacts/ in every language build, so what is printed is as current as
the site. View models: hedersite.printed; HTML: the macros of overrides/partials/printed.html,
rendered with autoescape on (data is text, never markup); print layout:
overrides/components/print/print.css.

The pages join the build as hedersite.generated_pages adds them. They are left out
of the navigation and of the search index: they are reached from the list page, which
"För yrkesverksamma" links.

With no `site_url` in mkdocs.yml the posters have no QR code (there is no address to encode):
the build says so once, as an INFO line (a warning would fail the strict build).
"""
from __future__ import annotations

from markupsafe import escape
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.utils import get_relative_url

from hedersite import present, printed
from hedersite.dataset import current_dataset
from hedersite.generated_pages import language_folders, page_file
from hooks.data_pages import reader_env  # the one autoescaping environment of the data pages

log = get_plugin_logger("printed")
TEMPLATE = "partials/printed.html"
_pages: dict[str, printed.Sheet] = {}   # src_uri -> the sheet, for the language being built
_build: dict = {}                       # this language build's reader, data and macros (once,
                                        # not per page: compiling the templates is the cost)
_told: list[bool] = []                  # the missing site_url has been reported (once a process)


def _first_build(config) -> bool:
    plugin = config.plugins.get("i18n")
    return plugin is None or plugin.current_language in (plugin.build_languages or [None])[:1]


def _meta(title: str, description: str) -> dict:
    return {"title": title, "description": description, "search": {"exclude": True},
            "hide": ["navigation", "toc"]}


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
    _build.update(reader=reader, data=data, folder=language_folders(config).get(locale, ""),
                  macros=reader_env(config.theme, reader).get_template(TEMPLATE).module)
    contacts = {c["id"]: c for c in printed.printable(data)}
    for sheet in printed.sheets(data):
        title = printed.page_title(sheet, contacts.get(sheet.contact_id), reader)
        file = page_file(config, sheet.path, _meta(title, reader.t("printed.intro")))
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
