// The baseline's module worker: boots the same vendored Pyodide the way the self-check's worker does
// (docs/assets/selfcheck/worker.mjs), installs the same wheel and calls calculator.evaluate({}); nothing else.
let pyodide = null;
let calculator = null;

self.onmessage = async ({ data }) => {
  try {
    if (data.type === "start") {
      const { loadPyodide } = await import(new URL("pyodide.mjs", data.pyodideIndex).href);
      let wheel;
      [pyodide, wheel] = await Promise.all([
        // The site's lock file sits beside the wheel (sitebuild/lockfile.py); the baseline installs the wheel by hand.
        loadPyodide({ indexURL: data.pyodideIndex, lockFileURL: new URL("pyodide-lock.json", data.wheelUrl).href }),
        fetch(data.wheelUrl).then((response) => response.arrayBuffer()),
      ]);
      const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
      pyodide.unpackArchive(wheel, "wheel", { extractDir: sitePackages });
      calculator = pyodide.pyimport("calculator");
      self.postMessage({ type: "ready" });
    } else if (data.type === "evaluate") {
      const answers = pyodide.toPy({});
      const result = calculator.evaluate(answers);
      const measures = result.get("measures");
      self.postMessage({ type: "evaluated", measures: measures.length });
      for (const proxy of [measures, result, answers]) proxy.destroy();
    }
  } catch (error) {
    self.postMessage({ type: "failed", detail: String(error) });
  }
};
