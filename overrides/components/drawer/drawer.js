/* The menu on phones (Material's drawer) and the panel of the page's headings inside it.
   Material opens them with a checkbox and a <label>, which is no Tab stop, has no role and,
   for the menu icon, no name: a reader zoomed to the phone layout, or with a switch or
   screen reader, could not reach the list of pages (Material's bundle, which is not loaded,
   does not fix this either). Each label becomes a button: named after the <nav> it opens,
   aria-expanded in step with its checkbox; Enter or Space opens it with focus on its first
   control; Escape, or Tab out of the panel, closes the innermost one with focus back on its
   button; a link to a heading closes the drawer. Closed panels are hidden
   (components/focus/focus.css), so Tab skips them. Without JavaScript the labels stay as
   Material made them: a tap still opens the drawer. */
(function () {
  "use strict";

  var drawer = document.querySelector(".md-sidebar--primary");
  var headerButton = document.querySelector(".md-header label[for='__drawer']");
  if (!drawer || !headerButton) return;

  var layers = [];  // {toggle, opener, panel}: the drawer, then the panels inside it

  function visible(element) {
    return element.getClientRects().length > 0 && getComputedStyle(element).visibility === "visible";
  }

  // What Tab reaches in a panel now: links and the buttons made here.
  function controls(panel) {
    return Array.prototype.filter.call(panel.querySelectorAll("a[href], [role='button']"), visible);
  }

  function sync(layer) {
    layer.opener.setAttribute("aria-expanded", layer.toggle.checked ? "true" : "false");
  }

  function open(layer) {
    layer.toggle.checked = true;
    sync(layer);
    // The panel is visible from the moment its checkbox is checked (focus.css): focusable now.
    var first = controls(layer.panel)[0];
    if (first) first.focus();
  }

  function close(layer) {
    layer.toggle.checked = false;
    sync(layer);
    layer.opener.focus();
  }

  function asButton(layer) {
    var opener = layer.opener;
    var nav = layer.panel.matches("nav") ? layer.panel : layer.panel.querySelector("nav");
    opener.setAttribute("role", "button");
    opener.setAttribute("tabindex", "0");
    if (nav && nav.getAttribute("aria-label")) opener.setAttribute("aria-label", nav.getAttribute("aria-label"));
    opener.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();  // Space would scroll the page
      if (layer.toggle.checked) close(layer); else open(layer);
    });
    // A tap or a click changes the checkbox without a key.
    layer.toggle.addEventListener("change", function () { sync(layer); });
    sync(layer);
    layers.push(layer);
  }

  var drawerToggle = document.getElementById("__drawer");
  if (!drawerToggle) return;
  asButton({toggle: drawerToggle, opener: headerButton, panel: drawer});

  // Panels inside the drawer: <input class="md-nav__toggle" id=X> <label for=X> ... <nav>.
  Array.prototype.forEach.call(drawer.querySelectorAll("input.md-nav__toggle[id]"), function (toggle) {
    var item = toggle.parentNode;
    var opener = item.querySelector(":scope > label.md-nav__link[for='" + toggle.id + "']");
    var panel = item.querySelector(":scope > nav.md-nav");
    if (opener && panel) asButton({toggle: toggle, opener: opener, panel: panel});
  });

  // The panel the keyboard is in: the innermost open one that holds the focus.
  function current(target) {
    for (var i = layers.length - 1; i >= 0; i--) {
      if (layers[i].toggle.checked && layers[i].panel.contains(target)) return layers[i];
    }
    return null;
  }

  drawer.addEventListener("keydown", function (event) {
    var layer = current(event.target);
    if (!layer) return;
    var all = controls(layer.panel);
    var leaving = event.key === "Tab" &&
      event.target === (event.shiftKey ? all[0] : all[all.length - 1]);
    if (event.key === "Escape" || leaving) {
      event.preventDefault();
      close(layer);
    }
  });

  drawer.addEventListener("click", function (event) {
    var link = event.target.closest("a[href^='#']");
    if (link && drawerToggle.checked) {
      drawerToggle.checked = false;
      sync(layers[0]);
    }
  });
}());
