// 长辈模式 (large text): the reader's choice, kept in this browser with Material's own storage helpers (scoped to
// the site, like its colour scheme), applied to <html> as `data-large-text` by this render-blocking script in
// <head>, so that the first paint is already in the chosen size. docs/assets/stylesheets/large-text.css does the
// rest, on screen only (print is unaffected). The toggle in the header (templates/theme/partials/
// large-text-toggle.html) flips it; other tabs of the site follow; Material's instant navigation keeps <html>.
(() => {
  const KEY = "__large_text";
  const root = document.documentElement;

  function stored() {
    try {
      return __md_get(KEY) === true;
    } catch {
      return false; // storage blocked: the page stays as it is
    }
  }

  function toggles() {
    return document.querySelectorAll(".site-large-text-toggle");
  }

  function apply(on) {
    root.toggleAttribute("data-large-text", on);
    for (const toggle of toggles()) toggle.setAttribute("aria-pressed", String(on));
  }

  /** The element at the top of the reading area, to bring back into view once the text has reflowed. */
  function readingPlace() {
    if (scrollY === 0) return null;
    const header = document.querySelector(".md-header");
    const top = header ? header.getBoundingClientRect().bottom + 1 : 1;
    const content = document.querySelector(".md-content");
    const box = content && content.getBoundingClientRect();
    const element = box && document.elementFromPoint(box.left + box.width / 2, top);
    return element && content.contains(element) ? { element, offset: top } : null;
  }

  function switchTo(on) {
    const place = readingPlace();
    apply(on);
    __md_set(KEY, on);
    if (place) {
      place.element.scrollIntoView({ block: "start" });
      scrollBy(0, -place.offset);
    }
  }

  apply(stored());

  document.addEventListener("click", (event) => {
    if (event.target.closest(".site-large-text-toggle")) switchTo(!root.hasAttribute("data-large-text"));
  });

  addEventListener("storage", (event) => {
    if (event.key === null || event.key.endsWith(`.${KEY}`)) apply(stored());
  });

  addEventListener("DOMContentLoaded", () => {
    const onPage = () => apply(stored());
    if (window.document$) window.document$.subscribe(onPage); // every page of Material's instant navigation
    else onPage();
  });
})();
