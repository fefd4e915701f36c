// The self-check page: shows the questions that matter for the answers given so far, sends the answers
// to the calculator engine (a Web Worker, see engine.mjs), sums the results up in a bar that stays in view and
// draws one card per measure, most useful first. The form and every fixed wording come from the page, and when
// each question is asked, the anchors and the glossary from form.json (form.mjs), both generated at build time
// from calculator.catalogue() and notice/; this script only fills in values.
// Answers are never sent anywhere: they are kept in this page's own address, after "#" (which no request
// carries), so that Back, reload and Material's instant navigation find them again; 清除全部回答 removes them.
import { EngineUnavailable, InputError } from "./engine.mjs";
import { FORM_URL, chineseDate, keptAnswers, loadForm } from "./form.mjs";
import { theEngine } from "./start.mjs";
import { Glossary } from "./terms.mjs";

const ROOT_SELECTOR = "#policy-selfcheck";
const INPUT_DELAY_MS = 250;

function todayIso() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A fragment that holds answers (`#asker=unit&…`), as opposed to one that names an anchor. */
function holdsAnswers(hash) {
  return hash.includes("=");
}

/** Keep only the template's variant elements whose `data-when-<key>` equals `value`. */
function chooseVariant(element, key, value) {
  for (const variant of element.querySelectorAll(`[data-when-${key}]`)) {
    if (variant.getAttribute(`data-when-${key}`) !== value) variant.remove();
  }
}

/** One question of the form: its wrapper (with data-input and data-type) and its description in form.json. */
class Question {
  constructor(element, description) {
    this.element = element;
    this.id = description.id;
    this.type = description.type;
    this.ask_if = description.ask_if;
    this.label = description.label;
  }

  get radios() {
    return [...this.element.querySelectorAll("input[type=radio]")];
  }

  get input() {
    return this.element.querySelector("input:not([type=radio])");
  }

  /** {value} for an answer, {} when not answered or 不确定, {error} when the browser cannot read it. */
  read() {
    if (this.type === "bool" || this.type === "choice") {
      const checked = this.radios.find((radio) => radio.checked);
      if (!checked || checked.value === "") return {};
      if (this.type === "bool") return { value: checked.value === "true" };
      return { value: checked.value };
    }
    const input = this.input;
    if (input.validity.badInput) return { error: this.element.dataset.badInput };
    if (input.value === "") return {};
    return { value: this.type === "date" ? input.value : Number(input.value) };
  }

  /** Fill in a value written as text (from a share link); false if it is not one the question offers. */
  write(text) {
    if (this.type === "bool" || this.type === "choice") {
      const radio = this.radios.find((candidate) => candidate.value === text && text !== "");
      if (radio) radio.checked = true;
      return Boolean(radio);
    }
    this.input.value = text;
    return this.input.value === text;
  }

  /** The answer as a person reads it: the chosen option's label, or the number with its unit. */
  describe() {
    const checked = this.radios.find((radio) => radio.checked);
    if (checked) return checked.closest("label").textContent.trim();
    const unit = this.element.querySelector(".sc-unit");
    return [this.input.value, unit ? unit.textContent.trim() : ""].join(" ").trim();
  }
}

/** Show the engine's state: loading, ready, or why it cannot run (unsupported, failed: and its likely cause).
 * Returns whether the self-check is unavailable. */
function showEngineState(root, state, failure) {
  root.dataset.engine = state;
  for (const message of root.querySelectorAll("[data-engine-state]")) {
    message.hidden = message.dataset.engineState !== state;
  }
  for (const cause of root.querySelectorAll("[data-engine-failure]")) {
    cause.hidden = cause.dataset.engineFailure !== failure;
  }
  const unavailable = !["loading", "ready"].includes(state);
  root.querySelector("#sc-unavailable").hidden = !unavailable;
  return unavailable;
}

class SelfCheck {
  constructor(root, form) {
    this.root = root;
    this.form = root.querySelector(".sc-form");
    this.questions = form.questions.map(
      (description) => new Question(root.querySelector(`[data-input="${CSS.escape(description.id)}"]`), description),
    );
    this.asker = this.questions[0];
    this.asOf = root.querySelector("#sc-as-of");
    this.results = root.querySelector("#sc-results");
    this.summary = root.querySelector("#sc-summary");
    this.announcer = root.querySelector("#sc-announcer");
    this.anchors = form.anchors; // {"c01-2": {url, label}, ...}: what results cite, URLs relative to FORM_URL
    this.glossary = new Glossary(form.glossary, FORM_URL);
    // Each status with its mark and summary words, in the order cards are shown; "" stands for any other.
    this.statuses = [...this.template("sc-statuses").children].map((element) => ({
      status: element.dataset.status,
      element,
    }));
    this.path = location.pathname; // the page whose address keeps the answers
    this.sequence = 0;
    this.timer = null;
    this.linkErrors = new Map(); // field → share-link value the form does not offer, until the field is changed
    this.unfolded = new Set(); // measures whose folded card the visitor opened
    this.engine = theEngine();

    this.asOf.value = todayIso();
    // Back to a page whose answers are kept: once the results are drawn again, scroll to where the visitor was
    // (Material keeps the offset in history.state; the results were not there yet when it scrolled).
    this.returnTo = holdsAnswers(location.hash) && history.state ? history.state.y : null;
    this.restoreFromFragment();
    this.form.addEventListener("submit", (event) => event.preventDefault());
    root.addEventListener("change", () => this.update());
    root.addEventListener("input", (event) => {
      const field = event.target.closest("[data-field]");
      if (field) this.linkErrors.delete(field.dataset.field);
      this.sequence++; // a result still being computed is for answers that have changed since
      this.results.setAttribute("aria-busy", "true");
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.update(), INPUT_DELAY_MS);
    });
    root.querySelector("#sc-share").addEventListener("click", () => this.share());
    root.querySelector("#sc-print").addEventListener("click", () => window.print());
    root.querySelector("#sc-clear").addEventListener("click", () => this.clear());
    root.querySelector("#sc-to-results").addEventListener("click", () => this.showResults());
    for (const button of root.querySelectorAll(".sc-date-choice")) {
      button.addEventListener("click", () => {
        this.asOf.value = button.dataset.date;
        this.linkErrors.delete("as_of");
        this.update();
      });
    }

    this.showEngine("loading");
    this.engine.ready.then(
      () => {
        performance.mark("selfcheck:engine-ready"); // read by bench/pageload.py and docs/assets/offline/register.js
        this.showEngine("ready");
        this.update();
      },
      (error) => this.showEngine(error instanceof EngineUnavailable ? error.reason : "failed", error.failure),
    );
    this.update();
    performance.mark("selfcheck:form-ready"); // the form answers input from here on, before Python is ready
  }

  /** Show the engine's state (see `showEngineState`); the results go when it cannot run. */
  showEngine(state, failure = "unknown") {
    if (showEngineState(this.root, state, failure)) {
      this.results.replaceChildren();
      this.results.removeAttribute("aria-busy");
    }
  }

  /** The answers of the questions that apply, in catalogue order, and the fields the browser cannot read. */
  collect() {
    const errors = [];
    const answers = keptAnswers(this.questions, (question, asked) => {
      question.element.hidden = !asked;
      if (!asked) return undefined;
      if (this.linkErrors.has(question.id)) {
        errors.push({ field: question.id, message: this.linkErrors.get(question.id) });
        return undefined;
      }
      const { value, error } = question.read();
      if (error) errors.push({ field: question.id, message: error });
      return value;
    });
    this.root.querySelector("#sc-step-questions").hidden = !(this.asker.id in answers);
    const asOfField = this.asOf.closest("[data-field]");
    if (this.linkErrors.has("as_of")) errors.push({ field: "as_of", message: this.linkErrors.get("as_of") });
    else if (this.asOf.validity.badInput) errors.push({ field: "as_of", message: asOfField.dataset.badInput });
    return { answers, errors };
  }

  showErrors(errors) {
    for (const slot of this.root.querySelectorAll(".sc-error")) {
      slot.hidden = true;
      slot.textContent = "";
    }
    for (const control of this.root.querySelectorAll("[aria-invalid]")) control.removeAttribute("aria-invalid");
    const unplaced = [];
    for (const { field, message } of errors) {
      const wrapper = this.root.querySelector(`[data-field="${CSS.escape(field)}"]`);
      if (!wrapper) {
        unplaced.push(message);
        continue;
      }
      const slot = wrapper.querySelector(".sc-error");
      slot.textContent = slot.textContent ? `${slot.textContent}；${message}` : message;
      slot.hidden = false;
      for (const control of wrapper.querySelectorAll("input")) control.setAttribute("aria-invalid", "true");
    }
    return unplaced;
  }

  /** Bring the results up to date with the answers; `aria-busy` marks them stale until then. */
  async update() {
    clearTimeout(this.timer);
    const sequence = ++this.sequence;
    this.results.setAttribute("aria-busy", "true");
    try {
      await this.refresh(sequence);
    } finally {
      // While Python loads the results stay pending: `ready` calls update() again.
      if (sequence === this.sequence && this.root.dataset.engine !== "loading") {
        this.results.removeAttribute("aria-busy");
      }
    }
  }

  async refresh(sequence) {
    const { answers, errors } = this.collect();
    this.keep(answers);
    this.showErrors(errors);
    if (errors.length) return this.showNotice("fix", errors);
    if (!(this.asker.id in answers)) return this.showNotice("start");
    if (this.root.dataset.engine === "loading") return this.showNotice("waiting");
    if (this.root.dataset.engine !== "ready") return;
    let result;
    try {
      result = await this.engine.evaluate(answers, this.asOf.value || null);
    } catch (error) {
      if (sequence !== this.sequence || error instanceof EngineUnavailable) return;
      if (error instanceof InputError) {
        const unplaced = this.showErrors(error.errors);
        return this.showNotice("fix", unplaced.map((message) => ({ message })));
      }
      return this.showNotice("error");
    }
    if (sequence === this.sequence) this.render(result);
  }

  /** Replace the results with one of the page's fixed notices, plus messages that belong to no field. */
  showNotice(kind, messages = []) {
    const notice = this.template(`sc-notice-${kind}`);
    const list = notice.querySelector("ul");
    for (const { field, message } of messages) {
      if (field) continue; // shown on its field
      const item = document.createElement("li");
      item.textContent = message;
      list.append(item);
    }
    if (list && !list.children.length) list.remove();
    this.results.replaceChildren(notice);
    this.summary.hidden = true;
    this.announce(this.results.textContent);
  }

  /** A copy of the contents of the page's <template id="…">. */
  template(id) {
    return this.root.querySelector(`#${id}`).content.cloneNode(true);
  }

  /** The page's entry for a status: its mark, summary words and rank; the last entry for a status it does not know. */
  statusEntry(status) {
    return this.statuses.find((entry) => entry.status === status) || this.statuses[this.statuses.length - 1];
  }

  announce(text) {
    this.announcer.textContent = text.trim().replace(/\s+/g, " ");
  }

  /** A link to the clause paragraph an anchor names, or plain text if the notice has no such anchor. */
  citeLink(cite) {
    const anchor = this.anchors[cite];
    if (!anchor) {
      console.error("自测结果引用了不存在的条文锚点：", cite);
      return document.createTextNode(cite);
    }
    const link = document.createElement("a");
    link.href = new URL(anchor.url, FORM_URL).href;
    link.textContent = anchor.label;
    return link;
  }

  render(result) {
    const heading = this.template("sc-results-heading");
    heading.querySelector("[data-slot=as-of]").textContent = chineseDate(result.as_of);
    const rank = (measure) => this.statuses.indexOf(this.statusEntry(measure.status));
    const measures = [...result.measures].sort((a, b) => rank(a) - rank(b)); // stable: the notice's order within
    const cards = measures.map((measure) => this.card(measure));
    const guidance = this.guidance(result.guidance);
    this.results.replaceChildren(heading, this.answersSummary(), ...cards, ...(guidance ? [guidance] : []));
    const counts = this.showSummary(result);
    this.announce(this.template("sc-results-updated").textContent + counts);
    if (this.returnTo !== null) {
      window.scrollTo(0, this.returnTo);
      this.returnTo = null;
    }
  }

  /** Fill in the bar that sums the results up; return its counts as words (without the marks). */
  showSummary(result) {
    const counts = new Map();
    for (const { status } of result.measures) {
      const entry = this.statusEntry(status);
      counts.set(entry, (counts.get(entry) || 0) + 1);
    }
    const items = this.statuses
      .filter((entry) => counts.has(entry))
      .map((entry) => {
        const item = entry.element.cloneNode(true);
        item.querySelector("[data-slot=count]").textContent = String(counts.get(entry));
        return item;
      });
    this.summary.querySelector("[data-slot=as-of]").textContent = chineseDate(result.as_of);
    this.summary.querySelector("[data-slot=counts]").replaceChildren(...items);
    this.summary.hidden = !items.length;
    return items.map((item) => item.textContent.replace(item.querySelector(".sc-status-icon").textContent, "")).join("，");
  }

  /** Bring the results into view and move the keyboard focus to their heading. */
  showResults() {
    const heading = this.results.querySelector(".sc-results-title");
    heading.scrollIntoView({ block: "start" });
    heading.focus({ preventScroll: true });
  }

  card(measure) {
    const card = this.template("sc-card").firstElementChild;
    const slot = (name) => card.querySelector(`[data-slot="${name}"]`);
    const linked = new Set(); // the glossary terms this card links already: each one once
    const withTerms = (element, text) => element.replaceChildren(...this.glossary.nodes(text, linked));
    const entry = this.statusEntry(measure.status);
    card.dataset.measure = measure.id;
    card.dataset.status = measure.status;
    card.dataset.rank = entry.status || "other";
    slot("title").textContent = measure.title;
    slot("status-icon").replaceWith(entry.element.querySelector(".sc-status-icon").cloneNode(true));
    slot("status-label").textContent = measure.status_label;
    slot("clause-link").replaceWith(this.citeLink(measure.clause));

    if (measure.amount) {
      chooseVariant(card, "bound", measure.amount.bound);
      slot("amount-value").textContent = new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 2 }).format(
        measure.amount.value,
      );
      slot("amount-unit").textContent = measure.amount.unit;
      slot("amount-formula").textContent = measure.amount.formula;
    } else {
      card.querySelector("[data-part=amount]").remove();
    }

    if (measure.window) {
      chooseVariant(card, "window", measure.status === "closed" ? "passed" : "open"); // Python's rule, not a copy
      slot("window-label").textContent = measure.window.label;
    } else {
      card.querySelector("[data-part=window]").remove();
    }

    const conditions = slot("conditions");
    for (const condition of measure.conditions) conditions.append(this.condition(condition, withTerms));
    if (!measure.conditions.length) card.querySelector("[data-part=conditions]").remove();

    if (measure.missing.length) {
      const list = slot("missing");
      for (const id of measure.missing) list.append(this.missingButton(id));
    } else {
      card.querySelector("[data-part=missing]").remove();
    }

    if (measure.next_step) withTerms(slot("next-step"), measure.next_step);
    else card.querySelector("[data-part=next-step]").remove();
    chooseVariant(card, "office", measure.office ? "named" : "none");
    if (measure.office) {
      slot("office").textContent = measure.office.name;
      slot("office-cite").replaceWith(this.citeLink(measure.office.cite));
    }

    const notes = slot("notes");
    for (const note of measure.notes) {
      const item = document.createElement("li");
      withTerms(item, note);
      notes.append(item);
    }
    if (!measure.notes.length) notes.remove();
    if (measure.status === "closed") this.fold(card, measure.id);
    return card;
  }

  /** Fold a card's body away under its title, status and window; the visitor can open it (and it stays open). */
  fold(card, id) {
    const fold = this.template("sc-fold").firstElementChild;
    const body = card.querySelector("[data-part=body]");
    body.replaceWith(fold);
    fold.append(body);
    fold.open = this.unfolded.has(id);
    fold.addEventListener("toggle", () => (fold.open ? this.unfolded.add(id) : this.unfolded.delete(id)));
  }

  condition({ text, outcome, cite }, withTerms) {
    const item = this.template("sc-condition").firstElementChild;
    item.classList.add(`sc-${outcome}`);
    item.dataset.outcome = outcome;
    chooseVariant(item, "outcome", outcome);
    withTerms(item.querySelector("[data-slot=text]"), text);
    item.querySelector("[data-slot=cite]").replaceWith(this.citeLink(cite));
    return item;
  }

  /** A missing question as a button that takes the visitor to it. */
  missingButton(id) {
    const question = this.questions.find((candidate) => candidate.id === id);
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "sc-link-button";
    button.textContent = question ? question.label : id;
    button.addEventListener("click", () => {
      const target = question && question.element.querySelector("input");
      if (target) target.focus();
    });
    item.append(button);
    return item;
  }

  guidance(items) {
    if (!items.length) return null;
    const section = this.template("sc-guidance").firstElementChild;
    const list = section.querySelector("ul");
    const linked = new Set();
    for (const { text, cite } of items) {
      const item = this.template("sc-guidance-item").firstElementChild;
      item.querySelector("[data-slot=text]").replaceChildren(...this.glossary.nodes(text, linked));
      item.querySelector("[data-slot=cite]").replaceWith(this.citeLink(cite));
      list.append(item);
    }
    return section;
  }

  /** The answers as a person reads them; shown when the page is printed or saved as PDF. */
  answersSummary() {
    const summary = this.template("sc-answers").firstElementChild;
    const list = summary.querySelector("dl");
    const { answers } = this.collect();
    for (const question of this.questions) {
      if (!(question.id in answers)) continue;
      const term = document.createElement("dt");
      term.textContent = question.label;
      const value = document.createElement("dd");
      value.textContent = question.describe();
      list.append(term, value);
    }
    return summary;
  }

  /** The answers (and the date, if `withDate`) as a URL fragment: `asker=unit&…&as_of=2021-09-01`. */
  fragment(answers, withDate) {
    const params = new URLSearchParams();
    for (const [id, value] of Object.entries(answers)) params.set(id, String(value));
    if (withDate && this.asOf.value) params.set("as_of", this.asOf.value);
    return params.toString();
  }

  shareUrl() {
    const { answers } = this.collect();
    return `${location.href.split("#")[0]}#${this.fragment(answers, true)}`; // the receiver sees what the sender saw
  }

  /** Keep the answers and the date in this page's address, replacing its history entry (no new one); a form
   * with no answer and today's date leaves no fragment. An anchor fragment stays until there is something to keep. */
  keep(answers) {
    if (location.pathname !== this.path || !this.root.isConnected) return; // the visitor has gone to another page
    const answered = Object.keys(answers).length > 0;
    const fragment = this.fragment(answers, answered || this.asOf.value !== todayIso());
    const hash = fragment ? `#${fragment}` : "";
    if (location.hash === hash || (!hash && !holdsAnswers(location.hash))) return;
    history.replaceState(history.state, "", location.pathname + location.search + hash);
  }

  async share() {
    const output = this.root.querySelector("#sc-share-url");
    output.value = this.shareUrl();
    this.root.querySelector("#sc-share-box").hidden = false;
    output.select();
    let copied = false;
    try {
      await navigator.clipboard.writeText(output.value);
      copied = true;
    } catch {
      // Clipboard access refused: the link stays selected for the user to copy.
    }
    for (const message of this.root.querySelectorAll("[data-share-copied]")) {
      message.hidden = message.dataset.shareCopied !== String(copied);
    }
  }

  /** Fill the form from the answers kept in the address or a share link (`#asker=unit&…`); other fragments are
   * anchors. */
  restoreFromFragment() {
    if (!holdsAnswers(location.hash)) return;
    const params = new URLSearchParams(location.hash.slice(1));
    for (const question of this.questions) {
      if (params.has(question.id) && !question.write(params.get(question.id))) {
        this.linkErrors.set(question.id, question.element.dataset.badLink);
      }
    }
    if (params.has("as_of")) {
      this.asOf.value = params.get("as_of");
      if (this.asOf.value !== params.get("as_of")) {
        this.linkErrors.set("as_of", this.asOf.closest("[data-field]").dataset.badLink);
      }
    }
  }

  clear() {
    this.form.reset();
    this.linkErrors.clear();
    this.unfolded.clear();
    this.asOf.value = todayIso();
    this.root.querySelector("#sc-share-url").value = "";
    this.root.querySelector("#sc-share-box").hidden = true;
    if (location.hash) history.replaceState(history.state, "", location.pathname + location.search);
    this.update();
    this.asker.radios[0].focus();
  }
}

function init() {
  const root = document.querySelector(ROOT_SELECTOR);
  if (!root || root.dataset.started) return;
  root.dataset.started = "true";
  theEngine();
  loadForm().then(
    (form) => root.isConnected && new SelfCheck(root, form),
    () => showEngineState(root, "failed", "download"), // without its description the form cannot work
  );
}

// Printing shows every card whole: folded cards open for the print and close again after it.
addEventListener("beforeprint", () => {
  for (const fold of document.querySelectorAll(".sc-fold:not([open])")) {
    fold.open = true;
    fold.dataset.openedForPrint = "true";
  }
});
addEventListener("afterprint", () => {
  for (const fold of document.querySelectorAll(".sc-fold[data-opened-for-print]")) {
    fold.open = false;
    delete fold.dataset.openedForPrint;
  }
});

// The page loads this module `async`, right after the form: it starts the page it came with as soon as it has
// arrived, without waiting for Material's script at the end of the page (on a phone, seconds later), whether that
// has run by then or not. Material's instant navigation swaps page content without reloading and runs this module
// only once per window: its `document$` observable announces every page it shows from then on (the first one
// too: `init` starts a page once).
function followPages() {
  window.document$?.subscribe(init);
}
init();
if (window.document$) followPages();
else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", followPages, { once: true });
