// 语音阅读 (read aloud): the controls that templates/_read_aloud.html.j2 puts before a clause's plain-language
// part, before its original text and on each result card of the self-check read their block with the browser's
// own speech synthesis, in a Chinese voice that runs on this device. Nothing is sent anywhere: a voice that
// speaks through a network service (`localService` false) is never used, since a result card holds the
// reader's answers. Where there is no such voice, the controls stay hidden (docs/assets/stylesheets/
// read-aloud.css shows them once <html> has `data-read-aloud`).
//
// One reading at a time: starting another stops the first. The text is read block by block, sentence by
// sentence (some browsers stop a long utterance), without what is only for the eye (marks with aria-hidden,
// links to sources, permalinks), with the words that stand for marks (the ✓ ✗ ? of the self-check).
(() => {
  const synth = window.speechSynthesis;
  if (!synth || typeof window.SpeechSynthesisUtterance !== "function") return;

  const root = document.documentElement;
  // Never read: what is hidden from assistive technology, the controls, links to sources and permalinks, the
  // self-check's “open” line of a folded card, and the heading of the original-text box (the page says it).
  const SKIP = [
    '[aria-hidden="true"]', "template", "script", "style", ".read-aloud", ".headerlink", ".plain-cite",
    ".sc-cite", ".sc-card-source", "summary", ".admonition-title",
  ].join(", ");
  // Read as a piece of its own, although laid out inline: each sentence of the original text and its heading.
  const PIECES = ".sentence, .clause-heading";
  const SENTENCE = /[^。！？；!?;]+(?:[。！？；!?;]+["”’）)]*)*/g; // with its closing marks: ？”。
  const LONGEST = 120; // characters; a longer sentence is cut after a comma
  // Chinese voices, most wanted first: Mandarin of the mainland, Mandarin, Taiwan, Hong Kong (often Cantonese).
  const PREFERRED = [/^(zh|cmn)-(cn|hans)/i, /^(zh|cmn)$/i, /^(zh|cmn)-(sg|my)/i, /^(zh|cmn)-tw/i, /^(zh|cmn)-/i];

  let voice = null;
  let reading = null; // {group, paused, utterances}

  function rank(candidate) {
    const lang = candidate.lang.replace(/_/g, "-");
    const index = PREFERRED.findIndex((pattern) => pattern.test(lang));
    return index < 0 ? Infinity : index;
  }

  function chineseVoice() {
    const voices = synth.getVoices().filter((candidate) => candidate.localService && rank(candidate) < Infinity);
    voices.sort((a, b) => rank(a) - rank(b) || Number(b.default) - Number(a.default));
    return voices[0] || null;
  }

  function updateVoice() {
    voice = chineseVoice();
    root.toggleAttribute("data-read-aloud", voice !== null);
    if (!voice) stop();
  }

  function shown(element) {
    return element.checkVisibility ? element.checkVisibility() : element.getClientRects().length > 0;
  }

  function isBlock(element) {
    const style = getComputedStyle(element);
    if (["absolute", "fixed"].includes(style.position)) return false; // visually hidden words run on in the text
    return !style.display.startsWith("inline") || element.matches(PIECES);
  }

  /** The block's text as a person hears it: one entry per paragraph, heading, list item or sentence. */
  function pieces(block) {
    const found = [];
    let current = "";
    const end = () => {
      const text = current.replace(/\s+/g, " ").trim();
      if (text) found.push(text);
      current = "";
    };
    const walk = (node) => {
      for (const child of node.childNodes) {
        if (child.nodeType === Node.TEXT_NODE) current += child.data;
        if (child.nodeType !== Node.ELEMENT_NODE || child.matches(SKIP) || !shown(child)) continue;
        const own = isBlock(child);
        if (own) end();
        walk(child);
        if (own) end();
      }
    };
    walk(block);
    end();
    return found;
  }

  /** A piece cut into sentences, and a long sentence after its commas, so that no utterance is long. */
  function sentences(piece) {
    const result = [];
    for (const sentence of piece.match(SENTENCE) || []) {
      let rest = sentence.trim();
      while (rest.length > LONGEST) {
        const cut = Math.max(...["，", "、", "：", ","].map((mark) => rest.lastIndexOf(mark, LONGEST)));
        const at = cut > 0 ? cut + 1 : LONGEST;
        result.push(rest.slice(0, at));
        rest = rest.slice(at);
      }
      if (rest) result.push(rest);
    }
    return result;
  }

  /** The block a control reads: the element around it that its `data-read` names, or the next one after it. */
  function blockOf(group) {
    const selector = group.dataset.read;
    const around = group.closest(selector);
    if (around) return around;
    for (let next = group.nextElementSibling; next; next = next.nextElementSibling) {
      if (next.matches(selector)) return next;
    }
    return null;
  }

  function show(group, state) {
    const play = group.querySelector(".read-aloud-play");
    play.dataset.idleLabel ??= play.textContent;
    if (state) group.dataset.state = state;
    else delete group.dataset.state;
    const labels = { speaking: play.dataset.speakingLabel, paused: play.dataset.pausedLabel };
    play.textContent = labels[state] || play.dataset.idleLabel;
  }

  function finish(session) {
    if (reading !== session) return;
    reading = null;
    const stopButton = session.group.querySelector(".read-aloud-stop");
    const hadFocus = stopButton.contains(document.activeElement);
    show(session.group, null);
    if (hadFocus) session.group.querySelector(".read-aloud-play").focus(); // its button is gone
  }

  function stop() {
    if (!reading) return;
    const session = reading;
    synth.cancel();
    finish(session);
  }

  function start(group) {
    stop();
    const block = blockOf(group);
    const texts = block ? pieces(block).flatMap(sentences) : [];
    if (!texts.length || !voice) return;
    const session = { group, paused: false, utterances: [] };
    reading = session;
    show(group, "speaking");
    texts.forEach((text, index) => {
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.voice = voice;
      utterance.lang = voice.lang;
      utterance.addEventListener("start", () => {
        if (!group.isConnected) stop(); // the self-check has redrawn its results: this card is gone
      });
      utterance.addEventListener("error", (event) => {
        if (!["interrupted", "canceled"].includes(event.error)) finish(session);
      });
      if (index === texts.length - 1) utterance.addEventListener("end", () => finish(session));
      session.utterances.push(utterance); // kept, so that the browser cannot drop their events
      synth.speak(utterance);
    });
  }

  function pauseOrResume(session) {
    session.paused = !session.paused;
    if (session.paused) synth.pause();
    else synth.resume();
    show(session.group, session.paused ? "paused" : "speaking");
  }

  document.addEventListener("click", (event) => {
    const button = event.target.closest(".read-aloud button");
    if (!button) return;
    const group = button.closest(".read-aloud");
    if (button.classList.contains("read-aloud-stop")) stop();
    else if (reading && reading.group === group) pauseOrResume(reading);
    else start(group);
  });

  updateVoice();
  if ("onvoiceschanged" in synth) synth.addEventListener("voiceschanged", updateVoice);
  // A reading ends with its page: on Material's instant navigation (a new document$ value) and on leaving.
  if (window.document$) window.document$.subscribe(stop);
  addEventListener("pagehide", stop);
})();
