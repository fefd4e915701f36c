"""Page-load benchmark: the built site in headless Chromium, beside a bare-Pyodide baseline page, per device profile.

    .venv/bin/python bench/pageload.py [--runs 5] [--builds 3] [--profiles desktop,phone,slow-link]

1. Builds the site `--builds` times with `build_site` and times each whole build against a bare MkDocs build
   of the same pages (the plugin's generated files written out beside docs/, built without the plugin).
2. Copies the site into a temporary directory next to bench/baseline/ (a page that boots the same vendored
   Pyodide in a module worker, installs the same wheel and calls `calculator.evaluate({})` once) and serves
   both with `sitebuild.serve` on 127.0.0.1, as the site is served for the tests.
3. For each profile (PROFILES: the network and CPU throttling that Chromium's DevTools protocol applies to the
   page), loads each page type `--runs` times, interleaved: cold (a fresh user-data dir) and then warm (a
   second visit in the same profile, once its service worker has finished installing and caching). The home
   and clause pages are loaded on the desktop profile only.

It prints medians and the ratios the targets are stated in. The machine is shared and noisy: compare the
ratios within one run rather than times across runs.
"""

from __future__ import annotations

import argparse
import base64
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import BrowserContext, CDPSession, Page, Request, sync_playwright  # noqa: E402

from mkdocs.utils.yaml import yaml_load  # noqa: E402

from sitebuild import build as site_build  # noqa: E402
from sitebuild import selfcheck  # noqa: E402
from sitebuild.loader import load_notice  # noqa: E402
from sitebuild.nav import navigation  # noqa: E402
from sitebuild.pages import render_pages  # noqa: E402
from sitebuild.paths import DOCS_DIR, MKDOCS_YML, NOTICE_DIR  # noqa: E402
from sitebuild.plugin import vendored_files  # noqa: E402
from sitebuild.precompress import SUFFIXES  # noqa: E402
from sitebuild.serve import serve_in_background  # noqa: E402
from sitebuild.serviceworker import self_check_urls  # noqa: E402

BUILD_DATE = datetime.date(2026, 11, 27)
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
TIMEOUT_MS = 180_000
EVALUATIONS = 21  # evaluate() calls per self-check visit; the median is reported
SME_EMPLOYER = {
    "asker": "unit", "unit_type": "enterprise", "enterprise_size": "sme", "insured_staff_last_year": 40,
    "layoffs_last_year": 1, "insured_at_end_of_2020": 38, "uic_paid_last_year": 52000,
}
# The self-check's worker saves a Pyodide memory snapshot after a full start (docs/assets/selfcheck/snapshot.mjs).
SNAPSHOT_SAVED = "async () => (await (await caches.open('selfcheck-snapshots')).keys()).length > 0"
EVALUATE_MS = 20  # target for one evaluate (issue 5)
COLD_SELF_CHECK_KB = 4_000  # target for the self-check's cold transfer (issue 11)


@dataclass(frozen=True)
class Profile:
    """A device and its link, as Chromium's DevTools protocol emulates them, with the targets stated for it."""

    name: str
    cpu_slowdown: float = 1  # Emulation.setCPUThrottlingRate
    download_mbit: float | None = None  # Network.emulateNetworkConditions; None: not throttled
    rtt_ms: float = 0
    engine_vs_baseline: float | None = None  # engine ready, cold, self-check / bare Pyodide
    warm_vs_cold: float | None = None  # engine ready, self-check
    form_ready_ms: float | None = None

    def describe(self) -> str:
        link = "no network throttling" if self.download_mbit is None else (
            f"{self.download_mbit:g} Mbit/s down and up, {self.rtt_ms:g} ms round trip")
        return f"CPU {self.cpu_slowdown:g}× slower, {link}"

    def apply(self, session: CDPSession) -> None:
        """Throttle the page of `session` (the page's own and its workers' fetches, and its CPU)."""
        if self.cpu_slowdown != 1:
            session.send("Emulation.setCPUThrottlingRate", {"rate": self.cpu_slowdown})
        if self.download_mbit is not None:
            throughput = self.download_mbit * 1_000_000 / 8  # bytes per second
            session.send("Network.enable")
            session.send("Network.emulateNetworkConditions", {
                "offline": False, "latency": self.rtt_ms,
                "downloadThroughput": throughput, "uploadThroughput": throughput,
            })


PROFILES = {
    # Issue 5's targets on this machine as it is.
    "desktop": Profile("desktop", engine_vs_baseline=1.15, warm_vs_cold=0.5, form_ready_ms=500),
    # Issue 11: a mid-range phone on a mobile link, and a slow link.
    "phone": Profile("phone", cpu_slowdown=4, download_mbit=9, rtt_ms=150, engine_vs_baseline=0.8,
                     warm_vs_cold=0.2, form_ready_ms=1500),
    "slow-link": Profile("slow-link", download_mbit=2, rtt_ms=150, engine_vs_baseline=0.75),
}


# -- the build ------------------------------------------------------------------------------------------------

def time_builds(work: Path, builds: int) -> tuple[list[float], list[float]]:
    """Seconds of each whole build and of each bare MkDocs build of the same pages: the files the plugin
    generates, written out beside docs/, built by MkDocs without the plugin (and without what build.py adds
    after MkDocs: the Content-Security-Policy, the service worker, the pre-compressed copies)."""
    whole = []
    for number in range(builds):
        start = time.perf_counter()
        site_build.build_site(work / f"site-{number}", BUILD_DATE)
        whole.append(time.perf_counter() - start)
    docs = work / "docs"
    shutil.copytree(DOCS_DIR, docs)
    notice = load_notice(NOTICE_DIR)
    generated = {**vendored_files(), **render_pages(notice, BUILD_DATE, selfcheck.PAGE), **selfcheck.bundle(notice)}
    for path, source in generated.items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        if isinstance(source, Path):
            shutil.copyfile(source, docs / path)
        else:
            (docs / path).write_bytes(source.encode("utf-8") if isinstance(source, str) else source)
    with MKDOCS_YML.open(encoding="utf-8") as file:
        plugins = [plugin for plugin in yaml_load(file)["plugins"] if plugin != site_build.PLUGIN]
    bare = []
    for number in range(builds):
        config = site_build.mkdocs_config(work / f"bare-{number}", BUILD_DATE, docs_dir=str(docs), plugins=plugins,
                                          nav=navigation(notice, selfcheck.PAGE))
        start = time.perf_counter()
        site_build.run_mkdocs(config)
        bare.append(time.perf_counter() - start)
    return whole, bare


# -- one visit ------------------------------------------------------------------------------------------------

@dataclass
class Visit:
    """What one page load measured; times in ms from the start of navigation."""

    times: dict[str, float] = field(default_factory=dict)
    page_bytes: int = 0  # transferred over the network to show the page and get it ready
    background_bytes: int = 0  # transferred afterwards by the service worker (precaching)
    urls: set[str] = field(default_factory=set)  # what the page itself asked for
    pyodide_requests: int = 0  # requests for a Pyodide file, by the page or its service worker


@dataclass(frozen=True)
class PageType:
    name: str
    path: str
    ready: str  # a JS expression that becomes true when the page is ready
    measure: Callable[[Page], dict[str, float]]
    of_the_site: bool = True  # registers the site's service worker (the baseline does not)
    self_check: bool = False  # has the form and the engine


def _navigation_times(page: Page) -> dict[str, float]:
    return page.evaluate("""() => {
        const [navigation] = performance.getEntriesByType('navigation');
        const marks = Object.fromEntries(performance.getEntriesByType('mark').map(m => [m.name, m.startTime]));
        const paint = performance.getEntriesByName('first-contentful-paint')[0];
        return {'DOMContentLoaded': navigation.domContentLoadedEventEnd, 'load': navigation.loadEventEnd,
                'first paint': paint ? paint.startTime : null, ...marks};
    }""")


def _self_check_times(page: Page) -> dict[str, float]:
    times = _navigation_times(page)
    evaluations = page.evaluate(
        """async ([answers, count]) => {
            const times = [];
            for (let i = 0; i < count; i++) {
                const start = performance.now();
                await window.policyCalculator.evaluate(answers);
                times.push(performance.now() - start);
            }
            return times;
        }""",
        [SME_EMPLOYER, EVALUATIONS],
    )
    # The form is usable once it answers input (the page's mark) and is on the screen.
    usable = max(times["selfcheck:form-ready"], times["first paint"] or 0)
    return {**times, "form usable": usable, "first evaluate": evaluations[0], "evaluate": statistics.median(evaluations)}


def _baseline_times(page: Page) -> dict[str, float]:
    times = _navigation_times(page)
    times["evaluate"] = page.evaluate("() => performance.getEntriesByName('baseline:evaluate')[0].duration")
    return times


# -- main-thread CPU time, from a Chromium trace ---------------------------------------------------------------
# Wall-clock times on a shared machine include the time the page waited for a CPU; the trace's thread times
# (`tdur`) do not. The form is usable after this much of the page's main thread.

TRACE_CATEGORIES = ["toplevel", "blink.user_timing", "__metadata"]


def start_trace(session: CDPSession) -> None:
    session.send("Tracing.start", {"traceConfig": {"includedCategories": TRACE_CATEGORIES},
                                   "transferMode": "ReturnAsStream"})


def stop_trace(session: CDPSession, page: Page) -> list[dict]:
    finished: dict = {}
    session.on("Tracing.tracingComplete", lambda event: finished.update(event))
    session.send("Tracing.end")
    while not finished:
        page.wait_for_timeout(50)
    chunks = []
    while True:
        read = session.send("IO.read", {"handle": finished["stream"], "size": 1 << 20})
        chunks.append(base64.b64decode(read["data"]) if read.get("base64Encoded") else read["data"].encode())
        if read.get("eof"):
            break
    session.send("IO.close", {"handle": finished["stream"]})
    trace = json.loads(b"".join(chunks))
    return trace["traceEvents"] if isinstance(trace, dict) else trace


def main_thread_cpu_ms(events: list[dict], url: str, mark: str) -> float | None:
    """CPU time of the page's main thread from the navigation to `url` until the performance mark `mark`."""
    marks = [e for e in events if e.get("name") == mark and e.get("cat") == "blink.user_timing"]
    starts = [e for e in events if e.get("name") == "navigationStart"
              and e.get("args", {}).get("data", {}).get("documentLoaderURL") == url]
    if not marks or not starts:
        return None
    end, start = marks[0], starts[0]
    tasks = [e for e in events if e.get("name") == "ThreadControllerImpl::RunTask" and e.get("ph") == "X"
             and (e["pid"], e["tid"]) == (end["pid"], end["tid"]) and start["ts"] <= e["ts"] < end["ts"]]
    return sum(e.get("tdur", 0) for e in tasks) / 1000


def _transferred(request: Request) -> int:
    response = request.response()
    if response is None or response.from_service_worker:
        return 0  # served by the service worker: its own fetch, if any, is counted on its own
    sizes = request.sizes()
    return sizes["responseBodySize"] + sizes["responseHeadersSize"]


def visit(context: BrowserContext, url: str, page_type: PageType, cold: bool, pyodide_path: str,
          device: Profile, without_search: bool = False) -> Visit:
    """Load `url` in a new page of `context` on `device`; on a cold visit, wait for the service worker to finish
    too. `without_search`: the self-check page runs without Material's search worker (its script is refused)."""
    requests: list[Request] = []

    def record(request: Request) -> None:
        requests.append(request)

    context.on("requestfinished", record)
    page = context.new_page()
    session = context.new_cdp_session(page)
    device.apply(session)
    if page_type.self_check:
        if without_search:
            page.route("**/assets/javascripts/workers/search.*", lambda route: route.abort())
        start_trace(session)
    page.goto(url)
    page.wait_for_function(page_type.ready, timeout=TIMEOUT_MS)
    result = Visit(times=page_type.measure(page))
    if page_type.self_check:
        events = stop_trace(session, page)
        result.times["form-ready main-thread CPU"] = main_thread_cpu_ms(events, url, "selfcheck:form-ready")
    if cold and page_type.of_the_site:
        page.evaluate("() => navigator.serviceWorker.ready")
        if page_type.self_check:
            page.wait_for_function(
                "() => performance.getEntriesByName('offline:self-check-cached').length", timeout=TIMEOUT_MS
            )
            while not page.evaluate(SNAPSHOT_SAVED):  # (wait_for_function would not await the async check)
                page.wait_for_timeout(250)
    context.remove_listener("requestfinished", record)
    for request in requests:
        by_worker = request.service_worker is not None
        # A page's first visit is not controlled by its service worker: what the worker fetches then is
        # precaching. On a later visit it fetches for the page.
        if by_worker and cold:
            result.background_bytes += _transferred(request)
        else:
            result.page_bytes += _transferred(request)
        if not by_worker:
            result.urls.add(request.url)
        result.pyodide_requests += urlsplit(request.url).path.startswith(pyodide_path)
    page.close()
    return result


@contextmanager
def profile(browser_type):
    """A persistent Chromium profile in a fresh user-data dir."""
    with tempfile.TemporaryDirectory(prefix="pageload-profile-") as user_data:
        context = browser_type.launch_persistent_context(user_data, executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield context
        finally:
            context.close()


# -- sizes of what a page loads -------------------------------------------------------------------------------

def encoded_sizes(root: Path, base_url: str, urls: set[str]) -> dict[str, int]:
    """Bytes of the files behind `urls` as they are, gzip-ed and brotli-ed (a file without a copy counts as is)."""
    totals = dict.fromkeys(["identity", *SUFFIXES], 0)
    for url in urls:
        if not url.startswith(base_url):
            continue
        path = root / urlsplit(url).path.lstrip("/")
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            continue
        size = path.stat().st_size
        totals["identity"] += size
        for encoding, suffix in SUFFIXES.items():
            copy = path.with_name(path.name + suffix)
            totals[encoding] += copy.stat().st_size if copy.is_file() else size
    return totals


# -- report ---------------------------------------------------------------------------------------------------

def _median(values: list[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return statistics.median(present) if present else None


def _ms(value: float | None) -> str:
    return "–" if value is None else f"{value:,.0f}"


def _kb(value: float | None) -> str:
    return "–" if value is None else f"{value / 1000:,.1f}"


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    memory = next((int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")), 0)
    return f"{os.cpu_count()} CPUs ({cpu}), {memory / 1024 ** 2:.0f} GB RAM, {platform.platform()}, Python {platform.python_version()}"


def _paired(numerator: list[float], denominator: list[float]) -> float:
    """The median of the ratios of each run's pair: steadier than a ratio of medians on a busy machine."""
    return statistics.median(n / d for n, d in zip(numerator, denominator))


def _verdict(value: float, target: float | None, unit: str = "") -> str:
    return "" if target is None else f"{' ✓' if value <= target else ' ✗'} (target ≤ {target:g}{unit})"


def report_bytes(results: dict[str, dict[str, list[Visit]]], sizes: dict[str, dict[str, int]]) -> None:
    print("\n| page | cold page KB | cold background KB | warm page KB | files KB | gzip KB | brotli KB | Pyodide requests (cold/warm) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, visits in results.items():
        cold, warm = visits["cold"], visits["warm"]
        print(f"| {name} | {_kb(_median([v.page_bytes for v in cold]))} | {_kb(_median([v.background_bytes for v in cold]))}"
              f" | {_kb(_median([v.page_bytes for v in warm]))} | {_kb(sizes[name]['identity'])}"
              f" | {_kb(sizes[name]['gzip'])} | {_kb(sizes[name]['br'])}"
              f" | {max(v.pyodide_requests for v in cold)}/{max(v.pyodide_requests for v in warm)} |")


def report(device: Profile, results: dict[str, dict[str, list[Visit]]]) -> None:
    print(f"\n## {device.name}: {device.describe()}\n")
    columns = ["first paint", "DOMContentLoaded", "load", "form usable", "form-ready main-thread CPU",
               "selfcheck:engine-ready", "baseline:engine-ready", "first evaluate", "evaluate"]
    print("| page | visit | KB on the wire | " + " | ".join(columns) + " |")
    print("| --- | --- | ---: |" + " ---: |" * len(columns))
    medians: dict[tuple[str, str], dict[str, float | None]] = {}
    for name, visits in results.items():
        for kind in ("cold", "warm"):
            row = {c: _median([v.times.get(c) for v in visits[kind]]) for c in columns}
            medians[name, kind] = row
            wire = _kb(_median([v.page_bytes for v in visits[kind]]))
            print(f"| {name} | {kind} | {wire} | " + " | ".join(_ms(row[c]) for c in columns) + " |")

    def engine_ready(name: str, kind: str) -> list[float]:
        mark = "baseline:engine-ready" if name == "baseline" else "selfcheck:engine-ready"
        return [visit.times[mark] for visit in results[name][kind]]

    engine = {kind: engine_ready("self-check", kind) for kind in ("cold", "warm")}
    bare = {kind: engine_ready("baseline", kind) for kind in ("cold", "warm")}
    checks = [
        ("engine ready, cold: self-check / bare Pyodide", engine["cold"], bare["cold"], device.engine_vs_baseline),
        ("engine ready: warm / cold (self-check)", engine["warm"], engine["cold"], device.warm_vs_cold),
        ("engine ready: warm / cold (bare Pyodide, for comparison)", bare["warm"], bare["cold"], None),
        ("engine ready, warm: self-check / bare Pyodide", engine["warm"], bare["warm"], None),
    ]
    print("\nRatios (median of the runs' paired ratios; ratio of the medians in brackets):\n")
    for label, numerator, denominator, target in checks:
        ratio = _paired(numerator, denominator)
        of_medians = statistics.median(numerator) / statistics.median(denominator)
        print(f"- {label}: {ratio:.2f} ({of_medians:.2f}){_verdict(ratio, target)}")
    cold_kb = _median([v.page_bytes for v in results["self-check"]["cold"]]) / 1000
    print(f"- self-check, cold, on the wire: {cold_kb:,.0f} KB{_verdict(cold_kb, COLD_SELF_CHECK_KB, ' KB')}")
    for kind in ("cold", "warm"):
        form = medians["self-check", kind]["form usable"]
        cpu = medians["self-check", kind]["form-ready main-thread CPU"]
        evaluate = medians["self-check", kind]["evaluate"]
        print(f"- form usable ({kind}): {form:,.0f} ms{_verdict(form, device.form_ready_ms, ' ms')}"
              f", after {_ms(cpu)} ms of main-thread CPU")
        print(f"- one evaluate ({kind}, page → worker → page): {evaluate:.1f} ms{_verdict(evaluate, EVALUATE_MS, ' ms')}")
    print(f"- one evaluate in the bare baseline (cold, same round trip without JSON): {medians['baseline', 'cold']['evaluate']:.1f} ms")
    for name in ("home", "clause"):
        if name in results:
            fetched = max(v.pyodide_requests for kind in ("cold", "warm") for v in results[name][kind])
            print(f"- {name}: Pyodide files fetched: {fetched}{' ✓' if fetched == 0 else ' ✗'} (target 0)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="cold + warm visits per page type and profile (default 5)")
    parser.add_argument("--builds", type=int, default=3, help="builds to time (default 3, at least 1)")
    parser.add_argument("--profiles", default=",".join(PROFILES),
                        help=f"comma-separated, of {', '.join(PROFILES)} (default: all)")
    parser.add_argument("--without-search-worker", action="store_true",
                        help="refuse Material's search worker on the self-check page: what starting it only after "
                             "the engine is ready could gain at most")
    args = parser.parse_args()
    devices = [PROFILES[name] for name in args.profiles.split(",")]

    print(f"Machine: {machine()}; load average at start {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory(prefix="pageload-") as temporary:
        work = Path(temporary)
        whole, bare = time_builds(work, max(args.builds, 1))
        print(f"\n## Build (median of {len(whole)}; each build in seconds in brackets)\n")
        print("- whole build (render, self-check bundle, MkDocs, service worker, pre-compressed copies): "
              f"{statistics.median(whole):.2f} s ({', '.join(f'{t:.2f}' for t in whole)})")
        print(f"- bare MkDocs build of the same pages: {statistics.median(bare):.2f} s ({', '.join(f'{t:.2f}' for t in bare)})")
        print(f"- ratio: {statistics.median(whole) / statistics.median(bare):.2f}")

        root = work / "root"
        shutil.copytree(work / "site-0", root / "site")
        shutil.copytree(ROOT / "bench" / "baseline", root / "baseline")
        pyodide_index, wheel = self_check_urls(root / "site")
        server, base_url = serve_in_background(root)
        other_pages = [
            PageType("home", "site/", "() => document.readyState === 'complete'", _navigation_times),
            PageType("clause", "site/clauses/c01/", "() => document.readyState === 'complete'", _navigation_times),
        ]
        pair = [
            PageType("self-check", "site/self-check/",
                     "() => performance.getEntriesByName('selfcheck:engine-ready').length", _self_check_times,
                     self_check=True),
            PageType("baseline", f"baseline/#pyodide=../site/{pyodide_index}&wheel=../site/{wheel}",
                     "() => performance.getEntriesByName('baseline:evaluated').length", _baseline_times,
                     of_the_site=False),
        ]
        by_device: dict[str, dict[str, dict[str, list[Visit]]]] = {}
        try:
            with sync_playwright() as playwright:
                for device in devices:
                    page_types = (other_pages if device.name == "desktop" else []) + pair
                    results = by_device[device.name] = {t.name: {"cold": [], "warm": []} for t in page_types}
                    for run in range(args.runs):
                        # The self-check and the baseline are loaded back to back, each first in every other run,
                        # so that each run gives a fair pair despite the machine's changing load.
                        ordered = page_types[:-2] + (pair if run % 2 == 0 else pair[::-1])
                        for page_type in ordered:
                            with profile(playwright.chromium) as context:
                                url = base_url + page_type.path
                                for kind in ("cold", "warm"):
                                    measured = visit(context, url, page_type, kind == "cold", f"/site/{pyodide_index}",
                                                     device, args.without_search_worker)
                                    results[page_type.name][kind].append(measured)
                        print(f"{device.name}: run {run + 1}/{args.runs} done (load average {os.getloadavg()[0]:.1f})",
                              file=sys.stderr)
        finally:
            server.shutdown()
            server.server_close()
        chromium = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip()
        search = "; the self-check without Material's search worker" if args.without_search_worker else ""
        print(f"\n{chromium}; {args.runs} runs per profile{search}; load average at the end {os.getloadavg()[0]:.1f}")
        first = by_device[devices[0].name]
        sizes = {name: encoded_sizes(root, base_url, visits["cold"][0].urls) for name, visits in first.items()}
        print(f"\n## Bytes per page type ({devices[0].name}; median transferred over the network; files the page loaded, by encoding)")
        report_bytes(first, sizes)
        for device in devices:
            report(device, by_device[device.name])


if __name__ == "__main__":
    main()
