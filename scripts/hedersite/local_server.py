"""A built site on 127.0.0.1 for a while: the browser tests (tests/browser_support.py) and
`make bench` (hedersite.lighthouse) serve it so, each with the handler it needs."""
from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from pathlib import Path


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """The folder's files, without a log line per request."""

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(site: Path, handler: type[http.server.SimpleHTTPRequestHandler] = QuietHandler):
    """The folder at http://127.0.0.1:<free port>/ (a small threaded server) while in the block."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
