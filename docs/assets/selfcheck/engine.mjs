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
 * Whether this page runs Python on Pyodide's full standard library: once an import missed the trimmed archive
 * (sitebuild/stdlib.py), every later start uses the full one, for as long as the page lives.
 */
let fullStdlib = false;

/**
 * Start the worker at the absolute URL `urls.worker`, telling it `urls.bridgeUrl` and what `runtime` resolves to
 * (absolute URLs {pyodideIndex, wheelUrl, stdlibUrl}), and return the API object. The worker's scripts load
 * while `runtime` is still on its way (it comes from form.json); should it fail, loading fails as a download
 * failure. A failure to start rejects `ready` and logs the detail to the console only.
 *
 * The worker runs on the trimmed standard library at `stdlibUrl`. Should an import fail there, while starting or
 * while evaluating ("missing-module"), the worker is replaced by one on the full archive and the answers still
 * waiting are sent to it: a visitor gets results, never a missing module. (The trace behind the trimmed archive
 * runs every scenario case, and the browser tests fail if one of them needed this.)
 */
export function startEngine(urls, runtime) {
  const pending = new Map(); // id → {message, resolve, reject}
  let nextId = 0;
  let worker = null;
  runtime.catch(() => {}); // each start reports its failure (`launch`); where none starts, nobody needs it

  if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
    // (Pages opened from disk and browsers without modules never get here: see fallback.js.)
    const unsupported = Promise.reject(new EngineUnavailable("unsupported"));
    unsupported.catch(() => {});
    return Object.freeze({ ready: unsupported, evaluate: async () => unsupported });
  }

  /** A new worker, started; resolves once Python and the rules are loaded. */
  function launch() {
    return new Promise((resolve, reject) => {
      let settled = false;
      let watchdog = null;
      let own = null;
      const fail = (failure, detail) => {
        if (settled) return;
        settled = true;
        clearTimeout(watchdog);
        own?.terminate(); // stop whatever it is still downloading
        if (failure === "missing-module" && !fullStdlib) {
          resolve(fallBack(detail));
          return;
        }
        console.error("自测计算引擎无法启动：", failure, detail);
        reject(new EngineUnavailable("failed", String(detail), failure));
      };
      const progressed = () => {
        clearTimeout(watchdog);
        if (!settled) watchdog = setTimeout(() => fail("stalled", `${STALL_MS / 1000} 秒没有任何进展`), STALL_MS);
      };
      progressed();
      try {
        own = new Worker(urls.worker, { type: "module" });
      } catch (error) {
        fail("unknown", error);
        return;
      }
      worker = own;
      own.onerror = async (event) => {
        // The worker's own script could not be loaded (or threw before it could report): find out why.
        if (settled) return;
        event.preventDefault();
        fail(await diagnose(urls.worker), event.message || `无法加载 ${urls.worker}`);
      };
      own.onmessage = ({ data }) => {
        if (own !== worker) return; // replaced by one on the full standard library
        if (data.type === "progress") progressed();
        else if (data.type === "ready") {
          settled = true;
          clearTimeout(watchdog);
          resolve();
        } else if (data.type === "failed") fail(data.failure, data.detail);
        else if (data.type === "evaluated") settle(data);
      };
      runtime.then(
        ({ pyodideIndex, wheelUrl, stdlibUrl }) =>
          own.postMessage({
            type: "start",
            pyodideIndex,
            wheelUrl,
            bridgeUrl: urls.bridgeUrl,
            stdlibUrl: fullStdlib ? null : stdlibUrl ?? null,
          }),
        (error) => fail("download", error),
      );
    });
  }

  /** Start again on the full standard library; resend every request still waiting for an answer. */
  function fallBack(detail) {
    fullStdlib = true;
    console.warn("自测程序缺少一个 Python 模块，改用完整的标准库：", detail);
    worker?.terminate();
    const started = launch();
    started.then(
      () => {
        for (const request of pending.values()) worker.postMessage(request.message);
      },
      (error) => {
        for (const request of pending.values()) request.reject(error);
        pending.clear();
      },
    );
    return started;
  }

  const ready = launch();
  let running = ready; // the worker that answers: `ready`, or the start on the full standard library
  ready.catch(() => {}); // whoever awaits `ready` sees the failure; nobody else should get an unhandled rejection

  function settle(data) {
    const request = pending.get(data.id);
    if (!request) return;
    if (data.missingModule) {
      // Kept waiting: answered by the worker on the full standard library.
      if (!fullStdlib) running = fallBack(data.missingModule);
      return;
    }
    pending.delete(data.id);
    if (data.result) request.resolve(data.result);
    else if (data.errors) request.reject(new InputError(data.errors));
    else {
      console.error("自测计算出错：", data.failure);
      request.reject(new Error("计算出错"));
    }
  }

  async function evaluate(answers, asOf = null) {
    await running;
    const id = ++nextId;
    const message = { type: "evaluate", id, answers: answers ?? {}, asOf: asOf || null };
    return new Promise((resolve, reject) => {
      pending.set(id, { message, resolve, reject });
      worker.postMessage(message);
    });
  }

  return Object.freeze({ ready, evaluate });
}
