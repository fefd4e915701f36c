"""Build the site (and optionally serve it):

    python build.py [--serve] [--port 8000] [--today YYYY-MM-DD] [--site-dir DIR] [--site-url URL]
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import sys
from pathlib import Path

from sitebuild.build import SiteBuildError, build_site
from sitebuild.loader import load_notice
from sitebuild.paths import NOTICE_DIR, PROJECT_ROOT
from sitebuild.plainness import report
from sitebuild.serve import make_server


def _date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the 葫人社发〔2021〕2号 explainer site with MkDocs (strict).")
    parser.add_argument("--serve", action="store_true", help="serve the built site on 127.0.0.1 afterwards")
    parser.add_argument("--port", type=int, default=8000, help="port for --serve (default 8000)")
    parser.add_argument("--today", type=_date, default=datetime.date.today(),
                        help="the date timeline statuses are computed for (default: today)")
    parser.add_argument("--site-dir", type=Path, default=PROJECT_ROOT / "site", help="output directory (default site/)")
    parser.add_argument("--site-url", help="the address the site is published at, e.g. https://example.org/policy/ "
                        "(enables instant navigation; --serve uses its own local address)")
    args = parser.parse_args(argv)

    # When serving, bind the port first: the site is built for the address it will be served from.
    try:
        server = make_server(args.site_dir, args.port) if args.serve else None
    except OSError as error:
        print(f"cannot serve on 127.0.0.1:{args.port} ({error.strerror}): choose another --port", file=sys.stderr)
        return 1
    with server or contextlib.nullcontext():
        site_url = f"http://127.0.0.1:{server.server_address[1]}/" if server else args.site_url
        try:
            build_site(args.site_dir, args.today, site_url)
        except SiteBuildError as error:
            print(f"build failed: {error}", file=sys.stderr)
            return 1
        print(f"built {args.site_dir} (statuses as of {args.today.isoformat()})")
        print(report(load_notice(NOTICE_DIR)))
        if server:
            print(f"serving on {site_url} (Ctrl+C stops)")
            with contextlib.suppress(KeyboardInterrupt):
                server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
