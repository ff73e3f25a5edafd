"""Page weight: the first view (empty cache) of every page in every built language is at
most 80 KB gzip -9: its HTML and the CSS, scripts, icons, images and fonts it makes the
browser fetch (hedersite.weight). Search indexes load on the first search, not before."""
from __future__ import annotations

import gzip
import re
from pathlib import Path

from hedersite import bench, weight

ROOT = Path(__file__).resolve().parents[2]


def test_every_first_view_is_within_the_budget(built_site):
    views = weight.first_views(built_site)
    over = [view for view in views if view.total > weight.BUDGET]
    assert not over, (f"first view over {weight.BUDGET} bytes gzip:\n"
                      + "\n".join(view.describe() for view in over))


def test_every_built_language_is_measured(built_site):
    measured = {view.page.split("/")[0] for view in weight.first_views(built_site)}
    default, *others = bench.built_languages(ROOT)
    assert "index.html" in measured  # the default language is at the site root
    assert set(others) <= measured


def test_first_views_only_reference_files_of_this_site(built_site):
    """Else the weight would leave out what the page fetches (and a reader would get a 404)."""
    problems = [(view.page, view.missing, view.external) for view in weight.first_views(built_site)
                if view.missing or view.external]
    assert not problems


def test_no_page_loads_a_search_index_before_a_search(built_site):
    index = re.compile(r"search/[^\"'/]+\.json")
    for view in weight.first_views(built_site):
        assert not [p.path for p in view.parts if index.fullmatch(p.path)], view.describe()
    tag = re.compile(r"<(?:link|script)\b[^>]*>", re.I)
    for page in built_site.rglob("*.html"):
        for found in tag.findall(page.read_text("utf-8")):
            assert not index.search(found), f"{page.relative_to(built_site)}: {found}"


# --- how the weight is counted, on a small made-up site -----------------------------------

FONT_CSS = """
/* two scripts, two fonts: each loads only where its characters are */
@font-face { font-family: A; src: url(fonts/arabic.woff2) format("woff2"), url(fonts/arabic.woff) format("woff");
             unicode-range: U+0600-06FF, U+200C; }
@font-face { font-family: E; src: local("Noto"), url("fonts/ethiopic.woff2") format("woff2"); unicode-range: U+12??; }
"""


def make_site(root: Path, body: str, head: str = "", fonts: str = FONT_CSS) -> Path:
    files = {
        "assets/main.css": "@import url('extra.css');\nbody{color:red}\n" + fonts,
        "assets/extra.css": ".x{background:url(../img/dot.png)}",
        "assets/fonts/arabic.woff2": "A" * 3000, "assets/fonts/arabic.woff": "B" * 9000,
        "assets/fonts/ethiopic.woff2": "E" * 4000, "img/dot.png": "P" * 100,
        "app.js": "console.log(1)", "search/sv.json": '{"x": 1}',
        "page/index.html": (f'<html lang="sv"><head><link rel="stylesheet" href="../assets/main.css">{head}'
                            f'<script src="../app.js" defer></script></head><body>{body}</body></html>'),
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, "utf-8")
    return root


def paths(view):
    return sorted(p.path for p in view.parts)


def test_a_font_counts_only_on_pages_with_its_characters(tmp_path):
    swedish = weight.Site(make_site(tmp_path, "<p>Hjälp</p>")).first_view("page/index.html")
    assert not [p for p in paths(swedish) if "fonts/" in p]
    arabic = weight.Site(make_site(tmp_path, "<p>مساعدة</p>")).first_view("page/index.html")
    assert "assets/fonts/arabic.woff2" in paths(arabic)
    assert "assets/fonts/arabic.woff" not in paths(arabic)  # the browser takes the first it supports
    assert "assets/fonts/ethiopic.woff2" not in paths(arabic)
    tigrinya = weight.Site(make_site(tmp_path, "<p>ሓገዝ</p>")).first_view("page/index.html")
    assert "assets/fonts/ethiopic.woff2" in paths(tigrinya)


NAMES_CSS = FONT_CSS + """
@font-face { font-family: "A Names"; src: url(fonts/arabic-names.woff2) format("woff2"); unicode-range: U+0600-06FF; }
"""


def test_language_names_count_as_the_browser_draws_them(tmp_path):
    """Material's list is not drawn until opened; lists in the page use the "Names" fonts."""
    closed = '<a href="/ar/" hreflang="ar" class="md-select__link">العربية</a>'
    listed = '<a href="/ar/" hreflang="ar" lang="ar">العربية</a>'
    (tmp_path / "assets" / "fonts").mkdir(parents=True)
    (tmp_path / "assets" / "fonts" / "arabic-names.woff2").write_text("N" * 500, "utf-8")
    views = {name: weight.Site(make_site(tmp_path, body, fonts=NAMES_CSS)).first_view("page/index.html")
             for name, body in (("swedish", f"<p>Hej</p>{closed}"), ("start", f"<p>Hej</p>{listed}"),
                                ("arabic", f"<p>مساعدة</p>{closed}{listed}"))}
    fonts_of = {name: [p for p in paths(view) if "fonts/" in p] for name, view in views.items()}
    assert fonts_of == {"swedish": [], "start": ["assets/fonts/arabic-names.woff2"],
                        "arabic": ["assets/fonts/arabic-names.woff2", "assets/fonts/arabic.woff2"]}


def test_text_in_scripts_does_not_load_a_font(tmp_path):
    view = weight.Site(make_site(tmp_path, "<p>Hej</p><script>var s = 'مساعدة';</script>")).first_view("page/index.html")
    assert "assets/fonts/arabic.woff2" not in paths(view)


def test_imports_and_their_images_count_and_sizes_are_gzip_9(tmp_path):
    site = make_site(tmp_path, "<p>Hej</p>")
    view = weight.Site(site).first_view("page/index.html")
    assert paths(view) == ["app.js", "assets/extra.css", "assets/main.css", "img/dot.png", "page/index.html"]
    expected = sum(len(gzip.compress((site / p).read_bytes(), compresslevel=9, mtime=0)) for p in paths(view))
    assert view.total == expected
    assert view.heaviest(1)[0].size == max(p.size for p in view.parts)


def test_a_preloaded_search_index_would_count(tmp_path):
    view = weight.Site(make_site(tmp_path, "<p>Hej</p>", '<link rel="preload" href="../search/sv.json" as="fetch">')
                       ).first_view("page/index.html")
    assert "search/sv.json" in paths(view)


def test_missing_and_external_references_are_reported(tmp_path):
    head = '<link rel="stylesheet" href="../nowhere.css"><script src="https://cdn.example/x.js"></script>'
    view = weight.Site(make_site(tmp_path, "<p>Hej</p>", head)).first_view("page/index.html")
    assert view.missing == ["nowhere.css"]
    assert view.external == ["https://cdn.example/x.js"]


def test_unicode_ranges():
    assert weight.unicode_ranges("U+0600-06FF, U+200C, u+4??") == [(0x600, 0x6FF), (0x200C, 0x200C), (0x400, 0x4FF)]
    assert weight.covers(None, {ord("a")})
    assert not weight.covers([(0x600, 0x6FF)], {ord("a")})
