// Registers the site's service worker (sw.js at the site root, written by sitebuild/serviceworker.py), so
// that after one visit the site works without a network. Every page registers it once the page has loaded;
// the self-check page waits until Python is ready, so that installing the worker never competes with
// Python's start, and then asks the worker to keep the self-check's runtime (which the page has just
// downloaded) for offline use. The worker answers with the mark `offline:self-check-cached`.
(() => {
  if (!("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
  const workerUrl = new URL("../../sw.js", document.currentScript.src); // this file is <site>/assets/offline/
  let registration = null;

  function register() {
    registration ??= navigator.serviceWorker.register(workerUrl).catch((error) => {
      console.warn("离线功能未能启用：", error);
      return null;
    });
    return registration;
  }

  async function cacheSelfCheck() {
    if (!(await register())) return;
    const ready = await navigator.serviceWorker.ready;
    ready.active.postMessage({ type: "cache-self-check" });
  }

  navigator.serviceWorker.addEventListener("message", ({ data }) => {
    if (data && data.type === "self-check-cached") performance.mark("offline:self-check-cached");
  });

  // The self-check marks `selfcheck:engine-ready` each time a page of it has Python ready (after Material's
  // instant navigation too).
  new PerformanceObserver((list) => {
    if (list.getEntriesByName("selfcheck:engine-ready").length) cacheSelfCheck();
  }).observe({ type: "mark", buffered: true });

  addEventListener("load", () => {
    const engine = window.policyCalculator; // the self-check's engine, on its page (see engine.mjs)
    if (engine) engine.ready.catch(register);
    else register();
  });
})();
