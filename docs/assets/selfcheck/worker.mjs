// The self-check's module Web Worker: loads the self-hosted Pyodide, installs the calculator wheel and
// answers "evaluate" requests. Every URL comes from the page in the "start" message, already absolute,
// so the site works from any sub-path; nothing here talks to another origin.

import { savedSnapshot, saveSnapshot } from "./snapshot.mjs";

let evaluateJson = null;
let startup = null;

async function start({ pyodideIndex, wheelUrl, bridgeUrl }) {
  const { loadPyodide, version } = await import(new URL("pyodide.mjs", pyodideIndex).href);
  const files = Promise.all([
    fetchOk(wheelUrl).then((response) => response.arrayBuffer()),
    fetchOk(bridgeUrl).then((response) => response.text()),
  ]);
  files.catch(() => {}); // awaited below; a failure is reported there
  const boot = async (snapshotOptions) => {
    const options = { indexURL: pyodideIndex, stdout: () => {}, stderr: (line) => console.warn(line), ...snapshotOptions };
    const [pyodide, [wheel]] = await Promise.all([loadPyodide(options), files]);
    const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
    pyodide.unpackArchive(wheel, "wheel", { extractDir: sitePackages }); // a snapshot holds modules, not files
    pyodide.runPython("import json, calculator");
    return pyodide;
  };
  // A later visit restores the snapshot the first one saved (see snapshot.mjs); if that fails, start in full.
  let pyodide = null;
  const saved = await savedSnapshot(wheelUrl, version);
  if (saved) {
    try {
      pyodide = await boot({ _loadSnapshot: saved.bytes() });
    } catch (error) {
      console.warn("自测程序的快照无法恢复，改为完整加载：", error);
      await saved.forget();
    }
  }
  if (!pyodide) {
    pyodide = await boot({ _makeSnapshot: true });
    // Taken here, before the bridge exists and any answer is evaluated: the snapshot holds no answers.
    saveSnapshot(pyodide.makeMemorySnapshot(), wheelUrl, version);
  }
  const [, bridge] = await files;
  const namespace = pyodide.globals.get("dict")();
  pyodide.runPython(bridge, { globals: namespace });
  evaluateJson = namespace.get("evaluate_json");
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

self.onmessage = async ({ data }) => {
  if (data.type === "start") {
    startup ??= start(data);
    try {
      await startup;
      self.postMessage({ type: "ready" });
    } catch (error) {
      self.postMessage({ type: "failed", detail: describe(error) });
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
      self.postMessage({ type: "evaluated", id: data.id, failure: describe(error) });
    }
  }
};
