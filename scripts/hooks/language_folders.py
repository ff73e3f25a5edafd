"""MkDocs hook: languages whose folder has a region (docs/fa-AF/ for Dari, docs/ku-IQ/ for
Sorani) get the same navigation as two-letter ones.

static-i18n 1.3.1 (folder.reconfigure_navigation) lifts the pages of docs/<locale>/ out of
their folder's section only when the section is titled locale.capitalize() ("Fa-af"), but
MkDocs titles the folder "fa AF" (mkdocs.utils.dirname_to_title). Without this hook a Dari
or Sorani reader's menu holds one section "fa AF" with every page in it, and with a fallback
the build finds no home page. Giving the section the title the plugin looks for lets the
plugin do the rest, exactly as for every other language.
"""
from __future__ import annotations

from mkdocs.plugins import event_priority
from mkdocs.utils import dirname_to_title


@event_priority(50)  # before static-i18n's on_nav (priority -100)
def on_nav(nav, config, files):
    locale = config.theme["language"]
    for item in nav.items:
        if item.is_section and item.title == dirname_to_title(locale) != locale.capitalize():
            item.title = locale.capitalize()
    return nav
