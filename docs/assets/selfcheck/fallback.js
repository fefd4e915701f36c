// A classic script, so it runs where the self-check's module scripts cannot: a page opened from disk
// (file://, where browsers refuse module scripts and Pyodide cannot load), a browser without JavaScript
// modules, and a server that does not send the module scripts as JavaScript, or at all (the page would
// otherwise say "loading" for ever). There it says so plainly, with the likely cause, and shows the links to
// the notice's text. Written in ES5 on purpose. (engine.mjs reports the failures that come later.)
(function () {
  var JAVASCRIPT =
    /^(?:(?:text|application)\/(?:x-)?(?:java|ecma)script|text\/javascript1\.[0-5]|text\/(?:jscript|livescript))$/;
  var root = document.getElementById("policy-selfcheck");
  if (!root) return;
  var folder = document.currentScript.src.replace(/[^/]*$/, ""); // this file's folder: the self-check's scripts

  /** Show why the self-check cannot run: state "file", "unsupported" or "failed", and for "failed" its cause. */
  function show(state, failure) {
    var page = document.getElementById("policy-selfcheck"); // the page shown now (Material swaps pages in place)
    if (!page || page.getAttribute("data-engine") === state) return;
    page.setAttribute("data-engine", state);
    var parts = page.querySelectorAll("[data-engine-state], [data-engine-failure]");
    for (var i = 0; i < parts.length; i++) {
      var wanted = parts[i].hasAttribute("data-engine-state") ? state : failure;
      var value = parts[i].getAttribute("data-engine-state") || parts[i].getAttribute("data-engine-failure");
      if (value === wanted) parts[i].removeAttribute("hidden");
      else parts[i].setAttribute("hidden", "");
    }
    document.getElementById("sc-unavailable").removeAttribute("hidden");
  }

  /** Find out why a script failed to load from the server's answer for `urls`, one after the other. */
  function diagnose(urls, done) {
    if (!urls.length) return done("unknown");
    var request = new XMLHttpRequest();
    request.open("GET", urls[0]);
    request.onreadystatechange = function () {
      if (request.readyState < 2) return; // the headers are all it takes
      request.onreadystatechange = null;
      var ok = request.status >= 200 && request.status < 300;
      var type = (request.getResponseHeader("Content-Type") || "").split(";")[0].replace(/\s/g, "").toLowerCase();
      request.abort();
      if (!ok) done("download");
      else if (!JAVASCRIPT.test(type)) done("module-type");
      else diagnose(urls.slice(1), done);
    };
    request.onerror = function () {
      done("download");
    };
    request.send();
  }

  if (location.protocol === "file:") return show("file");
  if (!("noModule" in document.createElement("script"))) return show("unsupported");
  if (window.policySelfcheckWatched) return; // once per window: instant navigation runs this file again
  window.policySelfcheckWatched = true;
  document.addEventListener("error", function (event) {
    var script = event.target;
    if (script.tagName !== "SCRIPT" || script.type !== "module" || script.src.indexOf(folder) !== 0) return;
    diagnose([script.src, folder + "engine.mjs"], function (failure) {
      show("failed", failure);
    });
  }, true);
})();
