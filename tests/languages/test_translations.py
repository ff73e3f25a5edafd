"""`python -m hedersite translations` (make translations) and `python -m hedersite stamp`:
the status of every translated page and UI strings file, and the record of which Swedish
text a translation translates."""
from __future__ import annotations

import io
import textwrap
from pathlib import Path

import pytest

from hedersite import translations
from hedersite.__main__ import main

CONFIG = """\
site_name: Test
docs_dir: docs
plugins:
  - i18n:
      docs_structure: folder
      languages:
        - locale: sv
          name: Svenska
          default: true
          build: true
        - locale: ar
          name: العربية
          build: true
        - locale: ti
          name: ትግርኛ
          build: false
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), "utf-8")
    return path


@pytest.fixture
def tree(tmp_path):
    """sv: three pages. ar (built): one page up to date, one outdated, one missing; its strings
    lack a key. ti (not built): nothing yet."""
    write(tmp_path / "mkdocs.yml", CONFIG)
    for name in ("index", "hjalp", "kontakt"):
        write(tmp_path / "docs" / "sv" / f"{name}.md", f"---\ntitle: {name}\n---\n\n# {name}\n\nText.\n")
    write(tmp_path / "docs" / "ar" / "index.md", "---\ntitle: الرئيسية\n---\n\n# الرئيسية\n")
    write(tmp_path / "docs" / "ar" / "hjalp.md",
          '---\ntitle: مساعدة\ntranslation: reviewed\nsource_hash: "000000000000"\n---\n\n# مساعدة\n')
    strings = tmp_path / "data" / "strings"
    write(strings / "sv.yaml", "language: sv\ndirection: ltr\nnav: Meny\ntoc: Innehåll\n")
    write(strings / "ar.yaml", "language: ar\ndirection: rtl\nnav: القائمة\n")
    write(strings / "ti.yaml", "language: ti\ndirection: ltr\n")
    return tmp_path


def run(*argv: str, capsys) -> tuple[int, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out + out.err


def test_reports_missing_page_outdated_page_and_missing_key(tree, capsys):
    translations.stamp(tree / "docs" / "ar" / "index.md", tree / "mkdocs.yml")
    code, out = run("--data", str(tree / "data"), "translations", "--config", str(tree / "mkdocs.yml"),
                    capsys=capsys)
    assert code == 1
    lines = [line.split() for line in out.splitlines()]
    docs = f"{tree}/docs"
    assert ["ok", f"{docs}/ar/index.md", "(draft)"] in lines
    assert ["outdated", f"{docs}/ar/hjalp.md", "(reviewed)"] in lines
    assert ["missing", f"{docs}/ar/kontakt.md"] in lines
    assert "UI strings missing from data/strings/ar.yaml: toc" in out
    assert "ar (build: true): 2 of 3 pages, 1 outdated, 1 draft, 1 UI strings missing [ERROR]" in out
    assert "Built languages with missing pages or UI strings: ar" in out


def test_a_language_not_built_yet_only_warns(tree, capsys):
    write(tree / "docs" / "ar" / "kontakt.md", "# اتصال\n")
    write(tree / "data" / "strings" / "ar.yaml", "language: ar\ndirection: rtl\nnav: القائمة\ntoc: المحتوى\n")
    code, out = run("--data", str(tree / "data"), "translations", "--config", str(tree / "mkdocs.yml"),
                    "--brief", capsys=capsys)
    assert code == 0, out
    assert "ti (build: false): 0 of 3 pages, 2 UI strings missing [warning]" in out
    assert "ar (build: true): 3 of 3 pages, 1 outdated, 2 unstamped, 2 draft, 0 UI strings missing [ok]" in out


def test_only_the_languages_asked_for(tree, capsys):
    code, out = run("--data", str(tree / "data"), "translations", "--config", str(tree / "mkdocs.yml"),
                    "--lang", "ti", capsys=capsys)
    assert code == 0 and "ti (build: false)" in out and "ar (build" not in out
    code, out = run("--data", str(tree / "data"), "translations", "--config", str(tree / "mkdocs.yml"),
                    "--lang", "xx", capsys=capsys)
    assert code == 2 and "no such language" in out


def test_stamp_records_the_swedish_text_and_marks_a_draft(tree, capsys):
    page = tree / "docs" / "ar" / "index.md"
    code, out = run("stamp", "--config", str(tree / "mkdocs.yml"), str(page), capsys=capsys)
    assert code == 0, out
    digest = translations.source_hash((tree / "docs" / "sv" / "index.md").read_text("utf-8"))
    assert len(digest) == 12 and f"source_hash {digest}" in out
    text = page.read_text("utf-8")
    assert text.startswith(f'---\ntitle: الرئيسية\ntranslation: draft\nsource_hash: "{digest}"\n---\n')
    assert text.endswith("# الرئيسية\n")  # the page itself is untouched
    meta = translations.front_matter(text)
    assert meta["source_hash"] == digest and meta["translation"] == "draft"


def test_stamp_keeps_a_reviewed_page_reviewed_and_replaces_the_old_hash(tree):
    page = tree / "docs" / "ar" / "hjalp.md"
    translations.stamp(page, tree / "mkdocs.yml")
    meta = translations.front_matter(page.read_text("utf-8"))
    assert meta["translation"] == "reviewed"
    assert page.read_text("utf-8").count("source_hash") == 1
    status = translations.page_status(page, tree / "docs" / "sv" / "hjalp.md")
    assert (status.state, status.translation) == ("ok", "reviewed")


def test_stamp_adds_front_matter_to_a_page_without_one(tree):
    page = write(tree / "docs" / "ar" / "kontakt.md", "# اتصال\n")
    translations.stamp(page, tree / "mkdocs.yml")
    assert translations.front_matter(page.read_text("utf-8"))["translation"] == "draft"
    assert translations.body(page.read_text("utf-8")) == "# اتصال\n"


@pytest.mark.parametrize("name", ["sv/index.md", "ar/nosuchpage.md", "xx/index.md"])
def test_stamp_refuses_what_is_not_a_translation(tree, name, capsys):
    page = write(tree / "docs" / name, "# x\n")
    before = page.read_text("utf-8")
    code, out = run("stamp", "--config", str(tree / "mkdocs.yml"), str(page), capsys=capsys)
    assert code == 1 and "stamp:" in out
    assert page.read_text("utf-8") == before


def test_the_hash_follows_the_text_not_the_front_matter():
    page = "---\ntitle: A\n---\n\n# A\n\nText.\n"
    assert translations.source_hash(page) == translations.source_hash(page.replace("title: A", "title: B"))
    assert translations.source_hash(page) == translations.source_hash(page.replace("\n", "\r\n"))
    assert translations.source_hash(page) != translations.source_hash(page.replace("Text.", "Text!"))


def test_every_built_language_of_the_site_is_complete():
    """`make translations` on the real site: every language with `build: true` has every
    page and every UI string (drafts and outdated pages are reported, not refused)."""
    out = io.StringIO()
    built = [s for s in translations.status() if s.language.build]
    code = translations.report(built, out, verbose=True)
    assert code == 0, out.getvalue()


# --- the termbase (data/glossary/, hedersite.terms) -----------------------------------------

GLOSSARY_SV = """\
match: words
terms:
  social_services: ["socialtjänst*"]
  anonymous: ["anonym*"]
"""
GLOSSARY_AR = """\
match: substring
terms:
  social_services: ["الخدمات الاجتماعية"]
  anonymous: ["تكشف هويتك"]
"""


@pytest.fixture
def glossary(tmp_path):
    folder = tmp_path / "glossary"
    write(folder / "sv.yaml", GLOSSARY_SV)
    write(folder / "ar.yaml", GLOSSARY_AR)
    return folder


def test_a_page_naming_a_term_in_swedish_must_use_the_agreed_word(tree, glossary):
    docs = tree / "docs"
    write(docs / "sv" / "hjalp.md", "# Hjälp\n\nRing socialtjänsten i din kommun.\n")
    write(docs / "ar" / "hjalp.md", "# مساعدة\n\nاتصل بالسوسيال في بلديتك.\n")        # another word
    write(docs / "ar" / "index.md", "# الرئيسية\n\nاتصل بالخدمات\nالاجتماعية.\n")   # agreed, over a line break
    write(docs / "sv" / "index.md", "# Start\n\nRing socialtjänsten.\n")
    found = translations.term_problems("ar", "sv", docs, [Path("hjalp.md"), Path("index.md"), Path("kontakt.md")],
                                       glossary)
    assert found == [(docs / "ar" / "hjalp.md", ["social_services"])]


def test_a_term_the_swedish_page_does_not_use_is_not_asked_for(tree, glossary):
    docs = tree / "docs"
    write(docs / "sv" / "hjalp.md", "# Hjälp\n\nDu kan vara anonym.\n")
    write(docs / "ar" / "hjalp.md", "# مساعدة\n\nلا يلزمك أن تكشف هويتك.\n")
    assert translations.term_problems("ar", "sv", docs, [Path("hjalp.md")], glossary) == []


def test_stems_and_whole_words():
    from hedersite.terms import Glossary
    words = Glossary("sv", False, {"x": ["socialtjänst*", "gratis"]}, {}, ())
    assert words.has_term("x", "Ring Socialtjänsten") and words.has_term("x", "det är gratis.")
    assert not words.has_term("x", "ett gratisnummer")       # a whole word unless it ends in *
    joined = Glossary("ar", True, {"x": ["مجان"]}, {}, ())
    assert joined.has_term("x", "والاتصال مجاني")             # substring: prefixes and endings joined


def test_the_report_names_the_page_the_terms_and_the_agreed_word(tree, capsys, monkeypatch, glossary):
    docs = tree / "docs"
    write(docs / "sv" / "index.md", "# Start\n\nRing socialtjänsten.\n")
    write(docs / "ar" / "index.md", "# الرئيسية\n\nاتصل بالسوسيال.\n")
    monkeypatch.setattr(translations.terms, "GLOSSARY", glossary)
    monkeypatch.setattr(translations.terms, "load", lambda locale, folder=glossary, _load=translations.terms.load:
                        _load(locale, folder))
    statuses = translations.status(tree / "mkdocs.yml", tree / "data" / "strings")
    statuses[0].term_problems = translations.term_problems("ar", "sv", docs, [Path("index.md")], glossary)
    out = io.StringIO()
    assert translations.report(statuses, out) == 1
    text = out.getvalue()
    assert "docs/ar/index.md: its Swedish page names social_services" in text.replace(str(tree) + "/", "")
    assert "الخدمات الاجتماعية" in text and "data/glossary/ar.yaml" in text


def test_every_language_has_a_termbase_with_every_key_term(languages):
    from hedersite import terms
    for lang in languages:
        glossary = terms.load(lang["locale"])
        assert sorted(glossary.terms) == sorted(terms.KEY_TERMS), lang["locale"]
        assert all(glossary.terms[key] for key in terms.KEY_TERMS), lang["locale"]
        assert set(glossary.promises) == set(terms.PROMISES) and glossary.hedges, lang["locale"]
