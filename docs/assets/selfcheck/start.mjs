// Starts the self-check's engine as early as the page allows. On the self-check page's first load this module
// runs from the page's head (templates/theme/main.html), before the style sheets and the form have arrived, with
// form.json already on its way (preloaded there): Pyodide's download and start are most of the wait, and on a
// phone the page itself takes seconds to be parsed and laid out. A self-check page reached by Material's instant
// navigation has no new head: there selfcheck.js imports this module, which starts the engine then.

import { startEngine } from "./engine.mjs";
import { FORM_URL, loadForm } from "./form.mjs";

/**
 * The window's one engine, `window.policyCalculator`; started by the first self-check page the window shows.
 * It exists as soon as this module runs, before the page's `load` event (docs/assets/offline/register.js and an
 * embedding page read it then). The worker's scripts load at once; where Pyodide and the wheel are comes from
 * form.json, and `ready` fails as a download failure if that never arrives.
 */
export function theEngine() {
  window.policyCalculator ??= startEngine(
    { worker: new URL("worker.mjs", import.meta.url).href, bridgeUrl: new URL("bridge.py", import.meta.url).href },
    loadForm().then((form) => ({
      pyodideIndex: new URL(form.pyodide_index, FORM_URL).href,
      wheelUrl: new URL(form.wheel, FORM_URL).href,
      stdlibUrl: new URL(form.stdlib, FORM_URL).href,
    })),
  );
  return window.policyCalculator;
}

theEngine();
