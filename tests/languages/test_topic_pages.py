"""Topic pages (hedersite.topics): every Swedish page with `topic: true` lists the sources of
its facts, ends with who to call from the data, and types no phone number; every language
shows the sources ("Källor") under its own label, with the Swedish titles marked Swedish.
The list of topic pages is read from the pages themselves, so a new one is covered at once."""
from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from hedersite import strings, topics
from hedersite.translations import front_matter

ROOT = Path(__file__).resolve().parents[2]
SWEDISH = ROOT / "docs" / "sv"
TOPICS = topics.topic_pages()
LINES_MARKER = re.compile(r"<!--\s*data:lines\.[a-z0-9.-]+\s*-->")
PHONE_LIKE = re.compile(r"\+\d|\b0\d{1,3}-\d|\btel:")


def meta(name: str) -> dict:
    return front_matter((SWEDISH / name).read_text("utf-8"))


def test_the_topic_pages_are_found_in_their_front_matter():
    assert {"tvangsaktenskap.md", "ford-utomlands.md", "konsstympning.md", "hbtq-och-heder.md",
            "skydd-och-boende.md", "orolig-for-nagon.md", "forsta-samtalet.md"} <= set(TOPICS)


@pytest.mark.parametrize("name", TOPICS)
def test_a_topic_page_lists_well_formed_sources(name):
    assert meta(name).get("sources"), f"docs/sv/{name}: no sources"
    assert topics.problems(meta(name)) == []


@pytest.mark.parametrize("name", TOPICS)
def test_a_topic_page_ends_with_who_to_call_from_the_data_and_types_no_number(name):
    text = (SWEDISH / name).read_text("utf-8")
    body = text.split("\n---\n", 1)[1]
    assert LINES_MARKER.search(body), f"docs/sv/{name}: no <!-- data:lines.... --> marker"
    assert not PHONE_LIKE.search(LINES_MARKER.sub("", body)), f"docs/sv/{name}: a typed phone number"
    assert "kontrollera" in body.lower() or not re.search(r"\d+ kap\.|\d+ §", body), \
        f"docs/sv/{name}: names a paragraph without saying kontrollera"


def test_a_topic_page_without_sources_is_refused():
    assert topics.problems({"topic": True})[0].startswith("sources: a topic page lists")
    assert topics.problems({"topic": True, "sources": []})
    assert topics.problems({"title": "not a topic"}) == []


def test_malformed_and_unexplained_sources_are_refused():
    found = topics.problems({"topic": True, "sources": [
        {"title": "A", "url": "http://example.org/"}, {"url": "https://example.org/"},
        {"title": "B", "url": "https://example.org/", "check": True}]})
    assert [p.split(":")[0] for p in found] == ["sources[1]", "sources[2]", "sources[3]"]


def test_a_translation_shares_the_swedish_sources_unless_it_has_its_own():
    swedish = {"topic": True, "sources": [{"title": "T", "url": "https://e.org/"}], "title": "S"}
    assert topics.shared_meta({"title": "E"}, swedish) == {"topic": True, "sources": swedish["sources"]}
    own = [{"title": "Own", "url": "https://e.org/en"}]
    assert topics.shared_meta({"sources": own, "topic": True}, swedish) == {}
    assert topics.split_uri("en/ford-utomlands.md", {"sv", "en"}) == ("en", "ford-utomlands.md")
    assert topics.split_uri("ford-utomlands.md", {"sv", "en"}) == ("sv", "ford-utomlands.md")


def test_every_built_topic_page_shows_its_sources_in_its_language(built_site, languages):
    shown = 0
    for lang in languages:
        label = html.escape(strings.load(lang["locale"])["sources.title"], quote=False)
        for name in TOPICS:
            page = built_site / lang["folder"] / Path(name).stem / "index.html"
            if not page.is_file():
                continue   # not translated yet: `make translations` lists it as missing
            text = page.read_text("utf-8")
            section = re.search(r'<section class="hs-sources".*?</section>', text, re.S)
            assert section, f"{page}: no sources"
            assert f">{label}</h2>" in section.group(0), page
            links = re.findall(r'<a class="hs-ext" href="([^"]*)" rel="noopener noreferrer">(<bdi lang="sv" dir="ltr">)?', section.group(0))
            assert [html.unescape(h) for h, _ in links] == [s["url"] for s in meta(name)["sources"]], page
            assert all(bool(marked) == bool(lang["folder"]) for _, marked in links), page
            shown += 1
    assert shown >= len(TOPICS) * 2   # Swedish and at least one translation of each, or more
