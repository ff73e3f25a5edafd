"""MkDocs hook: the site's one 404.html is the default language's (Swedish).

static-i18n 1.3.1 builds every language into the same site folder, and every language build
writes the theme's 404.html at its root, so the last language built (Finnish) left its page
there: a reader who followed a broken link, in any language, got a page in Finnish. Now only
the default language's build writes it; its quick exit works as on every page, and it lists
every language by its own name (overrides/404.html).
"""
from __future__ import annotations

from hedersite import present

NOT_FOUND = "404.html"


def on_pre_build(config):
    plugin = config.plugins.get("i18n")
    if plugin is None or plugin.is_default_language_build:
        config.theme.static_templates.add(NOT_FOUND)  # again, after another language (mkdocs serve)
    else:
        config.theme.static_templates.discard(NOT_FOUND)


def on_env(env, config, files):
    """`every_language` for the 404 page: whatever language the reader came from, they find
    theirs. Links from the site root, as Material's own on this page: 404.html answers any
    address, at any depth."""
    plugin = config.plugins.get("i18n")
    if plugin is not None:
        env.globals["every_language"] = present.language_list(
            plugin.config.languages, config.site_name, lambda folder: "/" + folder)
    return env
