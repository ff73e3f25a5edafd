/* Find your municipality: a type-ahead over the municipality list that is already on the
   page (no request, nothing stored). Without JavaScript the form stays hidden and the county
   list does the job. The reader's choice never reaches the address bar or the history: the
   script moves focus to the municipality instead of changing the URL. */
(function () {
  "use strict";

  var form = document.getElementById("hs-finder");
  if (!form || !String.prototype.normalize) return;
  var input = form.querySelector(".hs-finder__input");
  var list = form.querySelector("datalist");
  var status = form.querySelector(".hs-finder__status");

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ").trim();
  }

  var entries = Array.prototype.map.call(document.querySelectorAll(".hs-muni[id^='kommun-']"), function (el) {
    var name = el.querySelector(".hs-muni__name").textContent.trim();
    return { el: el, name: name, lower: name.toLowerCase(), key: fold(name), county: el.getAttribute("data-county") || "" };
  });
  if (!entries.length) return;

  entries.slice().sort(function (a, b) { return a.name.localeCompare(b.name, document.documentElement.lang); })
    .forEach(function (entry) {
      var option = document.createElement("option");
      option.value = entry.name;
      option.label = entry.county;
      list.appendChild(option);
    });

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? values[key] : all;
    });
  }

  function say(text) {
    status.textContent = text;
  }

  /* Exact name first, then the same letters without accents, then names that start so. */
  function matches(text) {
    var lower = text.toLowerCase().trim();
    var key = fold(text);
    if (!key) return [];
    var found = entries.filter(function (e) { return e.lower === lower; });
    if (!found.length) found = entries.filter(function (e) { return e.key === key; });
    if (!found.length) found = entries.filter(function (e) { return e.key.indexOf(key) === 0; });
    return found;
  }

  function show(entry) {
    entry.el.focus({ preventScroll: true });
    entry.el.scrollIntoView({ block: "start" });
    say(fill(form.getAttribute("data-found"), { name: entry.name, county: entry.county }));
  }

  function go(text, quiet) {
    var found = matches(text);
    if (found.length === 1) {
      show(found[0]);
    } else if (!quiet && found.length > 1) {
      say(fill(form.getAttribute("data-several"), {
        names: found.slice(0, 8).map(function (e) { return e.name; }).join(", ")
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
    if (!typed && matches(input.value).length === 1 && matches(input.value)[0].lower === input.value.toLowerCase().trim()) {
      go(input.value, true);
    }
  });

  form.hidden = false;
})();
