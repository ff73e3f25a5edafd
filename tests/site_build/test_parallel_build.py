"""The parallel build (`python -m hedersite build`, the default) writes the same site as the
serial one (`--serial`, plain `mkdocs build --strict`), file for file and byte for byte, and
fails like it: a warning or a data error in any language's build stops the build."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from hedersite import bench, parallel_build

ROOT = Path(__file__).resolve().parents[2]
# Pages carry the build date; both builds must see the same one even across midnight.
SOURCE_DATE_EPOCH = "1764000000"


def build(project: Path, site: Path, *options: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(project / "scripts"), "NO_MKDOCS_2_WARNING": "1",
           "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
    env.pop("BUILD_ONLY_LOCALE", None)
    return subprocess.run([sys.executable, "-m", "hedersite", "build", "--site-dir", str(site), *options],
                          cwd=project, env=env, capture_output=True, text=True)


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def assert_same_site(serial: Path, parallel: Path):
    a, b = files(serial), files(parallel)
    assert sorted(a) == sorted(b), (f"only serial: {sorted(set(a) - set(b))}; "
                                    f"only parallel: {sorted(set(b) - set(a))}")
    different = [name for name in a if a[name] != b[name]]
    assert not different, f"files that differ between the serial and the parallel build: {different}"


def test_parallel_build_writes_the_same_site_as_the_serial_build(tmp_path):
    serial = build(ROOT, tmp_path / "serial", "--serial")
    assert serial.returncode == 0, serial.stdout + serial.stderr
    parallel = build(ROOT, tmp_path / "parallel", "--jobs", "2")
    assert parallel.returncode == 0, parallel.stdout + parallel.stderr
    assert (tmp_path / "parallel" / "index.html").is_file()
    assert_same_site(tmp_path / "serial", tmp_path / "parallel")


def test_same_site_with_more_languages_than_processes(tmp_path):
    """Four languages in two processes, so each process builds several in turn."""
    project = tmp_path / "project"
    languages = bench.make_synthetic_site(project, languages=4, pages=3)
    assert len(languages) == 4
    serial = build(project, tmp_path / "serial", "--serial")
    assert serial.returncode == 0, serial.stdout + serial.stderr
    parallel = build(project, tmp_path / "parallel", "--jobs", "2")
    assert parallel.returncode == 0, parallel.stdout + parallel.stderr
    assert_same_site(tmp_path / "serial", tmp_path / "parallel")


def test_a_warning_in_one_language_fails_the_build_and_is_shown(tmp_path):
    project = bench.copy_project(tmp_path / "project")
    last = bench.built_languages(project)[-1]
    page = next(iter(sorted((project / "docs" / last).glob("*.md"))))
    page.write_text(page.read_text("utf-8") + "\n[broken](no-such-page.md)\n", "utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode == 1
    assert "no-such-page.md" in result.stderr and f"[{last}" in result.stderr, result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


def test_a_data_error_fails_the_build_with_file_and_line(tmp_path):
    project = bench.copy_project(tmp_path / "project")
    (project / "data" / "contacts" / "broken.yaml").write_text("id: not-the-file-name\nkind: regional\n", "utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode == 1
    assert "data/contacts/broken.yaml:1: id:" in result.stderr, result.stderr


def test_the_serial_build_is_strict_too(tmp_path):
    """`--quiet` would hide the warnings strict mode counts: the serial build must fail."""
    project = bench.copy_project(tmp_path / "project")
    page = project / "docs" / "sv" / "index.md"
    page.write_text(page.read_text("utf-8") + "\n[broken](no-such-page.md)\n", "utf-8")
    result = build(project, tmp_path / "site", "--serial")
    assert result.returncode == 1
    assert "no-such-page.md" in result.stdout + result.stderr


def test_schedule_builds_each_language_once_the_longest_first(tmp_path):
    (tmp_path / "sv").mkdir()
    (tmp_path / "ar").mkdir()
    for name in ("a", "b", "c"):
        (tmp_path / "ar" / f"{name}.md").write_text("# x\n", "utf-8")
    (tmp_path / "sv" / "a.md").write_text("# x\n", "utf-8")

    class Config:
        docs_dir = str(tmp_path)
    assert parallel_build.schedule(Config, ["sv", "en", "ar"]) == ["ar", "sv", "en"]
    assert parallel_build.schedule(Config, ["sv"]) == ["sv"]


def test_policies_of_each_language_are_joined(tmp_path):
    from hedersite import csp
    folders = {}
    for locale, hashes in {"sv": {"'sha256-a'"}, "en": {"'sha256-b'", "'sha256-a'"}}.items():
        folders[locale] = tmp_path / locale
        folders[locale].mkdir()
        (folders[locale] / "csp.txt").write_text(csp.policy(hashes) + "\n", "utf-8")
    joined = parallel_build.joined_policy(["sv", "en"], folders).decode()
    assert joined == csp.policy({"'sha256-a'", "'sha256-b'"}) + "\n"


def test_sitemap_entries_of_each_language_are_joined_in_build_order(tmp_path):
    head = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="x">'
    entries = {"sv": "\n    <url>\n        <loc>a/</loc>\n    </url>", "en": "\n    <url>\n        <loc>en/</loc>\n    </url>"}
    folders = {}
    for locale, entry in entries.items():
        folders[locale] = tmp_path / locale
        folders[locale].mkdir()
        (folders[locale] / "sitemap.xml").write_text(head + entry + "\n</urlset>", "utf-8")
        parallel_build.write_sitemap(folders[locale], (head + entry + "\n</urlset>").encode(), 1764000000)
    text, mtime = parallel_build.joined_sitemap(["sv", "en"], folders)
    assert text.decode() == head + entries["sv"] + entries["en"] + "\n</urlset>"
    assert mtime == 1764000000


def test_a_language_without_pages_adds_no_sitemap_entries():
    text = '<?xml version="1.0"?>\n<urlset xmlns="x">\n</urlset>'
    head, entries, tail = parallel_build._sitemap_parts(text)
    assert entries == "" and head + tail == text
