// The calculator engine of the self-check: one module Web Worker running Pyodide, shared by every
// self-check page the window shows (Material's instant navigation keeps the window). It is also the
// small public API `window.policyCalculator` for embedding and testing:
//   policyCalculator.ready                      a promise, resolved when Python and the rules are loaded
//   policyCalculator.evaluate(answers, asOf)    a promise of exactly what calculator.evaluate returns;
//                                               rejected with an InputError carrying `errors` for bad answers

/** Bad answers: `errors` is the list of {field, message} that calculator.InputError carries. */
export class InputError extends Error {
  constructor(errors) {
    super(errors.map((error) => `${error.field}: ${error.message}`).join("; "));
    this.name = "InputError";
    this.errors = errors;
  }
}

/** The engine cannot run here; `reason` is "unsupported" (no WebAssembly or Worker) or "failed". */
export class EngineUnavailable extends Error {
  constructor(reason, detail) {
    super(detail || reason);
    this.name = "EngineUnavailable";
    this.reason = reason;
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
    const fail = (detail) => {
      console.error("自测计算引擎无法启动：", detail);
      reject(new EngineUnavailable("failed", String(detail)));
    };
    try {
      worker = new Worker(urls.worker, { type: "module" });
    } catch (error) {
      fail(error);
      return;
    }
    worker.onerror = (event) => fail(event.message || "worker error");
    worker.onmessage = ({ data }) => {
      if (data.type === "ready") resolve();
      else if (data.type === "failed") fail(data.detail);
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
