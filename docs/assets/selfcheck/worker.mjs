// The self-check's module Web Worker: loads the self-hosted Pyodide, installs the calculator wheel and
// answers "evaluate" requests. Every URL comes from the page in the "start" message, already absolute,
// so the site works from any sub-path; nothing here talks to another origin.
//
// The wheel is downloaded beside Pyodide's own files and checked against the sha256 that the lock file beside it
// holds for it (the build adds it there with pyodide-build, sitebuild/lockfile.py) before it is unpacked into
// site-packages: a corrupted, truncated or stale wheel is refused, never run.
//
// Python's standard library is the trimmed archive the build made of the modules the self-check imports
// (sitebuild/stdlib.py) when the page names one (`stdlibUrl`), else Pyodide's full python_stdlib.zip. On the
// trimmed archive, an import that fails is reported as "missing-module" (while starting: a "failed" message;
// while evaluating: the reply's `missingModule`), and the page starts a new worker on the full archive.
//
// While it loads it tells the page how it is getting on (engine.mjs keeps a watchdog on that): a "progress"
// message for every piece of a download, every file finished and every step of the start, and a "failed"
// message with the likely cause as soon as loading cannot succeed. Pyodide itself never gives up on a
// WebAssembly binary it cannot compile (it waits for ever), so the worker checks what it can beforehand:
// that WebAssembly may run here at all, and that every file it fetches arrives, the binary as application/wasm.

import { diagnose, mediaType } from "./diagnose.mjs";
import { savedSnapshot, saveSnapshot } from "./snapshot.mjs";

const PROGRESS_INTERVAL_MS = 250; // at most one progress message this often
const EMPTY_WASM_MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
const PYODIDE_MODULES = ["pyodide.mjs", "pyodide.asm.mjs"];
const LOCK_FILE = "pyodide-lock.json"; // beside the wheel

let evaluateJson = null;
let startup = null;
let startOptions = null; // the page's "start" message
let failed = false;
let lastProgress = -Infinity;
let progressTimer = null;

/** Loading cannot go on; `failure` is its likely cause, as EngineUnavailable names it (engine.mjs). */
class LoadFailure extends Error {
  constructor(failure, detail) {
    super(String(detail));
    this.failure = failure;
  }
}

/** Whether `error` is an import that failed while running on the trimmed standard library. */
function missingModule(error) {
  return Boolean(startOptions?.stdlibUrl) && /\b(ModuleNotFoundError|ImportError)\b/.test(describe(error));
}

async function start({ pyodideIndex, wheelUrl, bridgeUrl, stdlibUrl }) {
  try {
    new WebAssembly.Module(EMPTY_WASM_MODULE); // refused under a Content-Security-Policy without 'wasm-unsafe-eval'
  } catch (error) {
    throw new LoadFailure("csp", error);
  }
  watchDownloads();
  const { loadPyodide, version } = await import(new URL("pyodide.mjs", pyodideIndex).href);
  progressed();
  const bridge = fetchOk(bridgeUrl).then((response) => response.text());
  const wheel = fetchOk(wheelUrl).then((response) => response.arrayBuffer());
  for (const download of [bridge, wheel]) download.catch(() => {}); // awaited below; a failure is reported there
  const boot = async (snapshotOptions) => {
    const pyodide = await loadPyodide({
      indexURL: pyodideIndex,
      lockFileURL: new URL(LOCK_FILE, wheelUrl).href,
      ...(stdlibUrl ? { stdLibURL: stdlibUrl } : {}),
      stdout: () => {},
      stderr: (line) => console.warn(line),
      ...snapshotOptions,
    });
    progressed();
    await installWheel(pyodide, wheelUrl, await wheel); // a snapshot holds modules, not files: on every start
    pyodide.runPython("import json, calculator");
    progressed();
    return pyodide;
  };
  // A later visit restores the snapshot the first one saved (see snapshot.mjs); if that fails, start in full.
  let pyodide = null;
  const saved = await savedSnapshot(wheelUrl, version, stdlibUrl);
  if (saved) {
    try {
      pyodide = await boot({ _loadSnapshot: saved.bytes() });
    } catch (error) {
      // The wheel itself was refused, or a module is missing: a full start fails alike.
      if (error instanceof LoadFailure || missingModule(error)) throw error;
      console.warn("自测程序的快照无法恢复，改为完整加载：", error);
      await saved.forget();
    }
  }
  if (!pyodide) {
    pyodide = await boot({ _makeSnapshot: true });
    // Taken here, before the bridge exists and any answer is evaluated: the snapshot holds no answers.
    saveSnapshot(pyodide.makeMemorySnapshot(), wheelUrl, version, stdlibUrl);
  }
  const namespace = pyodide.globals.get("dict")();
  pyodide.runPython(await bridge, { globals: namespace });
  evaluateJson = namespace.get("evaluate_json");
}

/**
 * Install the wheel downloaded from `wheelUrl` (`bytes`) once its sha256 is the one the lock file beside it gives
 * its file name: unpacked into site-packages, as Pyodide's package loader would.
 */
async function installWheel(pyodide, wheelUrl, bytes) {
  const fileName = new URL(wheelUrl).pathname.split("/").pop();
  const entry = Object.values(pyodide.lockfile.packages).find((item) => item.file_name === fileName);
  if (!entry) throw new LoadFailure("download", `${LOCK_FILE} names no ${fileName}`);
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  const sha256 = Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
  if (sha256 !== entry.sha256) {
    throw new LoadFailure("integrity", `${fileName}: sha256 ${sha256}, the lock file gives ${entry.sha256}`);
  }
  const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
  pyodide.unpackArchive(bytes, "wheel", { extractDir: sitePackages });
}

/**
 * Watch every fetch of this worker, Pyodide's own included: each piece of a body that arrives is progress; an
 * answer that is an error, a failed request and a WebAssembly binary of another type are reported at once.
 */
function watchDownloads() {
  const fetchFile = self.fetch.bind(self);
  self.fetch = async (resource, options) => {
    let response;
    try {
      response = await fetchFile(resource, options);
    } catch (error) {
      reportFailure("download", `${resource}: ${error}`);
      throw error;
    }
    const type = response.headers.get("Content-Type");
    const url = new URL(response.url || resource.url || resource, self.location.href);
    if (!response.ok) {
      reportFailure("download", `${url}: HTTP ${response.status}`);
    } else if (url.pathname.endsWith(".wasm") && mediaType(type) !== "application/wasm") {
      reportFailure("wasm-type", `${url}: Content-Type ${type}`);
    } else {
      countPieces(response.clone());
    }
    return response;
  };
  if (PerformanceObserver.supportedEntryTypes?.includes("resource")) {
    new PerformanceObserver(progressed).observe({ type: "resource" }); // files finished, module scripts too
  }
}

async function countPieces(response) {
  const reader = response.body?.getReader();
  try {
    while (reader && !(await reader.read()).done) progressed();
  } catch {
    // The body broke off: whoever reads the response itself finds out.
  }
}

/** Tell the page that loading is getting on, at most every PROGRESS_INTERVAL_MS (then once more after). */
function progressed() {
  const wait = lastProgress + PROGRESS_INTERVAL_MS - performance.now();
  if (wait > 0) {
    progressTimer ??= setTimeout(() => {
      progressTimer = null;
      progressed();
    }, wait);
    return;
  }
  lastProgress = performance.now();
  self.postMessage({ type: "progress" });
}

function reportFailure(failure, detail) {
  if (failed) return;
  failed = true;
  self.postMessage({ type: "failed", failure, detail: String(detail) });
}

/** Why loading failed when the error itself does not say: a Pyodide module script of the wrong type, say. */
async function causeOf(error, pyodideIndex) {
  if (error instanceof LoadFailure) return error.failure;
  if (missingModule(error)) return "missing-module";
  for (const name of PYODIDE_MODULES) {
    const failure = await diagnose(new URL(name, pyodideIndex).href);
    if (failure !== "unknown") return failure;
  }
  return "unknown";
}

async function fetchOk(url) {
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`${url}: HTTP ${response.status}`);
  }
  return response;
}

function describe(error) {
  return error && error.stack ? String(error.stack) : String(error);
}

// Pyodide lets some of its own failures go unhandled (a file it could not fetch, say): while loading, each one
// is a failure to report, not an error to leave in the console.
self.addEventListener("unhandledrejection", async (event) => {
  if (evaluateJson) return;
  event.preventDefault();
  reportFailure(await causeOf(event.reason, startOptions.pyodideIndex), describe(event.reason));
});

self.onmessage = async ({ data }) => {
  if (data.type === "start") {
    startOptions = data;
    startup ??= start(data);
    try {
      await startup;
      if (!failed) self.postMessage({ type: "ready" });
    } catch (error) {
      reportFailure(await causeOf(error, data.pyodideIndex), describe(error));
    }
    return;
  }
  if (data.type === "evaluate") {
    try {
      await startup;
      // `undefined`, not `null`, becomes Python's None.
      const reply = JSON.parse(evaluateJson(JSON.stringify(data.answers), data.asOf ?? undefined));
      self.postMessage({ type: "evaluated", id: data.id, ...reply });
    } catch (error) {
      const reply = missingModule(error) ? { missingModule: describe(error) } : { failure: describe(error) };
      self.postMessage({ type: "evaluated", id: data.id, ...reply });
    }
  }
};
