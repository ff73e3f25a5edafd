"""MkDocs hook: the site's one 404.html is the default language's (Swedish).

static-i18n 1.3.1 builds every language into the same site folder, and every language build
writes the theme's 404.html at its root, so the last language built (Finnish) left its page
there: a reader who followed a broken link, in any language, got a page in Finnish. Now only
the default language's build writes it; its quick exit works as on every page, and it lists
every language by its own name (overrides/404.html).
"""
from __future__ import annotations

from hedersite import strings

NOT_FOUND = "404.html"


def on_pre_build(config):
    plugin = config.plugins.get("i18n")
    if plugin is None or plugin.is_default_language_build:
        config.theme.static_templates.add(NOT_FOUND)  # again, after another language (mkdocs serve)
    else:
        config.theme.static_templates.discard(NOT_FOUND)


def on_env(env, config, files):
    """`every_language` for the 404 page: whatever language the reader came from, they find
    theirs, by its own name and the site's name in it."""
    plugin = config.plugins.get("i18n")
    if plugin is None:
        return env
    env.globals["every_language"] = [
        {"tag": ui["language"], "dir": ui["direction"], "name": lang.name, "site_name": lang.site_name,
         # From the site root, as Material's own links on this page: 404.html answers any address.
         "href": "/" if lang.default else f"/{lang.locale}/"}
        for lang in plugin.config.languages if lang.build
        for ui in [strings.load(lang.locale)]
    ]
    return env
