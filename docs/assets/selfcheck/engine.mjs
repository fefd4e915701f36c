// The calculator engine of the self-check: one module Web Worker running Pyodide, shared by every
// self-check page the window shows (Material's instant navigation keeps the window). It is also the
// small public API `window.policyCalculator` for embedding and testing:
//   policyCalculator.ready                      a promise, resolved when Python and the rules are loaded
//   policyCalculator.evaluate(answers, asOf)    a promise of exactly what calculator.evaluate returns;
//                                               rejected with an InputError carrying `errors` for bad answers
//
// Loading fails fast when the host is misconfigured (a script or the WebAssembly binary served with the wrong
// type, a Content-Security-Policy that forbids WebAssembly, a file missing), and fails after STALL_MS without
// any progress: every piece of a download the worker receives, every file it finishes and every step of
// Python's start counts as progress, so a slow phone that is still receiving bytes never times out.

import { diagnose } from "./diagnose.mjs";

/** How long loading may go without any progress before it is given up as stalled. */
export const STALL_MS = 60_000;

/** Bad answers: `errors` is the list of {field, message} that calculator.InputError carries. */
export class InputError extends Error {
  constructor(errors) {
    super(errors.map((error) => `${error.field}: ${error.message}`).join("; "));
    this.name = "InputError";
    this.errors = errors;
  }
}

/**
 * The engine cannot run here. `reason` is "unsupported" (no WebAssembly or Worker) or "failed"; for a
 * failure, `failure` names the likely cause: "module-type" (a script not served as JavaScript), "wasm-type"
 * (the WebAssembly binary not served as application/wasm), "csp" (a Content-Security-Policy without
 * 'wasm-unsafe-eval'), "download" (a file could not be downloaded), "integrity" (the rules' wheel arrived with
 * other bytes than the lock file's sha256: corrupted, truncated or stale), "stalled" (no progress for STALL_MS)
 * or "unknown".
 */
export class EngineUnavailable extends Error {
  constructor(reason, detail, failure = "unknown") {
    super(detail || reason);
    this.name = "EngineUnavailable";
    this.reason = reason;
    this.failure = failure;
  }
}

/**
 * Start the worker for the given absolute URLs ({worker, pyodideIndex, wheelUrl, bridgeUrl}) and
 * return the API object. A failure to start rejects `ready` and logs the detail to the console only.
 */
export function startEngine(urls) {
  const pending = new Map();
  let nextId = 0;
  let worker = null;

  const ready = new Promise((resolve, reject) => {
    // (Pages opened from disk and browsers without modules never get here: see fallback.js.)
    if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
      reject(new EngineUnavailable("unsupported"));
      return;
    }
    let settled = false;
    let watchdog = null;
    const fail = (failure, detail) => {
      if (settled) return;
      settled = true;
      clearTimeout(watchdog);
      worker?.terminate(); // stop whatever it is still downloading
      console.error("自测计算引擎无法启动：", failure, detail);
      reject(new EngineUnavailable("failed", String(detail), failure));
    };
    const progressed = () => {
      clearTimeout(watchdog);
      if (!settled) watchdog = setTimeout(() => fail("stalled", `${STALL_MS / 1000} 秒没有任何进展`), STALL_MS);
    };
    progressed();
    try {
      worker = new Worker(urls.worker, { type: "module" });
    } catch (error) {
      fail("unknown", error);
      return;
    }
    worker.onerror = async (event) => {
      // The worker's own script could not be loaded (or threw before it could report): find out why.
      if (settled) return;
      event.preventDefault();
      fail(await diagnose(urls.worker), event.message || `无法加载 ${urls.worker}`);
    };
    worker.onmessage = ({ data }) => {
      if (data.type === "progress") progressed();
      else if (data.type === "ready") {
        settled = true;
        clearTimeout(watchdog);
        resolve();
      } else if (data.type === "failed") fail(data.failure, data.detail);
      else if (data.type === "evaluated") settle(data);
    };
    worker.postMessage({
      type: "start",
      pyodideIndex: urls.pyodideIndex,
      wheelUrl: urls.wheelUrl,
      bridgeUrl: urls.bridgeUrl,
    });
  });
  ready.catch(() => {}); // whoever awaits `ready` sees the failure; nobody else should get an unhandled rejection

  function settle(data) {
    const request = pending.get(data.id);
    if (!request) return;
    pending.delete(data.id);
    if (data.result) request.resolve(data.result);
    else if (data.errors) request.reject(new InputError(data.errors));
    else {
      console.error("自测计算出错：", data.failure);
      request.reject(new Error("计算出错"));
    }
  }

  async function evaluate(answers, asOf = null) {
    await ready;
    const id = ++nextId;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ type: "evaluate", id, answers: answers ?? {}, asOf: asOf || null });
    });
  }

  return Object.freeze({ ready, evaluate });
}
