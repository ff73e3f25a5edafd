/* Quick exit (overrides/partials/quick-exit.html). Without this script the exit is a plain
   link and still works; with it, leaving is faster and leaves less behind:

   - The page is hidden at once (html.hs-exiting hides everything but an overlay in system
     colours) and the title is blanked.
   - The neutral page opens in a new tab, which the browser shows: a new tab has no history,
     so Back there reaches no page of this site. It gets no opener (the neutral page cannot
     reach this tab) and no referrer (<meta name="referrer"> of this page). This tab, now
     behind, loads the neutral page too with location.replace(), so Back there does not
     return to the page being read; pages read before it stay in this tab's history, and the
     hide-your-visit page says so and how to clear them. Where the browser refuses a new tab
     (a pop-up blocker, an app's web view), only this tab is replaced, as before.
   - Shift pressed 3 times leaves too (GOV.UK's timing: counted on keyup in the capture phase,
     at most 5 s between presses, the timer restarts on each press, any other key resets).
     Shift used as a modifier does not count: a capital letter typed in a text box, Shift-click,
     or Alt+Shift / Ctrl+Shift, which switch the keyboard layout on many computers.
   - After each counted press a status message tells screen-reader users how many remain.
   - If the browser shows this page again from its back/forward cache, pageshow undoes all
     of it, so the page is never left blank and half-counted. */
(function () {
  "use strict";

  var PRESSES = 3;
  var WINDOW_MS = 5000;
  var bar = document.getElementById("hs-exit");
  var exitLink = document.querySelector("a[data-quick-exit]");
  if (!bar || !exitLink) return;
  // The live region for the Shift messages, last in <body>: it exists only when keys count.
  var status = document.createElement("p");
  status.className = "hs-exit__status";
  status.setAttribute("role", "status");
  document.body.appendChild(status);
  var overlay = document.querySelector(".hs-exit-overlay");
  var text = bar.dataset;
  var root = document.documentElement;

  var count = 0;
  var timer = null;
  var shiftAlone = false;   // Shift is down and nothing else has happened while it is
  var title = document.title;

  function say(message) {
    status.textContent = message;
  }

  function forget() {
    count = 0;
    clearTimeout(timer);
    timer = null;
  }

  function leave(event) {
    if (event) event.preventDefault();
    forget();
    root.classList.add("hs-exiting");
    if (overlay) {
      overlay.textContent = text.loading;
      overlay.hidden = false;
    }
    title = document.title || title;
    document.title = "";
    openNeutralTab(exitLink.href);
    window.location.replace(exitLink.href);
  }

  // window.open with "noopener" always returns null, so a refused tab could not be told from
  // an opened one: open an empty tab, cut its opener, then send it to the neutral page.
  function openNeutralTab(url) {
    var tab = null;
    try {
      tab = window.open("", "_blank");
    } catch (error) {
      tab = null;
    }
    if (!tab) return false;
    try {
      tab.opener = null;
      tab.location.replace(url);
      return true;
    } catch (error) {
      return false;
    }
  }

  function timedOut() {
    forget();
    say(text.timedOut);
  }

  function onKeyDown(event) {
    if (event.key === "Shift") {
      if (!event.repeat) shiftAlone = !(event.altKey || event.ctrlKey || event.metaKey);
    } else {
      shiftAlone = false;
    }
  }

  function onKeyUp(event) {
    if (event.key !== "Shift") {
      if (count) {
        forget();
        say("");  // the count starts again: "press 1 more time" no longer holds
      }
      return;
    }
    var counted = shiftAlone && !event.isComposing;
    shiftAlone = false;
    if (!counted) return;
    count += 1;
    clearTimeout(timer);
    if (count >= PRESSES) {
      leave();
      return;
    }
    say(count === 1 ? text.pressTwice : text.pressOnce);
    timer = setTimeout(timedOut, WINDOW_MS);
  }

  function onPointerDown(event) {
    if (event.shiftKey) shiftAlone = false;  // Shift-click selects or opens a window
  }

  function restore() {
    forget();
    shiftAlone = false;
    root.classList.remove("hs-exiting");
    if (overlay) {
      overlay.hidden = true;
      overlay.textContent = "";
    }
    say("");
    if (!document.title) document.title = title;
  }

  var links = document.querySelectorAll("a[data-quick-exit], a[data-quick-exit-skip]");
  for (var i = 0; i < links.length; i++) {
    links[i].addEventListener("click", leave);
    // A middle click would open the neutral page in a new tab and leave this one showing.
    links[i].addEventListener("auxclick", function (event) { if (event.button === 1) leave(event); });
  }
  document.addEventListener("keydown", onKeyDown, true);
  document.addEventListener("keyup", onKeyUp, true);
  document.addEventListener("pointerdown", onPointerDown, true);
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) restore();
  });
})();
