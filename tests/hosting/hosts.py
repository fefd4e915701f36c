"""A variant of sitebuild/serve.py for hosts configured well and badly (chosen Content-Types and headers, files
left out, a download held back piece by piece), and what the browser pages on them report."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from sitebuild.serve import SiteRequestHandler

READY_TIMEOUT_MS = 120_000
CAUSES = {  # what the self-check page says for each likely cause of a failure to load (selfcheck.md.j2)
    "module-type": "原因可能是：网站服务器没有把 .mjs 脚本文件当作 JavaScript（text/javascript）发送。",
    "wasm-type": "原因可能是：网站服务器没有把 .wasm 文件当作 WebAssembly（application/wasm）发送。",
    "csp": "原因可能是：网站的内容安全策略（Content-Security-Policy）不允许运行 WebAssembly（缺少 'wasm-unsafe-eval'）。",
    "download": "原因可能是：有文件没能下载（网络中断，或网站的文件不全）。",
    "integrity": "原因可能是：下载到的计算程序与网站发布的不一致（缓存出错，或网站正在更新、文件没有上传完）。",
    "stalled": "原因可能是：下载停住了，很久没有收到任何数据（网络中断，或服务器没有响应）。",
}


@dataclass
class Gate:
    """Holds back the body of a file after its first piece: `release()` lets one more piece through, `open()`
    all of it; until then the download stalls."""

    suffix: str
    piece: int = 64 * 1024
    started: threading.Event = field(default_factory=threading.Event)
    released: threading.Semaphore = field(default_factory=lambda: threading.Semaphore(0))
    opened: threading.Event = field(default_factory=threading.Event)
    pieces_sent: int = 0

    def release(self) -> None:
        self.released.release()

    def open(self) -> None:
        self.opened.set()
        self.released.release()

    def send(self, source: Any, sink: Any) -> None:
        while piece := source.read(self.piece):
            if self.pieces_sent and not self.opened.is_set():
                self.started.set()
                while not self.released.acquire(timeout=0.5):
                    if self.opened.is_set():
                        break
            sink.write(piece)
            sink.flush()
            self.pieces_sent += 1


@dataclass
class Host:
    """How the variant server behaves: Content-Type overrides by suffix, extra headers on every response, URL
    path suffixes answered with 404, and a gated download."""

    types: dict[str, str] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    missing: tuple[str, ...] = ()
    gate: Gate | None = None


def handler_for(host: Host) -> type[SiteRequestHandler]:
    class Handler(SiteRequestHandler):
        extensions_map = {**SiteRequestHandler.extensions_map, **host.types}

        def send_head(self):  # type: ignore[override]
            if urlsplit(self.path).path.endswith(host.missing or ("\0",)):
                self.send_error(404)
                return None
            return super().send_head()

        def end_headers(self) -> None:
            for name, value in host.headers.items():
                self.send_header(name, value)
            super().end_headers()

        def copyfile(self, source, outputfile) -> None:  # type: ignore[override]
            if host.gate and urlsplit(self.path).path.endswith(host.gate.suffix):
                host.gate.send(source, outputfile)
            else:
                super().copyfile(source, outputfile)

    return Handler


@dataclass
class Watch:
    """What the pages of a test logged as errors, Content-Security-Policy violations among them."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def violations(self) -> list[str]:
        return [text for text in self.console_errors if "Content Security Policy" in text or "CSP violation" in text]
