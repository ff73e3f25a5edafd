"""A hostile pull request against docs/ and data/strings/: what it tries, and that the build
refuses it (naming docs/<file>:line) or prints it as text. hedersite.docs_gate checks the
Markdown before MkDocs reads it; scripts/hooks/privacy.py checks every finished page against
the same rules and allows only the inline scripts the templates write."""
from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from mkdocs.exceptions import PluginError

from browser_support import serve
from hedersite import csp, docs_gate, headers

ROOT = Path(__file__).resolve().parents[2]
PAYLOAD = '"><img src=x onerror=alert(1)>'
KEPT_KEYS = {"language", "direction", "babel"}  # codes, not labels: a language needs them

_spec = importlib.util.spec_from_file_location("privacy_hook", ROOT / "scripts" / "hooks" / "privacy.py")
privacy = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(privacy)

FRONT = "---\ntitle: Sida\n---\n\n"  # four lines: the hostile line below is line 5
HOSTILE_LINES = {
    "raw script": ("<script>alert(1)</script>", "(HTML)", "<script> is not allowed"),
    "iframe": ('<iframe src="/"></iframe>', "(HTML)", "<iframe> is not allowed"),
    "object": ('<object data="x.swf"></object>', "(HTML)", "<object> is not allowed"),
    "embed": ('<embed src="x.swf">', "(HTML)", "<embed> is not allowed"),
    "form": ('<form action="https://evil.example/"><input name="q"></form>', "(HTML)", "<form> is not allowed"),
    "event attribute": ('<p onmouseover="alert(1)">Hej</p>', "(HTML)", "event attributes run code"),
    "style attribute": ('<p style="position:fixed;top:0">Hej</p>', "(HTML)", "inline styles are not allowed"),
    "javascript link": ("[Klicka](javascript:alert(1))", "(link)", "runs code"),
    "javascript link, entities": ("[Klicka](jav&#x61;script:alert(1))", "(link)", "runs code"),
    "javascript link, html": ('<a href=" JAVASCRIPT:alert(1)">x</a>', "(HTML)", "javascript:"),
    "javascript reference": ("[x]: javascript:alert(1)", "(link)", "runs code"),
    "image from another host": ("![bild](https://evil.example/track.png)", "(image)", "on another host"),
    "image reference from another host": ("![bild][t]\n\n[t]: https://evil.example/t.png", "(image)",
                                          "on another host"),
    "img tag from another host": ('<img src="//evil.example/t.png" alt="">', "(HTML)", "loads from another host"),
    "srcset from another host": ('<img src="a.png" srcset="https://evil.example/b.png 2x" alt="">', "(HTML)",
                                 "loads from another host"),
    "attr_list event": ("Text {: onclick=\"alert(1)\" }", "(attributes)", "onclick"),
    "attr_list style": ("## Rubrik { style=\"display:none\" }", "(attributes)", "style"),
}


def _write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


@pytest.mark.parametrize("case", sorted(HOSTILE_LINES))
def test_each_hostile_construct_is_refused_on_its_line(tmp_path, case):
    line, field, message = HOSTILE_LINES[case]
    _write(tmp_path, "sv/sida.md", FRONT + line + "\n\nMer text.\n")
    found = docs_gate.problems(tmp_path)
    assert found, f"{case} was accepted"
    assert {p.line for p in found} == {5}, [p.text() for p in found]
    assert all(p.path.endswith("sv/sida.md") for p in found)
    assert any(p.field == field and message in p.message for p in found), [p.text() for p in found]
    assert all(p.hint for p in found)


def test_the_sites_own_pages_pass():
    assert [p.text() for p in docs_gate.problems()] == []


def test_links_to_other_sites_and_data_markers_are_fine(tmp_path):
    _write(tmp_path, "sv/sida.md", FRONT + "[1177](https://www.1177.se/) och [hem](index.md)\n\n"
           "<!-- data:national-lines -->\n\n<bdi dir=\"ltr\">text</bdi>\n\n![logga](../assets/favicon.svg)\n")
    assert docs_gate.problems(tmp_path) == []


@pytest.mark.parametrize("name", ["sv/sida.html", "sv/skript.js", "assets/stil.css"])
def test_files_that_are_not_pages_or_images_are_refused(tmp_path, name):
    _write(tmp_path, name, "<p>x</p>")
    [problem] = docs_gate.problems(tmp_path)
    assert problem.path.endswith(name) and "not allowed in docs/" in problem.message


def test_an_svg_with_a_script_is_refused(tmp_path):
    _write(tmp_path, "assets/bild.svg", '<svg xmlns="http://www.w3.org/2000/svg">\n'
           '<script>alert(1)</script>\n<rect onload="x()" width="1" height="1"/></svg>')
    found = docs_gate.problems(tmp_path)
    assert {(p.line, p.field) for p in found} == {(2, "(SVG)"), (3, "(SVG)")}


def test_a_large_file_is_refused_unread(tmp_path):
    _write(tmp_path, "sv/stor.md", FRONT + "ord " * 70_000)
    [problem] = docs_gate.problems(tmp_path)
    assert "more than 256 KB" in problem.message


def test_a_byte_that_is_not_utf8_is_reported_on_its_line(tmp_path):
    _write(tmp_path, "sv/sida.md", (FRONT + "Hej\n").encode() + b"caf\xe9\n")
    [problem] = docs_gate.problems(tmp_path)
    assert problem.line == 6 and "not UTF-8" in problem.message


def test_html_in_a_title_is_refused(tmp_path):
    _write(tmp_path, "sv/sida.md", "---\ntitle: \"&lt;/title&gt;&lt;script&gt;x()&lt;/script&gt;\"\n---\n\nText\n")
    [problem] = docs_gate.problems(tmp_path)
    assert problem.line == 2 and "title" in problem.field


def test_an_alias_bomb_in_front_matter_is_refused_without_expanding(tmp_path):
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    levels += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    _write(tmp_path, "sv/bomb.md", "---\n" + "\n".join(levels) + "\ntitle: Bomb\n---\n\nText\n")
    # In a process of its own, killed after 60 s: expanded, these aliases would take hours.
    code = ("import sys; from pathlib import Path; from hedersite import docs_gate; "
            "print(len(docs_gate.problems(Path(sys.argv[1]))))")
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True,
                            timeout=60, env={**os.environ, "PYTHONPATH": str(ROOT / "scripts")})
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) == 1  # the first anchor refuses the file
    [problem] = docs_gate.problems(tmp_path)
    assert problem.line == 2 and "anchor 'a0'" in problem.message


# --- the build, on a copy of the project ----------------------------------------------------

def _copy_project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    for name in ("docs", "data", "overrides", "scripts"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    return project


def _build_swedish(project: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(project / "scripts"), "BUILD_ONLY_LOCALE": "sv",
           "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(project / "site")],
                          cwd=project, env=env, capture_output=True, text=True)


def test_the_build_refuses_a_script_injected_into_a_page(tmp_path):
    project = _copy_project(tmp_path)
    page = project / "docs" / "sv" / "om-webbplatsen.md"
    text = page.read_text("utf-8")
    page.write_text(text + "\n<script>alert(document.domain)</script>\n", "utf-8")
    result = _build_swedish(project)
    assert result.returncode != 0
    line = text.count("\n") + 2
    assert f"docs/sv/om-webbplatsen.md:{line}: (HTML): <script> is not allowed" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / "site" / "om-webbplatsen" / "index.html").exists()


def test_the_policy_would_not_allow_an_injected_script(built_site):
    """The allowed hashes are the templates' scripts: csp.txt holds no other, so a script that
    got into a page would not run even where the build's own check were skipped."""
    written = csp.directives((built_site / headers.POLICY_FILE).read_text("utf-8"))["script-src"]
    assert csp.script_hash("alert(document.domain)") not in written
    assert [s for s in written if s.startswith("'sha256-")]  # the templates' own scripts are there


def test_the_last_guard_refuses_a_script_no_template_writes():
    allowed = {csp.script_hash("ours()")}
    privacy.refuse_foreign_scripts("<script>ours()</script>", allowed, "docs/sv/x.md")
    with pytest.raises(PluginError, match=r"docs/sv/x\.md: holds an inline <script> that no template"):
        privacy.refuse_foreign_scripts("<script>ours()</script><script>theirs()</script>", allowed,
                                       "docs/sv/x.md")


@pytest.mark.parametrize("markup", ['<img src="x" onerror="alert(1)">', "<iframe src=/></iframe>",
                                    '<div style="display:none">', '<a href="javascript:x()">x</a>',
                                    '<img src="https://evil.example/t.png">'])
def test_the_last_guard_refuses_markup_the_rules_forbid(markup):
    with pytest.raises(PluginError, match="docs/sv/x.md: line 1 of the built page"):
        privacy.refuse_foreign_markup(f"<p>{markup}</p>", "docs/sv/x.md")


def test_labels_are_printed_as_text(tmp_path, chromium):
    """Every UI label set to a piece of HTML: the build succeeds (so no label reached the page
    as markup: the last guard would refuse it) and the reader sees the characters."""
    project = _copy_project(tmp_path)
    strings_file = project / "data" / "strings" / "sv.yaml"
    labels = yaml.safe_load(strings_file.read_text("utf-8"))
    labels = {key: value if key in KEPT_KEYS else PAYLOAD for key, value in labels.items()}
    strings_file.write_text(yaml.safe_dump(labels, allow_unicode=True), "utf-8")
    result = _build_swedish(project)
    assert result.returncode == 0, result.stderr[-3000:]
    html = (project / "site" / "index.html").read_text("utf-8")
    assert "<img src=x" not in html and "onerror=alert(1)>" not in html
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in html
    with serve(project / "site") as url:
        page = chromium.new_page()
        page.goto(url + "hitta-stod/")
        assert page.evaluate("document.querySelectorAll('img[src=\"x\"]').length") == 0
        assert page.locator("[data-quick-exit]").inner_text().endswith(PAYLOAD)
        assert page.locator(".hs-finder__label").inner_text() == PAYLOAD
        page.close()


@pytest.mark.parametrize("front, line, message", [
    ("title: Sida\nx: " + "[" * 5000 + "]" * 5000, 3, "nested more than"),
    ("title: Sida\ndescription: a\ntitle: Annan", 4, "'title' on line 4 repeats line 2"),
    ("title: !!python/object:os.system x", 2, "tag"),
])
def test_front_matter_has_the_limits_of_a_data_file(tmp_path, front, line, message):
    _write(tmp_path, "sv/sida.md", "---\n" + front + "\n---\n\nText\n")
    [problem] = docs_gate.problems(tmp_path)
    assert problem.field == "(front matter)" and problem.line == line and message in problem.message


def test_the_translation_status_reads_a_hostile_front_matter_without_expanding_it():
    """`make translations` runs before the build (first in `make test`): an alias bomb in a
    page must not hang it. It reads {} there; the build's docs gate names the line."""
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    levels += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    page = "---\n" + "\n".join(levels) + "\ntitle: Bomb\n---\n\nText\n"
    code = ("import sys; from hedersite import translations as t; text = sys.stdin.read(); "
            "print(t.front_matter(text), repr(t.body(text)))")
    result = subprocess.run([sys.executable, "-c", code], input=page, capture_output=True, text=True,
                            timeout=60, env={**os.environ, "PYTHONPATH": str(ROOT / "scripts")})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "{} 'Text\\n'"


def test_a_hostile_glossary_is_refused_with_its_line(tmp_path):
    from hedersite import terms
    (tmp_path / "xx.yaml").write_text("match: words\nterms: &t {a: [b]}\n", "utf-8")
    with pytest.raises(ValueError, match=r"xx\.yaml:2: terms: YAML anchor or alias \(&t\)"):
        terms.load("xx", tmp_path)
