"""A small threaded static server for the built site on 127.0.0.1, with the MIME types the self-check needs."""

from __future__ import annotations

import functools
import threading
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

# Types that matter to the site, set explicitly rather than left to the platform's mimetypes database.
# Compressed files are served as themselves (no Content-Encoding), so a browser never mis-decodes them.
MIME_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".map": "application/json",
    ".wasm": "application/wasm",
    ".whl": "application/zip",
    ".zip": "application/zip",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
    ".py": "text/plain; charset=utf-8",
    ".gz": "application/gzip",
    ".br": "application/octet-stream",
}


class SiteRequestHandler(SimpleHTTPRequestHandler):
    """Serves files and directory index.html pages; never lists a directory; 404s use the site's 404 page."""

    extensions_map = {"": "application/octet-stream", **MIME_TYPES}

    def list_directory(self, path: str):  # type: ignore[override]
        self.send_error(HTTPStatus.NOT_FOUND)
        return None

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != HTTPStatus.NOT_FOUND or not page.is_file() or self.command == "HEAD":
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(code)
        self.send_header("Content-Type", MIME_TYPES[".html"])
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class's name
        pass


def make_server(site_dir: Path, port: int = 8000, host: str = "127.0.0.1") -> ThreadingHTTPServer:
    """A server for `site_dir` bound to host:port (port 0 picks a free one); call serve_forever() to run it."""
    handler = functools.partial(SiteRequestHandler, directory=str(site_dir))
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    return server


def serve_in_background(site_dir: Path, port: int = 0) -> tuple[ThreadingHTTPServer, str]:
    """Start serving `site_dir` on a background thread; return the server (to shut down) and its base URL."""
    server = make_server(site_dir, port)
    threading.Thread(target=server.serve_forever, name="site-server", daemon=True).start()
    host, bound_port = server.server_address[:2]
    return server, f"http://{host}:{bound_port}/"
