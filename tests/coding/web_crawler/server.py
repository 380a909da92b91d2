"""A generated site served by http.server on 127.0.0.1, for the tests that use
the real fetcher. Each test starts one on a free port and stops it; nothing
else on the network is touched.

A route is a path and what it answers:
    (status, content_type, body)   a str body may say {origin}, {port}, {closed}
                                   and is sent as UTF-8; bytes are sent as they are
    HANG                           answers only once the server is stopping
    DROP                           closes the connection without an answer
    ("redirect", status, location) a 3xx with a Location header
Every request is recorded as (path, Host header, User-Agent header), in
arrival order.
"""
from __future__ import annotations

import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HANG, DROP = "hang", "drop"


def closed_port() -> int:
    """A port on 127.0.0.1 with nothing listening (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class LocalSite:
    """`with LocalSite(routes) as site:` serves them at `site.origin`."""

    def __init__(self, routes: dict[str, object]) -> None:
        self.routes = routes
        self.requests: list[tuple[str, str, str]] = []
        self.closed = closed_port()
        self._release = threading.Event()
        self._lock = threading.Lock()

    def __enter__(self) -> "LocalSite":
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):
                with site._lock:
                    site.requests.append((self.path, self.headers.get("Host", ""),
                                          self.headers.get("User-Agent", "")))
                route = site.routes.get(self.path, (404, "text/html", "<p>not here</p>"))
                if route == HANG:
                    site._release.wait()  # until the test stops the server
                    route = (200, "text/html", "<p>too late</p>")
                if route == DROP:
                    self.close_connection = True
                    return
                if route[0] == "redirect":
                    _, status, location = route
                    self.send_response(status)
                    self.send_header("Location", location)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                status, content_type, body = route
                data = body if isinstance(body, bytes) else body.format(
                    origin=site.origin, port=site.port, closed=site.closed).encode()
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):  # keep test output clean
                pass

        class Server(ThreadingHTTPServer):
            daemon_threads = True

            def handle_error(self, request, client_address):
                pass  # a client that gave up on a hanging page is not an error here

        self._server = Server(("127.0.0.1", 0), Handler)
        self.port = self._server.server_address[1]
        self.origin = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        name="local-site")
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._release.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()

    def paths(self) -> list[str]:
        """The paths requested, in order."""
        with self._lock:
            return [path for path, _, _ in self.requests]
