"""MkDocs hook: the site's own stylesheets as one file, assets/stylesheets/site.css
(hedersite.stylesheets joins overrides/components/*/*.css), linked by
overrides/partials/site-styles.html through the template global `site_stylesheet`.

The component stylesheets are taken out of the built site: no page links them, and a copy
that nothing uses would only drift. Their fonts and images stay (site.css points at them).
Every language build writes the same bytes, so the parallel build equals the serial one.

Fonts that swap in (font-display: swap, hedersite.fonts: Ethiopic) are preloaded on the
pages whose text they draw (the weight model's rule, hedersite.weight.drawn_fonts): the
download starts with the stylesheets instead of after them, so the font is usually there
before the first paint and swapping it in moves nothing. Fonts with `optional` are not: they
never move the page, and a preload would only compete with the stylesheets.
"""
from __future__ import annotations

import posixpath
import re
from fnmatch import fnmatch

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from hedersite import stylesheets, weight

PRELOADED = {"swap"}  # font-display values whose fonts are preloaded where drawn
_joined: list[str] = []  # the text of site.css, for the pages of this build


@event_priority(-120)  # after static-i18n (-100) and the hooks that add pages (-110)
def on_files(files, config):
    for file in [f for f in files if fnmatch(f.src_uri, "components/*/*.css")]:
        files.remove(file)
    _joined[:] = [stylesheets.joined()]
    files.append(File.generated(config, stylesheets.TARGET, content=_joined[0]))
    return files


def on_env(env, config, files):
    env.globals["site_stylesheet"] = stylesheets.TARGET
    return env


def _link(html: str) -> re.Match | None:
    return re.search(r'<link rel="stylesheet" href="([^"]*)' + re.escape(stylesheets.TARGET) + '">', html)


def with_preloads(html: str, css: str) -> str:
    """The page with a preload, before its site.css link, of each swapping font it draws."""
    link = _link(html)
    if link is None:
        return html
    sheet = link.group(1) + stylesheets.TARGET  # as the page addresses it
    preloads = "".join(
        f'<link rel="preload" href="{posixpath.normpath(posixpath.join(posixpath.dirname(sheet), address))}"'
        ' as="font" type="font/woff2" crossorigin>\n'
        for address, display in weight.drawn_fonts(html, css) if display in PRELOADED)
    return html[:link.start()] + preloads + html[link.start():]


def on_post_page(output, page, config):
    return with_preloads(output, _joined[0])


def on_post_template(output_content, template_name, config):
    return with_preloads(output_content, _joined[0]) if template_name.endswith(".html") else output_content
