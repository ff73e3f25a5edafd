"""Self-hosted fonts for Arabic script and Ethiopic (overrides/components/fonts/, made by
`make fonts`): present with their licence, small, covering every character of those scripts
the site shows, declared per script with unicode-range, linked from every page, and really
used by a browser that has no such font installed."""
from __future__ import annotations

import re

import pytest
from fontTools.ttLib import TTFont

from browser_support import without_local_fonts
from hedersite import fonts

MAX_BYTES = 60_000  # one subset; today about 7-12 KB. Full translations add glyphs, not this much.
SCRIPTS = list(fonts.SCRIPTS)
IDS = [script.stem for script in SCRIPTS]


@pytest.fixture(scope="module")
def used() -> set[str]:
    return fonts.used_characters()


@pytest.mark.parametrize("script", SCRIPTS, ids=IDS)
def test_font_file_is_small_and_licensed(script):
    path = fonts.FONTS / script.file
    assert path.read_bytes()[:4] == b"wOF2"
    assert path.stat().st_size <= MAX_BYTES, f"{path.name}: {path.stat().st_size} bytes"
    licence = (fonts.FONTS / f"OFL-{script.stem}.txt").read_text("utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence and "Noto Project Authors" in licence


@pytest.mark.parametrize("script", SCRIPTS, ids=IDS)
def test_font_covers_every_character_of_its_script_the_site_shows(script, used):
    font = TTFont(fonts.FONTS / script.file)
    cmap = font.getBestCmap()
    wanted = fonts.needed(script, used)
    missing = sorted(chr(c) for c in wanted - set(cmap))
    assert not missing, f"{script.file} lacks {''.join(missing)!r}: run `make fonts`"
    weights = next(axis for axis in font["fvar"].axes if axis.axisTag == "wght")
    assert (weights.minValue, weights.maxValue) == (min(fonts.WEIGHTS), max(fonts.WEIGHTS))


@pytest.mark.parametrize("script", SCRIPTS, ids=IDS)
def test_names_font_is_small_and_covers_every_language_name(script):
    """Lists of languages draw the names with these (overrides/components/language-menu/)."""
    path = fonts.FONTS / script.names_file
    assert path.read_bytes()[:4] == b"wOF2" and path.stat().st_size <= 12_000, path.stat().st_size
    cmap = TTFont(path).getBestCmap()
    missing = sorted(chr(c) for c in fonts.needed(script, fonts.names_characters()) - set(cmap))
    assert not missing, f"{script.names_file} lacks {''.join(missing)!r}: run `make fonts`"
    assert {chr(c) for c in fonts.needed(script, fonts.names_characters())} & set("العربيةትግርኛ")


def test_the_sources_include_both_scripts(used):
    """The collection sees the language list (mkdocs.yml) and the strings: if it did not,
    the coverage test above would check nothing."""
    for script, sample in zip(fonts.SCRIPTS, ("العربية", "ትግርኛ")):
        assert set(sample) <= {chr(c) for c in fonts.needed(script, used)}


def test_stylesheet_is_generated_and_declares_each_script_by_range():
    css = (fonts.FONTS / "fonts.css").read_text("utf-8")
    assert css == fonts.stylesheet(), "fonts.css differs from what `make fonts` writes"
    faces = re.findall(r"@font-face\s*{(.*?)}", css, re.S)
    # a regular and a bold face (one file), and a regular "Names" face, per script
    assert len(faces) == len(SCRIPTS) * (len(fonts.WEIGHTS) + 1)
    for face in faces:
        assert "unicode-range: U+" in face
        # Arabic script: a system font reads as well, so never swapped in late (no reflow);
        # Ethiopic: phones may have none, so swapped in however late (hedersite.fonts).
        display = re.search(r"font-display: (\w+);", face).group(1)
        assert display == ("optional" if "Arabic" in face else "swap"), face
        src = re.search(r"src:(.*?);", face, re.S).group(1)
        assert src.strip().startswith("local(")  # an installed Noto font is used first
        for url in re.findall(r'url\("([^"]+)"\)', src):
            assert (fonts.FONTS / url).is_file() and "/" not in url  # same folder, same host
    assert re.search(r'--md-text-font:\s*"HV Arabic",\s*"HV Ethiopic";', css)
    assert re.search(r'--hs-names-font:\s*"HV Arabic Names",\s*"HV Ethiopic Names";', css)


def test_every_page_links_the_fonts(built_site):
    """fonts.css is part of the site's one stylesheet (scripts/hooks/site_styles.py)."""
    pages = sorted(built_site.rglob("*.html"))
    assert pages
    for page in pages:
        assert "assets/stylesheets/site.css" in page.read_text("utf-8"), page
    assert '"HV Ethiopic"' in (built_site / "assets" / "stylesheets" / "site.css").read_text("utf-8")
    assert (built_site / "components" / "fonts" / "noto-sans-ethiopic.woff2").is_file()


# --- in a browser ---------------------------------------------------------------------------

@pytest.mark.parametrize("locale,family,text", [
    ("ti", "HV Ethiopic", "ትግርኛ"),
    ("ar", "HV Arabic", "العربية"),
    ("ku-IQ", "HV Arabic", "کوردی"),
])
def test_browser_without_the_font_loads_the_subset(site_url, chromium, locale, family, text):
    stem = next(s for s in fonts.SCRIPTS if s.family == family).file
    context = chromium.new_context()
    try:
        page = context.new_page()
        requests = []
        page.on("request", lambda request: requests.append(request.url))
        page.route("**/site.css", without_local_fonts)
        page.goto(f"{site_url}{locale}/")
        page.evaluate("document.fonts.ready")
        status = page.evaluate("""family => [...document.fonts]
            .filter(f => f.family.replace(/"/g, '') === family && f.weight === '400')
            .map(f => f.status)""", family)
        assert status == ["loaded"]
        assert page.evaluate("([f, t]) => document.fonts.check(`16px \"${f}\"`, t)", [family, text])
        assert any(r.endswith(f"/components/fonts/{stem}") for r in requests), requests
        assert all(r.startswith(site_url) for r in requests)  # nothing from another host
    finally:
        context.close()
