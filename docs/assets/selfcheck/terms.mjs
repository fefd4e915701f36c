// Glossary terms in the results' wording, linked to their entries on the glossary page. The terms, their
// spellings and definitions are notice/glossary.yaml's, written into the page at build time
// (sitebuild/selfcheck.py). Matching is sitebuild/occurrences.py's `mark_terms`: from each point the earliest
// spelling wins, and of those starting there the longest, so a term is never linked inside a longer one.

export class Glossary {
  /** `entries`: [{forms, url, definition}]; `base`: the URL the entries' relative URLs are relative to. */
  constructor(entries, base) {
    this.spellings = entries
      .flatMap((entry) => entry.forms.map((form) => ({ form, entry })))
      .sort((a, b) => b.form.length - a.form.length);
    this.base = base;
  }

  /** `text` as nodes, each term that `linked` (a Set of entries, updated) does not hold yet linked once. */
  nodes(text, linked) {
    const nodes = [];
    let position = 0;
    for (let match = this.next(text, position, linked); match; match = this.next(text, position, linked)) {
      if (match.start > position) nodes.push(document.createTextNode(text.slice(position, match.start)));
      nodes.push(this.link(match));
      linked.add(match.entry);
      position = match.start + match.form.length;
    }
    if (position < text.length) nodes.push(document.createTextNode(text.slice(position)));
    return nodes;
  }

  /** The earliest (then longest) spelling at or after `position` of a term not linked yet, or null. */
  next(text, position, linked) {
    let best = null;
    for (const { form, entry } of this.spellings) {
      if (linked.has(entry)) continue;
      const start = text.indexOf(form, position);
      if (start !== -1 && (best === null || start < best.start)) best = { start, form, entry };
    }
    return best;
  }

  link({ form, entry }) {
    const link = document.createElement("a");
    link.className = "term";
    link.href = new URL(entry.url, this.base).href;
    link.title = entry.definition;
    link.textContent = form;
    return link;
  }
}
