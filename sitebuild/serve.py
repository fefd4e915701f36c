"""A small threaded static server for the built site on 127.0.0.1, with the MIME types the self-check needs and the
headers the hosting notes recommend (sitebuild/csp.py)."""

from __future__ import annotations

import functools
import os
import sys
import threading
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from .csp import HEADERS

# Types that matter to the site, set explicitly rather than left to the platform's mimetypes database.
# A compressed file asked for by its own name is served as itself (no Content-Encoding), so a browser never
# mis-decodes it; a file with pre-compressed copies is sent as one of them when the client accepts its coding.
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
# The copies sitebuild.precompress writes next to a file, in order of preference: Content-Encoding → suffix.
PRECOMPRESSED = (("br", ".br"), ("gzip", ".gz"))


def accepted_encodings(header: str | None) -> set[str]:
    """The content codings an Accept-Encoding header accepts (those not given q=0)."""
    accepted = set()
    for item in (header or "").split(","):
        coding, *parameters = (part.strip() for part in item.split(";"))
        quality = next((value for name, _, value in (p.partition("=") for p in parameters) if name == "q"), "1")
        try:
            if coding and float(quality) > 0:
                accepted.add(coding.lower())
        except ValueError:
            pass
    return accepted


class SiteRequestHandler(SimpleHTTPRequestHandler):
    """Serves files and directory index.html pages; never lists a directory; 404s use the site's 404 page."""

    extensions_map = {"": "application/octet-stream", **MIME_TYPES}  # noqa: RUF012 (the base class's own attribute)
    content_encoding: str | None = None  # set when a pre-compressed copy is sent for the file asked for
    has_copies = False
    original = ""

    def translate_path(self, path: str) -> str:
        """The file to send: its pre-compressed copy when there is one in a coding the client accepts."""
        local = super().translate_path(path)
        wanted = os.path.join(local, "index.html") if urlsplit(path).path.endswith("/") else local
        copies = [(coding, wanted + suffix) for coding, suffix in PRECOMPRESSED if os.path.isfile(wanted + suffix)]
        self.has_copies = bool(copies) and os.path.isfile(wanted)
        self.content_encoding = None
        if self.has_copies:
            accepted = accepted_encodings(self.headers.get("Accept-Encoding"))
            for coding, copy in copies:
                if coding in accepted:
                    self.content_encoding, self.original = coding, wanted
                    return copy
        return local

    def guess_type(self, path: str | os.PathLike[str]) -> str:
        return super().guess_type(self.original if self.content_encoding else path)

    def list_directory(self, path: str):  # type: ignore[override]
        self.send_error(HTTPStatus.NOT_FOUND)
        return

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
        for name, value in HEADERS.items():
            self.send_header(name, value)
        self.send_header("Cache-Control", "no-cache")
        if self.has_copies:
            self.send_header("Vary", "Accept-Encoding")
        if self.content_encoding:
            self.send_header("Content-Encoding", self.content_encoding)
        super().end_headers()

    def log_message(self, format: str, *args) -> None:
        pass


class SiteServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        """A browser that goes away mid-download (a closed tab, a finished test) is not an error."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def make_server(site_dir: Path, port: int = 8000, host: str = "127.0.0.1") -> SiteServer:
    """A server for `site_dir` bound to host:port (port 0 picks a free one); call serve_forever() to run it."""
    return SiteServer((host, port), functools.partial(SiteRequestHandler, directory=str(site_dir)))


def serve_in_background(site_dir: Path, port: int = 0) -> tuple[SiteServer, str]:
    """Start serving `site_dir` on a background thread; return the server (to shut down) and its base URL."""
    server = make_server(site_dir, port)
    threading.Thread(target=server.serve_forever, name="site-server", daemon=True).start()
    host, bound_port = server.socket.getsockname()[:2]
    return server, f"http://{host}:{bound_port}/"
