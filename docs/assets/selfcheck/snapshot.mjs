// Pyodide memory snapshots for the self-check's worker (worker.mjs). The first visit starts Python in full and
// then keeps a snapshot of its memory, taken with the rules imported and before any answer is evaluated (so it
// holds no answers); later visits restore it instead of starting Python again, which takes a fraction of the
// time. Snapshots live in Cache Storage, gzip-compressed (31 MB → 6 MB), under a key made of the wheel's URL
// (its directory is named for the wheel's content hash), Pyodide's version and the standard library's archive
// (the trimmed one, named for its content, or the full one): a changed rule or another Pyodide never restores an
// old snapshot, and saving one deletes this site's older ones. The archive is part of the key because Python's
// memory holds the table of contents of the archive it started on (zipimport's cache): restored beside another
// archive, it would read the wrong bytes.

const CACHE = "selfcheck-snapshots";

function keyOf(wheelUrl, pyodideVersion, stdlibUrl) {
  const stdlib = stdlibUrl ? new URL(stdlibUrl).pathname.split("/").pop() : "python_stdlib.zip";
  return `${wheelUrl}.pyodide-${pyodideVersion}.${stdlib}.snapshot`;
}

/**
 * The saved snapshot for this wheel, Pyodide and standard library (`stdlibUrl`; null for Pyodide's full one):
 * {bytes(): Promise<Uint8Array>, forget()}, or null.
 */
export async function savedSnapshot(wheelUrl, pyodideVersion, stdlibUrl) {
  const key = keyOf(wheelUrl, pyodideVersion, stdlibUrl);
  let response;
  try {
    response = await (await caches.open(CACHE)).match(key);
  } catch {
    return null; // no Cache Storage here (e.g. a private window that refuses it): start Python in full
  }
  if (!response) return null;
  return {
    bytes: async () => new Uint8Array(await new Response(response.body.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer()),
    forget: async () => (await caches.open(CACHE)).delete(key),
  };
}

/** Keep `snapshot` (from pyodide.makeMemorySnapshot()) for the next visit; failures are only logged. */
export async function saveSnapshot(snapshot, wheelUrl, pyodideVersion, stdlibUrl) {
  const key = keyOf(wheelUrl, pyodideVersion, stdlibUrl);
  try {
    const compressed = await new Response(new Blob([snapshot]).stream().pipeThrough(new CompressionStream("gzip"))).blob();
    const cache = await caches.open(CACHE);
    const site = new URL("../", wheelUrl).href; // the calculator directory of this copy of the site
    for (const request of await cache.keys()) {
      if (request.url.startsWith(site) && request.url !== key) await cache.delete(request);
    }
    await cache.put(key, new Response(compressed));
  } catch (error) {
    console.warn("自测程序的快照未能保存，下次打开时将重新加载：", error);
  }
}
