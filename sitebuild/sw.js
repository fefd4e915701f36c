// The site's service worker. After one visit every page works without a network, and so does the
// self-check once it has been used; while the server can be reached, no page and no rule is older than the
// server's. sitebuild/serviceworker.py writes it to the site root after the build, with the constant MANIFEST
// in front: {version, shell: [...], selfCheck: [...]}, each entry {url (relative to the site root), integrity
// (SHA-256, as Subresource Integrity), immutable (its URL changes whenever its bytes do)}.
//
// - Install precaches the shell: every page, the search index and the theme's files. A file that an older
//   version cached with the same hash is copied from that cache instead of being downloaded again.
// - The self-check's runtime (Pyodide and the rules' wheel, 13 MB) is cached only once the self-check has been
//   used: on the page's request when Python is ready (the page downloaded the files just before, so they come
//   from the browser's HTTP cache), and by every later version (a changed rule means only the new wheel).
// - Immutable files are served from the cache first. Everything else (pages, unversioned scripts and styles,
//   the search index) goes to the network first and falls back to the cache only when the network fails.
// - Only the manifest's URLs are stored, without query or fragment (a page asked for with one is looked up
//   without it). Self-check answers live in the URL fragment, which no request carries: they are never stored.

const SCOPE = self.registration.scope;
// Cache Storage is shared by the whole origin: copies of the site under other paths keep caches of their own.
const PREFIX = `offline ${SCOPE} `;
const CACHE = PREFIX + MANIFEST.version;
// What a cache holds, kept in the cache itself: {version, selfCheck, integrity: {url: integrity}}.
const STATE_URL = new URL("sw-state.json", SCOPE).href;
const ENTRIES = new Map([...MANIFEST.shell, ...MANIFEST.selfCheck].map((entry) => [entry.url, entry]));
const PARALLEL_DOWNLOADS = 4;

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const previous = await previousCaches();
      const cache = await caches.open(CACHE);
      await precache(cache, MANIFEST.shell, previous.files);
      if (previous.selfCheck) await precache(cache, MANIFEST.selfCheck, previous.files);
      await writeState(cache, previous.selfCheck);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name)));
    })(),
  );
});

self.addEventListener("message", (event) => {
  if (!event.data || event.data.type !== "cache-self-check") return;
  event.waitUntil(
    cacheSelfCheck().then(
      () => event.source && event.source.postMessage({ type: "self-check-cached", version: MANIFEST.version }),
      (error) => console.warn("自测程序未能缓存供离线使用：", error),
    ),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  url.hash = "";
  url.search = ""; // a search result links to its page with ?h=<the words searched for>
  if (!url.href.startsWith(SCOPE)) return;
  const entry = ENTRIES.get(url.href.slice(SCOPE.length));
  if (!entry) return;
  event.respondWith(entry.immutable ? cacheFirst(event, url.href) : networkFirst(request, url.href));
});

async function cacheFirst(event, key) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(key);
  if (cached) return cached;
  const response = await fetch(event.request);
  // Stored while the page reads it: a large file still streams (WebAssembly compiles as it arrives).
  if (response.ok) event.waitUntil(cache.put(key, response.clone()));
  return response;
}

async function networkFirst(request, key) {
  try {
    // Revalidated with the server even if the host lets the browser cache it for a while.
    return await fetch(request, { cache: "no-cache" });
  } catch (error) {
    const cache = await caches.open(CACHE);
    const cached = await cache.match(key);
    if (cached) return cached;
    throw error;
  }
}

/** Files that older versions of this site's worker cached ({url: {cache, integrity}}), and whether any of
 * them had the self-check's runtime. */
async function previousCaches() {
  const files = new Map();
  let selfCheck = false;
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX) || name === CACHE) continue;
    const cache = await caches.open(name);
    const stateResponse = await cache.match(STATE_URL);
    if (!stateResponse) continue;
    const state = await stateResponse.json();
    selfCheck ||= state.selfCheck;
    for (const [url, integrity] of Object.entries(state.integrity)) files.set(url, { cache, integrity });
  }
  return { files, selfCheck };
}

/** Put every entry in `cache`: copied from an older cache if the hash matches, otherwise downloaded and checked
 * against its hash (a server half-way through an update makes the install fail, to be retried later). */
async function precache(cache, entries, previousFiles) {
  const queue = [...entries];
  const worker = async () => {
    for (let entry = queue.shift(); entry; entry = queue.shift()) {
      const key = new URL(entry.url, SCOPE).href;
      if (await cache.match(key)) continue;
      const older = previousFiles.get(entry.url);
      const copy = older && older.integrity === entry.integrity && (await older.cache.match(key));
      if (copy) {
        await cache.put(key, copy);
        continue;
      }
      // An immutable URL may come from the HTTP cache; anything else is revalidated with the server.
      const response = await fetch(key, { integrity: entry.integrity, cache: entry.immutable ? "default" : "no-cache" });
      if (!response.ok) throw new Error(`${entry.url}: HTTP ${response.status}`);
      await cache.put(key, response);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_DOWNLOADS }, worker));
}

async function writeState(cache, selfCheck) {
  const cached = [...MANIFEST.shell, ...(selfCheck ? MANIFEST.selfCheck : [])];
  const state = {
    version: MANIFEST.version,
    selfCheck,
    integrity: Object.fromEntries(cached.map((entry) => [entry.url, entry.integrity])),
  };
  await cache.put(STATE_URL, new Response(JSON.stringify(state), { headers: { "Content-Type": "application/json" } }));
}

async function cacheSelfCheck() {
  const cache = await caches.open(CACHE);
  const previous = await previousCaches();
  await precache(cache, MANIFEST.selfCheck, previous.files);
  await writeState(cache, true);
}
