"""Serve the built dashboard (dashboard/build, made by `evidence build`) over HTTP, as `make dashboard` does.

    python dashboard/serve.py --port 3001            # serve, after printing "Dashboard: http://localhost:3001/"
    python dashboard/serve.py --port 3001 --check    # only check that the port is free (before a build)

Errors a user can cause (the port is taken, no build yet) are one line on stderr and exit status 1.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import socket
import sys
from pathlib import Path

BUILD_DIR = Path(__file__).resolve().parent / "build"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, without a log line per request."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".wasm": "application/wasm"}

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (the base class's name)
        pass


def port_in_use_message(host: str, port: int, error: OSError) -> str:
    return (
        f"Dashboard: cannot listen on {host}:{port} ({error.strerror or error}); "
        f"choose another port, e.g. make dashboard DASHBOARD_PORT={port + 1}"
    )


def check_port(host: str, port: int) -> str | None:
    """None if `host`:`port` can be listened on, else the one-line reason."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((host, port))
        except OSError as error:
            return port_in_use_message(host, port, error)
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=3001)
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: this machine only)")
    parser.add_argument("--check", action="store_true", help="only check that the port is free")
    args = parser.parse_args()

    if args.check:
        problem = check_port(args.host, args.port)
        if problem:
            print(problem, file=sys.stderr)
            return 1
        return 0

    if not (BUILD_DIR / "index.html").is_file():
        print(f"Dashboard: no build in {BUILD_DIR}; run make dashboard", file=sys.stderr)
        return 1
    handler = functools.partial(QuietHandler, directory=str(BUILD_DIR))
    try:
        server = http.server.ThreadingHTTPServer((args.host, args.port), handler)
    except OSError as error:
        print(port_in_use_message(args.host, args.port, error), file=sys.stderr)
        return 1
    shown_host = "localhost" if args.host in ("127.0.0.1", "localhost", "0.0.0.0", "") else args.host
    print(f"Dashboard: http://{shown_host}:{args.port}/", flush=True)
    print("Serving the dashboard until Ctrl-C.", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
