"""hooks/vendor_assets.py: pinned npm packages, verified, cached, refetched when changed."""
from __future__ import annotations

import base64
import hashlib
import io
import tarfile
import pytest
from mkdocs.exceptions import PluginError

from hooks import vendor_assets


def fake_tarball(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, data in files.items():
            info = tarfile.TarInfo(f"package/{name}")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


@pytest.fixture
def fake_registry(monkeypatch, tmp_path):
    """A package 'demo' served from memory instead of the npm registry."""
    tarball = fake_tarball({"dist/demo.min.js": b"js", "dist/fonts/a.woff2": b"f", "dist/fonts/a.ttf": b"t",
                            "LICENSE": b"MIT", "README.md": b"readme"})
    integrity = "sha512-" + base64.b64encode(hashlib.sha512(tarball).digest()).decode()
    monkeypatch.setattr(vendor_assets, "CACHE", tmp_path)
    monkeypatch.setattr(vendor_assets, "PACKAGES", {"demo": {
        "version": "1.0.0", "integrity": integrity,
        "files": ["dist/demo.min.js", "dist/fonts/*.woff2", "LICENSE"]}})
    downloads = []

    def urlopen(url, timeout):
        downloads.append(url)
        return io.BytesIO(tarball)

    monkeypatch.setattr(vendor_assets.urllib.request, "urlopen", urlopen)
    return downloads


def test_vendor_unpacks_only_the_pinned_files_once(fake_registry, tmp_path):
    folder = vendor_assets.ensure_package("demo")
    unpacked = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    assert unpacked == [".stamp.json", "LICENSE", "demo.min.js", "fonts/a.woff2"]
    vendor_assets.ensure_package("demo")
    assert fake_registry == ["https://registry.npmjs.org/demo/-/demo-1.0.0.tgz"]


def test_vendor_fetches_again_when_a_cached_file_was_changed(fake_registry):
    folder = vendor_assets.ensure_package("demo")
    (folder / "demo.min.js").write_bytes(b"tampered")
    vendor_assets.ensure_package("demo")
    assert (folder / "demo.min.js").read_bytes() == b"js"
    assert len(fake_registry) == 2


def test_vendor_refuses_a_tarball_that_does_not_match_its_integrity(fake_registry, monkeypatch):
    monkeypatch.setitem(vendor_assets.PACKAGES["demo"], "integrity", "sha512-" + "A" * 86 + "==")
    with pytest.raises(PluginError, match="does not match its pinned integrity"):
        vendor_assets.ensure_package("demo")


def test_vendor_says_what_to_do_when_offline_with_an_empty_cache(fake_registry, monkeypatch):
    def offline(url, timeout):
        raise OSError("no route to host")

    monkeypatch.setattr(vendor_assets.urllib.request, "urlopen", offline)
    with pytest.raises(PluginError, match="first build needs the npm registry"):
        vendor_assets.ensure_package("demo")


def test_every_pinned_package_is_in_the_cache_and_matches_its_pin():
    for name, spec in vendor_assets.PACKAGES.items():
        folder = vendor_assets.ensure_package(name)
        assert vendor_assets._cache_is_intact(folder, spec["integrity"])
        assert (folder / "LICENSE").exists(), f"{name}: its licence must ship with it"
