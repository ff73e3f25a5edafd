/* The form of a name the finder compares, so that «مالمو», «مالمؤ», «ماڵمۆ», «Мальме» and
   "malmo" find the place however the reader's keyboard writes it. The browser's copy of
   fold() in scripts/hedersite/names.py: the same rules, kept in step by
   tests/geography/test_fold_js.py, which runs both on the same words. Nothing is stored or
   sent; in a page it is window.hsFold, in Node module.exports. */
(function (root) {
  "use strict";

  /* Marks removed after NFD: Latin accents, Arabic vowel signs, shadda, sukun, the hamza and
     madda that NFD splits off أ إ آ ؤ ئ ۀ, superscript alef, Quranic marks, tatweel. */
  var MARKS = /[\u0300-\u036f\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;
  /* ZWNJ (Persian, Dari, Pashto word parts), other joiners and direction marks. */
  var INVISIBLE = /[\u200b-\u200f\u2066-\u2069\ufeff]/g;
  /* One letter for the forms different keyboards give for the same sound. */
  var LETTERS = {
    "\u0649": "\u064a", "\u06cc": "\u064a", "\u06d0": "\u064a", "\u06cd": "\u064a", "\u06ce": "\u064a", // ى ی ې ۍ ێ -> ي
    "\u06a9": "\u0643", // ک -> ك
    "\u06ab": "\u06af", // ګ -> گ
    "\u0629": "\u0647", "\u06d5": "\u0647", "\u06c1": "\u0647", "\u06be": "\u0647", // ة ە ہ ھ -> ه
    "\u0671": "\u0627", // ٱ -> ا
    "\u06c6": "\u0648", // ۆ -> و
    "\u0695": "\u0631", "\u06b5": "\u0644", // ڕ -> ر, ڵ -> ل
    "\u0491": "\u0433" // ґ -> г
  };
  /* Spaces written out, not \s: Python and JavaScript disagree on a few (U+001C, U+0085). */
  var SPACES = /[ \t\n\r\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;
  /* A hyphen is a space (Уппландс-Весбю typed "Уппландс Весбю"), an apostrophe nothing. */
  var HYPHENS = /[-\u2010\u2011\u2013]/g;
  var APOSTROPHES = /['\u2019\u02bc]/g;
  var LETTER = new RegExp("[" + Object.keys(LETTERS).join("") + "]", "g");

  /* Same rules on every page and for every locale: `locale` only names the page's language. */
  function fold(text, locale) {
    return String(text).normalize("NFD").replace(MARKS, "").replace(INVISIBLE, "").toLowerCase()
      .replace(LETTER, function (c) { return LETTERS[c]; })
      .replace(HYPHENS, " ").replace(APOSTROPHES, "").replace(SPACES, " ").trim();
  }

  if (typeof module === "object" && module.exports) {
    module.exports = fold;
  } else {
    root.hsFold = fold;
  }
})(this);
