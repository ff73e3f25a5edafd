/* Find your municipality: a type-ahead over the municipality list that is already on the page
   (the <datalist>, rendered at build time; no request, nothing stored). A name typed in the
   reader's script («مالمو», «ማልሞ»), in Swedish with or without accents ("Malmo"), or in another
   spelling the data lists, is compared after window.hsFold (fold.js, the same rules as
   hedersite.names.fold). The answer (the centres serving the place, their numbers, or the
   lines to call) is copied from a <template> of the page into the answer box: the page never
   lays out all 290 rows. Without JavaScript the form stays hidden and the county list, with
   one page per county, does the job. The reader's choice never reaches the address bar or
   the history: the script moves focus to the answer instead of changing the URL. */
(function () {
  "use strict";

  var form = document.getElementById("hs-finder");
  var answer = document.getElementById("hs-answer");
  var fold = window.hsFold;
  if (!form || !answer || typeof fold !== "function" || !String.prototype.normalize ||
      !("content" in document.createElement("template"))) return;
  var input = form.querySelector(".hs-finder__input");
  var list = form.querySelector("datalist");
  var status = form.querySelector(".hs-finder__status");
  var lang = document.documentElement.lang;

  function lower(text) {
    return text.toLocaleLowerCase(lang).replace(/\s+/g, " ").trim();
  }

  /* A link made when every municipality was a row of this page (hitta-stod/#kommun-1384)
     goes on to the row on its county's page, in place of this page in the history. */
  function forward(entries) {
    var old = /^#kommun-(\d{4})$/.exec(location.hash);
    var entry = old && entries.filter(function (e) { return e.code === old[1]; })[0];
    if (entry) location.replace(entry.countyHref + location.hash);
    return Boolean(entry);
  }

  var entries = Array.prototype.map.call(list.options, function (option) {
    var names = [option.value, option.getAttribute("data-sv") || ""]
      .concat((option.getAttribute("data-also") || "").split("|"))
      .filter(function (name) { return name; });
    return {
      code: option.getAttribute("data-code") || "",
      shown: option.value,
      sv: option.getAttribute("data-sv") || option.value,
      county: option.getAttribute("data-county") || "",
      countyHref: option.getAttribute("data-county-href") || "",
      answer: option.getAttribute("data-answer") || "",
      lowers: names.map(lower),
      keys: names.map(function (name) { return fold(name, lang); })
    };
  });
  if (!entries.length || forward(entries)) return;

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? values[key] : all;
    });
  }

  function say(text) {
    status.textContent = text;
  }

  /* Exact name first, then the same letters after folding, then names that start so. */
  function matches(text) {
    var exact = lower(text);
    var key = fold(text, lang);
    if (!key) return [];
    var found = entries.filter(function (e) { return e.lowers.indexOf(exact) !== -1; });
    if (!found.length) found = entries.filter(function (e) { return e.keys.indexOf(key) !== -1; });
    if (!found.length) {
      found = entries.filter(function (e) {
        return e.keys.some(function (k) { return k.indexOf(key) === 0; });
      });
    }
    return found;
  }

  function clear(element) {
    while (element.firstChild) element.removeChild(element.firstChild);
  }

  /* The name in the reader's script, then the Swedish one (as the county pages write it). */
  function heading(entry) {
    var title = answer.querySelector(".hs-answer__name");
    clear(title);
    title.appendChild(document.createTextNode(entry.shown));
    if (entry.sv !== entry.shown) {
      var sv = document.createElement("bdi");
      sv.className = "hs-place__sv";
      sv.lang = "sv";
      sv.textContent = entry.sv;
      title.appendChild(document.createTextNode(" "));
      title.appendChild(sv);
    }
  }

  function show(entry) {
    var template = document.getElementById("hs-answer-" + entry.answer);
    if (!template) return;
    heading(entry);
    var body = answer.querySelector(".hs-answer__body");
    clear(body);
    body.appendChild(template.content.cloneNode(true));
    var more = answer.querySelector(".hs-answer__more a");
    more.href = entry.countyHref;
    more.textContent = fill(form.getAttribute("data-more"), { county: entry.county });
    answer.hidden = false;
    answer.focus({ preventScroll: true });
    answer.scrollIntoView({ block: "start" });
    say(fill(form.getAttribute("data-found"), { name: entry.shown, county: entry.county }));
  }

  function go(text, quiet) {
    var found = matches(text);
    if (found.length === 1) {
      show(found[0]);
    } else if (!quiet && found.length > 1) {
      say(fill(form.getAttribute("data-several"), {
        names: found.slice(0, 8).map(function (e) { return e.shown; }).join(", ")
      }));
    } else if (!quiet && text.trim()) {
      say(fill(form.getAttribute("data-not-found"), { text: text.trim() }));
    }
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();  // never navigate: the name stays out of the URL
    go(input.value, false);
  });

  /* A choice from the list (not typing: "Mark" must not jump before "Markaryd" is typed). */
  input.addEventListener("input", function (event) {
    var typed = typeof InputEvent !== "undefined" && event instanceof InputEvent &&
      event.inputType !== "insertReplacementText";
    if (typed) return;
    var found = matches(input.value);
    if (found.length === 1 && found[0].lowers.indexOf(lower(input.value)) !== -1) go(input.value, true);
  });

  form.hidden = false;
})();
