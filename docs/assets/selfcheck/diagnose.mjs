// Why a module script of the self-check would not load, as far as the server's answer for it tells: used by the
// engine (engine.mjs) for the worker's own script and by the worker (worker.mjs) for Pyodide's. (fallback.js makes
// the same check, in ES5, for the page's module scripts.)

/** Whether a Content-Type header names a JavaScript MIME type (the list the HTML standard accepts for scripts). */
export function isJavaScript(contentType) {
  return /^(?:(?:text|application)\/(?:x-)?(?:java|ecma)script|text\/javascript1\.[0-5]|text\/(?:jscript|livescript))$/
    .test(mediaType(contentType));
}

/** The media type of a Content-Type header, without parameters, in lower case ("" for none). */
export function mediaType(contentType) {
  return (contentType || "").split(";")[0].trim().toLowerCase();
}

/**
 * The likely cause of a module script at `url` failing to load: "download" when the server cannot be reached
 * or answers with an error, "module-type" when it does not send the file as JavaScript, otherwise "unknown".
 */
export async function diagnose(url) {
  let response;
  try {
    response = await fetch(url);
  } catch {
    return "download";
  }
  response.body?.cancel(); // only the headers are needed
  if (!response.ok) return "download";
  return isJavaScript(response.headers.get("Content-Type")) ? "unknown" : "module-type";
}
