// Installed by tests/safety/conftest.py before any script of a page runs. Every attempt to
// store something is noted in window.__traces (and still carried out, so the state checks
// see it too); every Content-Security-Policy violation in window.__cspViolations.
(() => {
  const traces = [];
  const violations = [];
  Object.defineProperty(window, "__traces", { value: traces });
  Object.defineProperty(window, "__cspViolations", { value: violations });
  document.addEventListener("securitypolicyviolation", (e) => {
    violations.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
  }, true);

  function wrap(proto, name, label) {
    if (!proto || typeof proto[name] !== "function") return;
    const original = proto[name];
    proto[name] = function (...args) {
      traces.push(`${label} ${String(args[0])}`);
      return original.apply(this, args);
    };
  }
  wrap(window.Storage && Storage.prototype, "setItem", "Storage.setItem");
  wrap(window.IDBFactory && IDBFactory.prototype, "open", "indexedDB.open");
  wrap(window.CacheStorage && CacheStorage.prototype, "open", "caches.open");
  wrap(window.ServiceWorkerContainer && ServiceWorkerContainer.prototype, "register", "serviceWorker.register");
  wrap(window.CookieStore && CookieStore.prototype, "set", "cookieStore.set");

  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, "cookie");
  Object.defineProperty(Document.prototype, "cookie", {
    configurable: true,
    get() { return cookie.get.call(this); },
    set(value) { traces.push(`document.cookie ${value}`); cookie.set.call(this, value); },
  });
})();
