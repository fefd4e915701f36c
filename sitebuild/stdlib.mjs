// The trace behind the self-check's trimmed standard library (sitebuild/stdlib.py runs this under Node).
//
// It starts the pinned npm Pyodide with its full standard library, the way the worker does
// (docs/assets/selfcheck/worker.mjs): the site's lock file given to Pyodide, the rules' wheel unpacked into
// site-packages, a memory snapshot taken, then the same again restored from that snapshot; each time it runs `import json, calculator`,
// the worker's bridge.py and every call of `evaluate_json` given. Then it lists every module Python imported:
// everything in sys.modules (Pyodide's own start included) and every name a finder was asked for since the
// start, found or not. sitebuild/stdlib.py keeps those of the standard library.
//
// Usage: node stdlib.mjs INPUT.json OUTPUT.json
//   INPUT  {pyodideDir, lockFile (the site's, beside the wheel), wheel (its path), bridge (source),
//           calls: [[answersJson, asOf or null], ...]}
//   OUTPUT {python: Pyodide's version, modules: [...]}

import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [inputPath, outputPath] = process.argv.slice(2);
const input = JSON.parse(readFileSync(inputPath, "utf-8"));
const { loadPyodide } = await import(pathToFileURL(input.pyodideDir + "/pyodide.mjs").href);

// Records every module name an import asks for, found or not, from when it is installed on.
const RECORDER = `
import sys

class _TraceImports:
    names = set()

    @classmethod
    def find_spec(cls, name, path=None, target=None):
        cls.names.add(name)
        return None

sys.meta_path.insert(0, _TraceImports)
`;

async function run(snapshotOptions) {
  const pyodide = await loadPyodide({
    indexURL: input.pyodideDir + "/",
    lockFileURL: input.lockFile,
    stdout: () => {},
    stderr: (line) => process.stderr.write(line + "\n"),
    ...snapshotOptions,
  });
  pyodide.runPython(RECORDER, { globals: pyodide.globals.get("dict")() });
  const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
  pyodide.unpackArchive(new Uint8Array(readFileSync(input.wheel)), "wheel", { extractDir: sitePackages });
  pyodide.runPython("import json, calculator");
  const snapshot = snapshotOptions._makeSnapshot ? pyodide.makeMemorySnapshot() : null;
  const namespace = pyodide.globals.get("dict")();
  pyodide.runPython(input.bridge, { globals: namespace });
  const evaluateJson = namespace.get("evaluate_json");
  for (const [answers, asOf] of input.calls) {
    JSON.parse(evaluateJson(answers, asOf ?? undefined));
  }
  return { pyodide, snapshot };
}

const first = await run({ _makeSnapshot: true });
const { pyodide } = await run({ _loadSnapshot: first.snapshot });
const modules = new Set();
for (const instance of [first.pyodide, pyodide]) {
  const names = instance.runPython(
    "import sys; sorted({*sys.modules, *next(f for f in sys.meta_path if f.__name__ == '_TraceImports').names})",
  );
  for (const name of names.toJs()) modules.add(name);
  names.destroy();
}

writeFileSync(outputPath, JSON.stringify({ python: pyodide.version, modules: [...modules].sort() }));
