/* Site search in the reader's language (overrides/partials/site-search.html).

   Loaded with `defer` on every page because it is what makes the search box work (drawn
   from the first paint where JavaScript runs, hidden where it does not: search.css) and it
   is small; the index is what weighs, and it is fetched only when the reader first focuses
   the box: search/<locale>.json of this page's language,
   same origin, no credentials. Nothing is stored: no storage API, no cookie, the words
   never go into the URL or the history, and they are cleared when the page is left.

   Words are compared with the rules in the index header (written by
   scripts/hedersite/search_text.py), so query and index are normalized alike: NFC, lowercase
   for the page language, NFD, delete `remove`, NFC, replace `map`, split on `separators`;
   each query word is then looked up without its prefix (`affixes`: الشرطة and للشرطة as
   شرطة), the form the index holds for every shape of that word. Every word must match (the
   last one may be the start of a word: type-ahead); pages with hits in the title come first,
   then in headings, then in the text. */
(function () {
  "use strict";

  var form = document.getElementById("hs-search");
  if (!form) return;
  /* The strip is drawn before this script runs (search.css): a browser that cannot search
     loses it, rather than keep a box that does nothing. */
  if (!window.fetch || !String.prototype.normalize) {
    form.parentNode.removeChild(form);
    return;
  }
  var input = form.querySelector(".hs-search__input");
  var status = form.querySelector(".hs-search__status");
  var list = form.querySelector(".hs-search__results");
  var MAX_RESULTS = 20;
  var loading = null;   // the index request, once started
  var index = null;     // {pages, words(), normalize(), lang} once loaded
  var failed = false;

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? values[key] : all;
    });
  }

  function say(text) {
    if (status.textContent !== text) status.textContent = text;
  }

  /* ---- The normalizer, built from the index header ---- */

  function hex(code) {
    return "\\u" + ("000" + code.toString(16)).slice(-4);
  }

  function charClass(ranges) {
    return "[" + ranges.map(function (r) { return hex(r[0]) + "-" + hex(r[1]); }).join("") + "]";
  }

  function normalizer(header) {
    var remove = new RegExp(charClass(header.remove) + "+", "g");
    var keys = Object.keys(header.map);
    var mapped = new RegExp("[" + keys.map(function (k) { return hex(k.charCodeAt(0)); }).join("") + "]", "g");
    var lang = header.lang;
    function lower(text) {
      try { return text.toLocaleLowerCase(lang); } catch (e) { return text.toLowerCase(); }
    }
    return function (text) {
      text = lower(text.normalize("NFC")).normalize("NFD").replace(remove, "").normalize("NFC");
      return keys.length ? text.replace(mapped, function (c) { return header.map[c]; }) : text;
    };
  }

  /* The language's light affix rules, as search_text.py's `key` and `forms` apply them: a
     query word is looked up by its key (without its prefix); a word of the page text (with
     the pieces joined to it by a ZWNJ) is marked if one of the forms the index holds for it
     matches the query. */
  function affixer(header) {
    var rule = header.affixes || { prefixes: [], suffixes: [], stem: 0, keep: [] };
    var joiners = header.joiners && header.joiners.length ? new RegExp(charClass(header.joiners)) : null;
    function key(word) {
      if (rule.keep.indexOf(word) !== -1) return word;
      for (var i = 0; i < rule.prefixes.length; i++) {
        var prefix = rule.prefixes[i];  // longest first: the first that begins the word decides
        if (word.indexOf(prefix) === 0) return word.length - prefix.length >= rule.stem ? word.slice(prefix.length) : word;
      }
      return word;
    }
    function splitSuffix(word) {
      for (var i = 0; i < rule.suffixes.length; i++) {
        var suffix = rule.suffixes[i], stem = word.length - suffix.length;
        if (stem >= 0 && word.slice(stem) === suffix) return stem >= rule.stem ? [word.slice(0, stem), suffix] : [];
      }
      return [];
    }
    function forms(token) {
      var pieces = joiners ? token.split(joiners) : [token];
      var found = pieces.length > 1 ? pieces.concat([pieces.join("")]) : pieces;
      found.slice().forEach(function (word) { found = found.concat([key(word)], splitSuffix(word)); });
      return found.filter(Boolean);
    }
    return { key: key, forms: forms };
  }

  function prepare(header) {
    var normalize = normalizer(header);
    var affix = affixer(header);
    var separators = new RegExp(charClass(header.separators) + "+", "g");
    var letters = "[^" + charClass(header.separators).slice(1) + "+";
    var joined = header.joiners && header.joiners.length ? "(?:" + charClass(header.joiners) + letters + ")*" : "";
    var word = new RegExp(letters + joined, "g");  // a word and the pieces joined to it
    var root = new URL(form.getAttribute("data-root"), location.href);
    return {
      normalize: normalize,
      word: word,
      forms: affix.forms,
      words: function (text) { return normalize(text).split(separators).filter(Boolean).map(affix.key); },
      pages: header.pages.map(function (page, order) {
        return {
          order: order, title: page.t, text: page.x, href: new URL(page.u, root).href,
          fields: page.w.map(function (words) { return " " + words + " "; })
        };
      })
    };
  }

  function load() {
    if (loading) return;
    var url = new URL(form.getAttribute("data-index"), location.href);
    loading = fetch(url.href, { credentials: "omit", referrerPolicy: "no-referrer" })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (header) {
        index = prepare(header);
        failed = false;
        update();
      }, function () {
        loading = null;  // the next focus tries again
        failed = true;
        update();
      });
  }

  /* ---- Matching and ranking ---- */

  /* Does the field (" word word ") hold this word, or a word starting with it? */
  function holds(field, word, prefix) {
    return field.indexOf(" " + word + (prefix ? "" : " ")) !== -1;
  }

  function matches(word, query) {
    for (var i = 0; i < query.length; i++) {
      if (word === query[i] || (i === query.length - 1 && word.indexOf(query[i]) === 0)) return true;
    }
    return false;
  }

  /* Title hits outrank heading hits, which outrank text hits; then the site's page order. */
  function search(query) {
    var last = query.length - 1;
    var found = [];
    index.pages.forEach(function (page) {
      var score = 0;
      for (var i = 0; i < query.length; i++) {
        var field = 0;
        while (field < 3 && !holds(page.fields[field], query[i], i === last)) field++;
        if (field === 3) return;  // every word must match
        score += [10000, 100, 1][field];
      }
      found.push({ page: page, score: score });
    });
    found.sort(function (a, b) { return b.score - a.score || a.page.order - b.page.order; });
    return found.slice(0, MAX_RESULTS);
  }

  /* ---- Showing results ---- */

  /* Spans [start, end) of words in text[from, to) that match the query, at most `max`. */
  function hits(text, query, from, to, max) {
    var found = [], m;
    index.word.lastIndex = from;
    while (found.length < max && (m = index.word.exec(text)) && m.index + m[0].length <= to) {
      if (index.forms(index.normalize(m[0])).some(function (form) { return matches(form, query); })) {
        found.push([m.index, m.index + m[0].length]);
      }
    }
    return found;
  }

  /* About 160 characters of the text around the first hit, cut between words, hits marked. */
  function snippet(page, query) {
    var text = page.text;
    var first = hits(text, query, 0, text.length, 1)[0];
    var start = first ? Math.max(0, first[0] - 40) : 0;
    if (start > 0) start = Math.min(text.indexOf(" ", start) + 1 || start, first[0]);
    var end = Math.min(text.length, start + 160);
    if (end < text.length && text.lastIndexOf(" ", end) > (first ? first[1] : start)) end = text.lastIndexOf(" ", end);
    var out = document.createDocumentFragment();
    var at = start;
    out.appendChild(document.createTextNode(start > 0 ? "… " : ""));
    (first ? hits(text, query, start, end, 20) : []).forEach(function (hit) {
      out.appendChild(document.createTextNode(text.slice(at, hit[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(hit[0], hit[1]);
      out.appendChild(mark);
      at = hit[1];
    });
    out.appendChild(document.createTextNode(text.slice(at, end) + (end < text.length ? " …" : "")));
    return out;
  }

  function render(found, query) {
    list.textContent = "";
    found.forEach(function (result) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.className = "hs-search__link";
      link.href = result.page.href;
      var title = document.createElement("span");
      title.className = "hs-search__title";
      title.textContent = result.page.title;
      var text = document.createElement("span");
      text.className = "hs-search__snippet";
      text.appendChild(snippet(result.page, query));
      link.appendChild(title);
      link.appendChild(text);
      item.appendChild(link);
      list.appendChild(item);
    });
    list.hidden = !found.length;
  }

  function open(on) {
    form.classList.toggle("hs-search--open", on);
  }

  function update() {
    var typed = input.value.trim();
    if (!typed) {
      render([], []);
      say("");
      open(false);
      return;
    }
    open(true);
    if (!index) {
      say(form.getAttribute(failed ? "data-error" : "data-loading"));
      return;
    }
    var query = index.words(typed);
    if (query.join("").length < 2) {
      render([], []);
      say("");
      return;
    }
    var found = search(query);
    render(found, query);
    say(found.length ? fill(form.getAttribute("data-count"), { count: String(found.length) })
                     : form.getAttribute("data-none"));
  }

  /* ---- Keyboard and focus ---- */

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll("a"));
  }

  function move(step) {
    var all = links();
    var at = all.indexOf(document.activeElement);
    var next = at + step;
    if (next < 0) input.focus();
    else if (next < all.length) all[next].focus();
  }

  input.addEventListener("focus", load);
  input.addEventListener("input", update);

  form.addEventListener("submit", function (event) {
    event.preventDefault();  // never navigate: the words stay out of the URL
    load();
    if (document.activeElement !== input && !input.value.trim()) return input.focus();
    update();
    var first = links()[0];
    if (first) first.focus();
    else input.focus();
  });

  /* Arrows move between the field and the results; Escape closes the list. Escape is not
     stopped here: the quick exit may listen for it on the document. */
  form.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (list.hidden) return;
      event.preventDefault();
      move(event.key === "ArrowDown" ? 1 : -1);
    } else if (event.key === "Escape" && form.classList.contains("hs-search--open")) {
      open(false);
      input.focus();
    }
  });

  form.addEventListener("focusin", function () {
    if (input.value.trim()) open(true);
  });
  /* Focus moving elsewhere (Tab) closes the list; a click elsewhere does too. */
  form.addEventListener("focusout", function (event) {
    if (event.relatedTarget && !form.contains(event.relatedTarget)) open(false);
  });
  document.addEventListener("click", function (event) {
    if (!form.contains(event.target)) open(false);
  });

  /* Leaving the page (or it going into the back/forward cache): forget the words. */
  window.addEventListener("pagehide", function () {
    input.value = "";
    update();
  });

  /* Browsers without the `scripting` media feature show the strip only now (search.css). */
  form.hidden = false;
  if (input.value.trim()) update();  // words typed before this script ran
})();
