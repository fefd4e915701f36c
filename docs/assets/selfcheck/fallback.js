// A classic script, so it runs where the self-check's module script cannot: a page opened from disk
// (file://, where browsers refuse module scripts and Pyodide cannot load) or a browser without JavaScript
// modules. There it says so plainly and shows the links to the notice's text. Written in ES5 on purpose.
(function () {
  var root = document.getElementById("policy-selfcheck");
  if (!root) return;
  var reason = null;
  if (location.protocol === "file:") reason = "file";
  else if (!("noModule" in document.createElement("script"))) reason = "unsupported";
  if (!reason) return;
  root.setAttribute("data-engine", reason);
  var messages = root.querySelectorAll("[data-engine-state]");
  for (var i = 0; i < messages.length; i++) {
    if (messages[i].getAttribute("data-engine-state") === reason) messages[i].removeAttribute("hidden");
    else messages[i].setAttribute("hidden", "");
  }
  document.getElementById("sc-unavailable").removeAttribute("hidden");
})();
