"""The site's own stylesheet is one file, assets/stylesheets/site.css, joined at build time from
every overrides/components/*/*.css (hedersite.stylesheets, scripts/hooks/site_styles.py), and
the fonts that swap in are preloaded where a page draws them."""
from __future__ import annotations

import re

import pytest

from hedersite import fonts, stylesheets, weight

LINK = re.compile(r'<link rel="stylesheet" href="([^"]+)">')
PRELOAD = re.compile(r'<link rel="preload" href="([^"]+)" as="font" type="font/woff2" crossorigin>')


def test_every_component_stylesheet_is_joined_once_in_order():
    found = stylesheets.sources()
    on_disk = sorted(stylesheets.COMPONENTS.glob("*/*.css"))
    assert sorted(found) == on_disk and len(set(found)) == len(found)
    named = [p.parent.name for p in found if p.parent.name in stylesheets.ORDER]
    assert named == [name for name in stylesheets.ORDER if name in named]
    others = [p.parent.name for p in found if p.parent.name not in stylesheets.ORDER]
    assert found[len(named):] == [p for p in found if p.parent.name in others]  # the named first


def test_a_new_component_is_included_without_being_listed(tmp_path):
    for name, css in {"search": ".a{color:red}", "zz-new": ".z{color:blue}", "aa-new": ".b{x:1}",
                      "fonts": '@font-face{src:url("f.woff2")}'}.items():
        (tmp_path / name).mkdir()
        (tmp_path / name / f"{name}.css").write_text(css, "utf-8")
    (tmp_path / "empty").mkdir()
    order = [p.parent.name for p in stylesheets.sources(tmp_path)]
    assert order == ["search", "fonts", "aa-new", "zz-new"]
    text = stylesheets.joined(tmp_path)
    assert text.index(".a{") < text.index("@font-face") < text.index(".b{") < text.index(".z{")


def test_addresses_point_from_the_joined_file_and_comments_go():
    css = ('/* a comment with url(x.png) */ .a { background: url(img/dot.png); }\n'
           '@font-face { src: url("f.woff2") format("woff2"), url(\'/abs.woff\'); }\n'
           '.b { background: url(data:image/svg+xml;base64,AAA=); content: "/* kept */"; }\n')
    out = stylesheets.rebase(css, "components/fonts/fonts.css")
    assert "comment" not in out and '"/* kept */"' in out
    assert 'url("../../components/fonts/img/dot.png")' in out
    assert 'url("../../components/fonts/f.woff2")' in out
    assert 'url("/abs.woff")' in out and 'url("data:image/svg+xml;base64,AAA=")' in out


def test_an_import_is_refused(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "x.css").write_text('@import url("other.css");', "utf-8")
    with pytest.raises(stylesheets.StylesheetError, match=r"x\.css: @import"):
        stylesheets.joined(tmp_path)


# --- the built site ----------------------------------------------------------------------------

def test_every_page_links_our_one_stylesheet_after_materials(built_site):
    joined = built_site / stylesheets.TARGET
    assert joined.read_text("utf-8") == stylesheets.joined()
    assert not list((built_site / "components").glob("*/*.css"))  # the sources are not copied
    for page in sorted(built_site.rglob("*.html")):
        links = LINK.findall(page.read_text("utf-8"))
        ours = [link for link in links if "/stylesheets/main." not in link and "/stylesheets/palette." not in link]
        assert [link.split("/")[-1] for link in ours] == ["site.css"], (page, links)
        assert links[-1] == ours[0]  # after Material's, so ours win


def test_fonts_in_the_joined_file_are_found(built_site):
    """The weight model reads the joined file: a Tigrinya page counts the Ethiopic subset."""
    view = weight.Site(built_site).first_view("ti/index.html")
    assert "components/fonts/noto-sans-ethiopic.woff2" in {part.path for part in view.parts}
    assert not view.missing


def test_swapping_fonts_are_preloaded_where_drawn_and_only_there(built_site):
    swapping = {s.file for s in fonts.SCRIPTS if s.display == "swap"} | \
               {s.names_file for s in fonts.SCRIPTS if s.display == "swap"}
    site = weight.Site(built_site)
    preloading = 0
    for page in site.pages():
        html = (built_site / page).read_text("utf-8")
        preloaded = {href.split("/")[-1] for href in PRELOAD.findall(html)}
        drawn = {part.path.split("/")[-1] for part in site.first_view(page).parts if part.kind == "font"}
        assert preloaded == drawn & swapping, page
        if preloaded:  # started with the stylesheets, not after them
            assert html.index('rel="preload"') < html.index("site.css"), page
        preloading += bool(preloaded)
    assert preloading
    ti = (built_site / "ti" / "index.html").read_text("utf-8")
    assert any(href.endswith("components/fonts/noto-sans-ethiopic.woff2") for href in PRELOAD.findall(ti))


def test_the_comments_the_join_writes_close_where_they_should():
    """A `*/` inside a comment the join writes (e.g. a glob like components/*/*.css) ends the
    comment early: the rest becomes a broken rule and the browser drops the first real rule
    after it (contact lists showed bullets). Every comment must hold no `/*` or `*/` of its own,
    and every component's first selector must stand outside any comment."""
    css = stylesheets.joined()
    comments = re.findall(r"/\*(.*?)\*/", css, re.DOTALL)
    assert comments and not [c for c in comments if "/*" in c]
    outside = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    assert "*/" not in outside and "/*" not in outside
    for path in stylesheets.sources():
        source = re.sub(r"/\*.*?\*/", "", path.read_text("utf-8"), flags=re.DOTALL)
        first_selector = source.strip().split("{", 1)[0].strip()
        assert first_selector and first_selector in outside, path
