"""MkDocs hook: topic pages (hedersite.topics). A translation takes `topic` and `sources` from
its Swedish page when it does not write its own, so every language shows the same "Källor";
a topic page without sources, or with a malformed entry, stops the build with the page's
name and what to write."""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from hedersite import topics
from hedersite.translations import front_matter


def _locales(config) -> set[str]:
    plugin = config.plugins.get("i18n")
    return {str(lang.locale) for lang in plugin.config.languages} if plugin else set()


def on_page_markdown(markdown, page, config, files):
    meta = page.meta
    locale, rel = topics.split_uri(page.file.src_uri, _locales(config))
    source = Path(config["docs_dir"]) / topics.SOURCE_LOCALE / rel
    if locale != topics.SOURCE_LOCALE and source.is_file():
        shared = topics.shared_meta(meta, front_matter(source.read_text("utf-8")))
        meta.update(shared)
        if "sources" in shared:
            meta["sources_locale"] = topics.SOURCE_LOCALE   # titles stay in Swedish: say so
    found = topics.problems(meta)
    if found:
        raise PluginError("\n".join(f"docs/{page.file.src_uri}: {p}" for p in found))
    return markdown
