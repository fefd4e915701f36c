// The self-check's module Web Worker: loads the self-hosted Pyodide, installs the calculator wheel and
// answers "evaluate" requests. Every URL comes from the page in the "start" message, already absolute,
// so the site works from any sub-path; nothing here talks to another origin.

let evaluateJson = null;
let startup = null;

async function start({ pyodideIndex, wheelUrl, bridgeUrl }) {
  const { loadPyodide } = await import(new URL("pyodide.mjs", pyodideIndex).href);
  const [pyodide, wheel, bridge] = await Promise.all([
    loadPyodide({ indexURL: pyodideIndex, stdout: () => {}, stderr: (line) => console.warn(line) }),
    fetchOk(wheelUrl).then((response) => response.arrayBuffer()),
    fetchOk(bridgeUrl).then((response) => response.text()),
  ]);
  const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
  pyodide.unpackArchive(wheel, "wheel", { extractDir: sitePackages });
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
