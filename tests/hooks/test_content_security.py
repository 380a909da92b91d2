"""hooks/content_security.py: one policy, with every page's inline-script hashes, placed
before the first script of every built page; none under `mkdocs serve`."""
from __future__ import annotations

from types import SimpleNamespace

from hooks import content_security
from hooks.content_security import inline_script_hashes

PAGE = '<!doctype html><html><head><meta charset="utf-8"><title>T</title>{head}</head><body>{body}</body></html>'


def build(tmp_path, command="build"):
    (tmp_path / "a").mkdir()
    pages = {
        tmp_path / "index.html": PAGE.format(head="<script>theme()</script>", body=""),
        tmp_path / "a" / "index.html": PAGE.format(head='<script src="x.js"></script>',
                                                   body='<script>copy()</script>'
                                                        '<script type="application/json">{"a": 1}</script>'),
        tmp_path / "404.html": PAGE.format(head="<script>theme()</script>", body=""),
    }
    for path, html in pages.items():
        path.write_text(html, encoding="utf-8")
    content_security.on_startup(command=command, dirty=False)
    content_security.on_post_build(config=SimpleNamespace(site_dir=str(tmp_path)))
    return {path.relative_to(tmp_path).as_posix(): path.read_text(encoding="utf-8") for path in pages}


def policy_of(html: str) -> str:
    start = html.index('http-equiv="Content-Security-Policy" content="') + len('http-equiv="Content-Security-Policy" content="')
    return html[start:html.index('"', start)]


def test_every_page_gets_one_policy_with_every_pages_inline_scripts(tmp_path):
    built = build(tmp_path)
    policies = {policy_of(html) for html in built.values()}
    assert len(policies) == 1  # instant navigation keeps the first page's policy
    policy = policies.pop()
    expected = inline_script_hashes("<script>theme()</script><script>copy()</script>")
    script_src = next(d for d in policy.split("; ") if d.startswith("script-src "))
    assert set(script_src.split()[2:]) == expected and len(expected) == 2
    assert "object-src 'none'" in policy and "default-src 'self'" in policy
    assert all(html.count("Content-Security-Policy") == 1 for html in built.values())


def test_the_policy_comes_before_any_script(tmp_path):
    for html in build(tmp_path).values():
        assert html.index("Content-Security-Policy") < html.index("<script")
        assert html.index('<meta charset="utf-8">') < html.index("Content-Security-Policy")


def test_json_data_blocks_need_no_hash():
    assert inline_script_hashes('<script type="application/json">{"a": 1}</script>') == set()
    assert inline_script_hashes("<script type=module>go()</script>") != set()


def test_serve_gets_no_policy_so_live_reload_works(tmp_path):
    built = build(tmp_path, command="serve")
    assert not any("Content-Security-Policy" in html for html in built.values())
    content_security.on_startup(command="build", dirty=False)
