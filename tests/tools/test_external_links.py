"""tools/external_links.py against a server on 127.0.0.1 that answers each way a site can."""
from __future__ import annotations

import http.server
import socket
import threading

import pytest

from tools import external_links


class Handler(http.server.BaseHTTPRequestHandler):
    def _answer(self, with_body: bool):
        codes = {"/ok": 200, "/gone": 404, "/broken": 500, "/busy": 429, "/moved": 301}
        if self.path == "/no-head":
            code = 405 if self.command == "HEAD" else 200
        else:
            code = codes.get(self.path, 404)
        self.send_response(code)
        if code == 301:
            self.send_header("Location", "/ok")
        self.send_header("Content-Length", "2")
        self.end_headers()
        if with_body:
            self.wfile.write(b"ok")

    def do_HEAD(self):
        self._answer(False)

    def do_GET(self):
        self._answer(True)

    def log_message(self, *args):
        pass


@pytest.fixture
def base():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_broken_links_are_found_with_their_answer_and_pages(tmp_path, base):
    dead = f"http://127.0.0.1:{closed_port()}/x"
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        f'<a href="{base}/ok">1</a><a href="{base}/gone#part">2</a><a href="{base}/no-head">3</a>'
        f'<a href="{base}/moved">4</a><a href="{dead}">5</a><a href="mailto:x@example.org">6</a>')
    (tmp_path / "a" / "index.html").write_text(f'<a href="{base}/gone">2</a><a href="{base}/busy">7</a>'
                                                f'<a href="{base}/broken">8</a>')
    found = external_links.broken(tmp_path, timeout=5, local_hosts=())
    assert {url.removeprefix(base): answer for url, (answer, _) in found.items()} == {
        "/gone": 404, "/busy": 429, "/broken": 500, dead.removeprefix(base): "ConnectionRefusedError"}
    assert found[f"{base}/gone"][1] == ["a/index.html", "index.html"]
    report = external_links.markdown(found)
    assert f"| {base}/gone | 404 | a/index.html, index.html |" in report
    assert f"{base}/ok" not in report and "/no-head" not in report


def test_the_exit_status_ignores_rate_limiting_alone(tmp_path, base, monkeypatch):
    # the command line leaves 127.0.0.1 out, so point its link list at the test server
    monkeypatch.setattr(external_links, "external_links",
                        lambda site, local_hosts=(): {f"{base}/busy": ["index.html"]})
    assert external_links.main([str(tmp_path), "--markdown", str(tmp_path / "r.md")]) == 0
    assert "| 429 |" in (tmp_path / "r.md").read_text()
    monkeypatch.setattr(external_links, "external_links",
                        lambda site, local_hosts=(): {f"{base}/gone": ["index.html"]})
    assert external_links.main([str(tmp_path)]) == 1


def test_a_site_with_no_broken_link_says_so(tmp_path):
    (tmp_path / "index.html").write_text('<a href="about/">local only</a>')
    assert external_links.markdown(external_links.broken(tmp_path)) == "Every external link answered.\n"
