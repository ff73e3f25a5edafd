"""overrides/components/find-support/fold.js does what hedersite.names.fold does, word for word,
and for Latin text what the finder's own fold in find-support.js has always done."""
from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from hedersite.names import fold
from names_support import LOCALES, ROOT, names, sweden
from test_fold import DIFFERENT, SAME

FOLD_JS = ROOT / "overrides" / "components" / "find-support" / "fold.js"
FINDER_JS = ROOT / "overrides" / "components" / "find-support" / "find-support.js"
NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="node is not installed")


def words() -> list[str]:
    found = [w for _, a, b in SAME + DIFFERENT for w in (a, b)]
    for locale in LOCALES:
        data = names(locale)
        found += [*data["counties"].values(), *data["municipalities"].values()]
        found += [s for others in data.get("also", {}).values() for s in others]
    counties, municipalities = sweden()
    found += [*counties.values(), *municipalities.values()]
    found += ["  İstanbul\u00a0 ", "ÅÄÖ åäö", "Ёлка ЙОД Їжак Ґанок", "\u200fمالمو\u200e", "كِتَابٌ", "ﻻ", "ـــ",
              "a\u0085b", "x\u001cy", "Straße", "Dals–Ed", "Арвідс'яур", "Арвідсʼяур"]
    return found


def run_node(script: str, data: list[str]) -> list[str]:
    result = subprocess.run([NODE, "-e", script], input=json.dumps(data), capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_js_and_python_fold_alike():
    data = words()
    script = (f"const fold = require({json.dumps(str(FOLD_JS))});"
              "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{"
              "process.stdout.write(JSON.stringify(JSON.parse(s).map(w=>fold(w,'ar'))));});")
    from_js = run_node(script, data)
    mismatches = [(w, py, js) for w, py, js in zip(data, [fold(w, "ar") for w in data], from_js) if py != js]
    assert mismatches == []
    assert len(from_js) == len(data) > 2500


def test_the_finder_folds_with_fold_js_only():
    # One set of rules: find-support.js uses window.hsFold and has no fold of its own.
    text = FINDER_JS.read_text("utf-8")
    assert "window.hsFold" in text
    assert not re.search(r"function fold\(", text)


def test_fold_js_stores_and_fetches_nothing():
    text = FOLD_JS.read_text("utf-8")
    for word in ("localStorage", "sessionStorage", "cookie", "indexedDB", "fetch(", "XMLHttpRequest",
                 "caches", "http"):
        assert word not in text


def test_in_a_page_fold_js_is_window_hsfold():
    # A classic <script src> runs with `this` the window and no `module`: fold is window.hsFold.
    script = ("const vm = require('vm'); const fs = require('fs'); const page = {};"
              f"vm.runInNewContext(fs.readFileSync({json.dumps(str(FOLD_JS))}, 'utf8'), page);"
              "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{"
              "process.stdout.write(JSON.stringify(JSON.parse(s).map(w=>page.hsFold(w,'ar'))));});")
    assert run_node(script, ["مالمؤ", "Мальмё"]) == [fold("مالمو"), fold("мальме")]
