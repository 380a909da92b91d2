"""Serve KaTeX from the site itself, never from a CDN; keep mermaid for the build.

Each package is pinned to one version from the npm registry and to the
`dist.integrity` hash the registry publishes for that tarball. The first build
downloads the tarball, checks the hash, and unpacks only the files the site
serves into `.cache/vendor/`, with a stamp recording each file's SHA-256; later
builds check the files against the stamp and work offline. A file changed in the
cache is caught, and the package is fetched again. The files are
added to the build as `assets/vendor/<package>/...`; overrides/main.html loads
KaTeX only on pages that contain math.

A package marked `"serve": False` is fetched the same way but not published:
mermaid is run only at build time, by hooks/diagrams.py, which draws every
diagram as inline SVG; axe-core is used only by the accessibility tests.

To upgrade: change `version` and `integrity` (from `npm view <pkg>@<version>
dist.integrity`), build, and look at the diagrams and math in the browser.
"""
from __future__ import annotations

import base64
import fnmatch
import hashlib
import io
import json
import logging
import shutil
import tarfile
import urllib.request
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from hooks.lib.definitions import ROOT

log = logging.getLogger("mkdocs.hooks.vendor_assets")

CACHE = ROOT / ".cache" / "vendor"
REGISTRY = "https://registry.npmjs.org"
SITE_PREFIX = "assets/vendor"
STAMP = ".stamp.json"

PACKAGES: dict[str, dict] = {
    "mermaid": {
        "version": "11.17.2",
        "integrity": "sha512-V6K3C8EBdEsPFZXSKMJe6ppQOENxuHARr9GvHX4hh47lAbhMRD9qf4oEK7LoaRQxULMa80/qt5gHO73aCleBBg==",
        "files": ["dist/mermaid.min.js", "LICENSE"],
        "serve": False,  # build time only (hooks/diagrams.py): no page ships it
    },
    "katex": {
        "version": "0.19.1",
        "integrity": "sha512-jG8uKntjSEcm2EpQOh0XturpPuuC9r3Sq5HLHdsFdWZT27E672SF19QEi+of0/YeOy15lDgRhKvr5614uRrEfA==",
        # woff2 only: every browser that runs the theme takes the first format listed.
        "files": ["dist/katex.min.js", "dist/katex.min.css", "dist/contrib/auto-render.min.js",
                  "dist/fonts/*.woff2", "LICENSE"],
    },
    "axe-core": {  # tests only (tests/site/test_accessibility.py); MPL-2.0
        "version": "4.14.1",
        "integrity": "sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ==",
        "files": ["axe.min.js", "LICENSE"],
        "serve": False,
    },
}


def matches_integrity(data: bytes, integrity: str) -> bool:
    """True when `data` has the Subresource-Integrity style hash `integrity`.

    >>> matches_integrity(b"abc", "sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=")
    True
    >>> matches_integrity(b"abd", "sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=")
    False
    """
    algorithm, _, expected = integrity.partition("-")
    digest = hashlib.new(algorithm, data).digest()
    return base64.b64encode(digest).decode() == expected


def unpacked_dir(name: str) -> Path:
    return CACHE / f"{name}-{PACKAGES[name]['version']}"


def _digests(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != STAMP}


def _cache_is_intact(target: Path, integrity: str) -> bool:
    try:
        stamp = json.loads((target / STAMP).read_text())
    except (OSError, ValueError):
        return False
    return stamp.get("integrity") == integrity and stamp.get("files") == _digests(target)


def ensure_package(name: str) -> Path:
    """Download, verify and unpack one pinned package, unless the cache holds it intact."""
    spec = PACKAGES[name]
    target = unpacked_dir(name)
    if _cache_is_intact(target, spec["integrity"]):
        return target
    url = f"{REGISTRY}/{name}/-/{name}-{spec['version']}.tgz"
    log.info("fetching %s@%s from the npm registry", name, spec["version"])
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            data = response.read()
    except OSError as error:
        raise PluginError(f"vendor_assets: cannot download {url} ({error}); the first build "
                          f"needs the npm registry, later builds use {CACHE}") from error
    if not matches_integrity(data, spec["integrity"]):
        raise PluginError(f"vendor_assets: {url} does not match its pinned integrity hash")
    if target.exists():
        shutil.rmtree(target)
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        for member in archive.getmembers():
            relative = member.name.removeprefix("package/")
            if member.isfile() and any(fnmatch.fnmatch(relative, p) for p in spec["files"]):
                destination = target / relative.removeprefix("dist/")
                destination.parent.mkdir(parents=True, exist_ok=True)
                destination.write_bytes(archive.extractfile(member).read())
    missing = [p for p in spec["files"] if not any(target.glob(p.removeprefix("dist/")))]
    if missing:
        raise PluginError(f"vendor_assets: {name}@{spec['version']} has no {', '.join(missing)}")
    (target / STAMP).write_text(json.dumps({"integrity": spec["integrity"],
                                            "files": _digests(target)}, indent=1))
    return target


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for name, spec in PACKAGES.items():
        if not spec.get("serve", True):
            continue
        folder = ensure_package(name)
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.name != STAMP):
            uri = f"{SITE_PREFIX}/{name}/{path.relative_to(folder).as_posix()}"
            files.append(File.generated(config, uri, abs_src_path=str(path)))
    return files
