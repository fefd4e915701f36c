// Pyodide memory snapshots for the self-check's worker (worker.mjs). The first visit starts Python in full and
// then keeps a snapshot of its memory, taken with the rules imported and before any answer is evaluated (so it
// holds no answers); later visits restore it instead of starting Python again, which takes a fraction of the
// time. Snapshots live in Cache Storage, gzip-compressed (31 MB → 6 MB), under a key made of the wheel's URL
// (its directory is named for the wheel's content hash) and Pyodide's version: a changed rule or another
// Pyodide never restores an old snapshot, and saving one deletes this site's older ones.

const CACHE = "selfcheck-snapshots";

function keyOf(wheelUrl, pyodideVersion) {
  return `${wheelUrl}.pyodide-${pyodideVersion}.snapshot`;
}

/** The saved snapshot for this wheel and Pyodide: {bytes(): Promise<Uint8Array>, forget()}, or null. */
export async function savedSnapshot(wheelUrl, pyodideVersion) {
  const key = keyOf(wheelUrl, pyodideVersion);
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
export async function saveSnapshot(snapshot, wheelUrl, pyodideVersion) {
  const key = keyOf(wheelUrl, pyodideVersion);
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
