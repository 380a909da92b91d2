"""Tree builders and a second, naive model of the finder, for the tests.

The model shares no code with the reference: it recurses with os.scandir
(never following links), reads every regular file whole with the built-in
open, and groups files by their bytes. `unique_prefix` gives, for each file,
how far into it one must read before it differs from every other file of its
size: the yardstick of level 3's reading rule. `run` calls a finder through an
opener that counts what it opens and reads.
"""
from __future__ import annotations

import os
import random
from collections import defaultdict
from pathlib import Path
from typing import NamedTuple

from snippets.coding.duplicate_file_finder.counting import CountingOpener


class Symlink(NamedTuple):
    target: str  # as written in the link: relative to the link's folder, or absolute


class HardLink(NamedTuple):
    target: str  # a path in the same tree, created earlier


def build(root: Path, spec: dict) -> Path:
    """Create the files of `spec` (relative path -> bytes, Symlink or HardLink) under root."""
    for name, what in spec.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(what, Symlink):
            path.symlink_to(what.target)
        elif isinstance(what, HardLink):
            os.link(root / what.target, path)
        else:
            path.write_bytes(what)
    return root


def contents(root: Path) -> dict[str, tuple[bytes, tuple[int, int]]]:
    """Relative path -> (bytes, (device, inode)) for every regular file, links not followed."""
    found = {}

    def visit(folder: Path) -> None:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    visit(Path(entry.path))
                elif entry.is_file(follow_symlinks=False):
                    info = entry.stat(follow_symlinks=False)
                    found[Path(entry.path).relative_to(root).as_posix()] = (
                        Path(entry.path).read_bytes(), (info.st_dev, info.st_ino))
    visit(root)
    return found


def naive_groups(root: Path, hard_links_as_one: bool = True) -> list[list[str]]:
    files = contents(root)
    if hard_links_as_one:
        first = {}
        for name in sorted(files):
            first.setdefault(files[name][1], name)
        files = {name: files[name] for name in first.values()}
    by_bytes = defaultdict(list)
    for name, (data, _) in files.items():
        if data:
            by_bytes[data].append(name)
    return sorted(sorted(group) for group in by_bytes.values() if len(group) > 1)


def unique_prefix(root: Path) -> dict[str, int]:
    """For each file: the bytes one must read before it differs from every other
    file of its size (another inode); its size if it has a twin or no rival."""
    files = contents(root)
    needed = {}
    for name, (data, inode) in files.items():
        rivals = [other for other, (d, i) in files.items() if len(d) == len(data) and i != inode]
        common = 0
        for other in rivals:
            theirs = files[other][0]
            same = next((k for k in range(len(data)) if data[k] != theirs[k]), len(data))
            common = max(common, same)
        needed[name] = min(len(data), common + 1) if rivals else 0
    return needed


def random_spec(seed: int, hard_links: bool = False) -> dict:
    """A small tree: a few size classes, families of files sharing prefixes of
    random lengths, exact copies, empty files, folders, and links to skip."""
    rng = random.Random(seed)
    spec: dict = {}
    names = iter(f"{folder}f{i}.bin" for i, folder in
                 enumerate(rng.choice(["", "a/", "a/b/", "c/"]) for _ in range(1000)))
    for _ in range(rng.randint(1, 4)):
        size = rng.choice([1, 7, 4096, 5000, 12_000, 40_000])
        base = rng.randbytes(size)
        for _ in range(rng.randint(1, 4)):
            data = bytearray(base)
            if rng.random() < 0.6:
                at = rng.randrange(size)
                data[at] = (data[at] + 1) % 256
            spec[next(names)] = bytes(data)
    for name, data in list(spec.items()):
        if rng.random() < 0.25:
            spec[next(names)] = data  # an exact copy
    if rng.random() < 0.5:
        spec[next(names)] = b""
        spec[next(names)] = b""
    spec["link-to-file"] = Symlink(next(iter(spec)))  # the link sits in the root folder
    spec["loop"] = Symlink(".")  # a link to the root folder itself
    if hard_links:
        for name in list(spec):
            if not isinstance(spec[name], Symlink) and rng.random() < 0.3:
                spec[next(names)] = HardLink(name)
    return spec


def run(find_duplicates, root, **opener_options):
    """`find_duplicates(root)` through a counting opener: (its answer, the opener)."""
    opener = CountingOpener(root, **opener_options)
    return find_duplicates(str(root), opener), opener
