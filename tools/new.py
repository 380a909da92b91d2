"""Scaffold a new page with its code and tests, from the templates in docs/_templates/.

    python3 dev.py new design rate-limiter --title "Design a rate limiter"
    python3 dev.py new coding bank-ledger --title "A bank ledger in four levels"
    python3 dev.py new notebook kv-cache-sizing --title "Sizing a KV cache"

What each kind writes, where, and under which nav section is defined once, in
schema/kinds.yml (`section`, `nav`, `scaffold`). The page, its snippet folder and
its tests share one naming key. Each template section carries a `write:` note
saying what it needs; the page checks fail until every note is replaced, so a
half-written page cannot be published by accident.
"""
from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path
from string import Template

from hooks.lib.definitions import ROOT, kinds

_NAV_SECTION = re.compile(r"^  - ([^:\n]+):\s*$")


def scaffolded_kinds() -> list[str]:
    """Kinds `dev.py new` can write: those with a `scaffold` list in schema/kinds.yml."""
    return sorted(name for name, spec in kinds().items() if spec["scaffold"])


def plan(kind: str, slug: str, title: str, root: Path = ROOT,
         today: dt.date | None = None) -> dict[Path, str]:
    """The files to write, with their text; nothing is written.

    >>> files = plan("design", "rate-limiter", "Design a rate limiter", today=dt.date(2026, 1, 2))
    >>> sorted(p.relative_to(ROOT).as_posix() for p in files if p.name != "__init__.py")
    ['docs/design/rate-limiter.md', 'snippets/design/rate_limiter/estimates.py', 'tests/design/test_rate_limiter.py']
    >>> 'title: "Design a rate limiter"' in files[ROOT / "docs/design/rate-limiter.md"]
    True
    """
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug):
        raise ValueError(f"slug {slug!r}: use lowercase words joined by hyphens, e.g. rate-limiter")
    spec = kinds()[kind]
    values = {"section": spec["section"], "slug": slug, "key": slug.replace("-", "_"),
              "title": title.replace('"', "'"), "date": (today or dt.date.today()).isoformat()}
    files: dict[Path, str] = {}
    for step in spec["scaffold"]:
        text = (root / "docs" / "_templates" / step["template"]).read_text(encoding="utf-8")
        files[root / Template(step["to"]).substitute(values)] = Template(text).safe_substitute(values)
    # Code folders are packages, so doctests and tests import them by name.
    for path in list(files):
        top = path.relative_to(root).parts[0]
        if path.suffix == ".py" and top in {"snippets", "tests"}:
            folder = path.parent
            while folder != root / top:
                init = folder / "__init__.py"
                if not init.exists():
                    files.setdefault(init, f'"""Code for docs/{spec["section"]}/{slug}."""\n')
                folder = folder.parent
    return files


def add_to_nav(mkdocs_yml: str, kind: str, page: str) -> str:
    """Append the page to its kind's nav section; a missing section is created
    after the last section of a kind that comes before it in schema/kinds.yml
    (or before the first that comes after it, or at the end of the nav).

    >>> yml = ("nav:\\n  - Home: index.md\\n  - System design:\\n      - design/a.md\\n"
    ...        "  - About:\\n      - about/index.md\\n")
    >>> print(add_to_nav(yml, "design", "design/b.md"))
    nav:
      - Home: index.md
      - System design:
          - design/a.md
          - design/b.md
      - About:
          - about/index.md
    <BLANKLINE>
    >>> add_to_nav(yml, "notebook", "notebooks/n.py").splitlines()[4:6]
    ['  - Notebooks:', '      - notebooks/n.py']
    """
    order = [spec.get("nav") for spec in kinds().values()]
    label = kinds()[kind]["nav"]
    lines = mkdocs_yml.splitlines(keepends=True)
    start = lines.index("nav:\n") + 1
    end = next((i for i in range(start, len(lines)) if lines[i].strip() and not lines[i].startswith(" ")),
               len(lines))
    sections = {m.group(1): i for i in range(start, end) if (m := _NAV_SECTION.match(lines[i]))}

    def section_end(at: int) -> int:
        at += 1
        while at < end and lines[at].startswith("      "):
            at += 1
        return at

    if label in sections:
        lines.insert(section_end(sections[label]), f"      - {page}\n")
        return "".join(lines)
    mine = order.index(label)
    before = [sections[n] for n in order[:mine] if n in sections]
    after = [sections[n] for n in order[mine + 1:] if n in sections]
    at = section_end(max(before)) if before else (min(after) if after else end)
    lines[at:at] = [f"  - {label}:\n", f"      - {page}\n"]
    return "".join(lines)


def main(argv: list[str], root: Path = ROOT) -> int:
    parser = argparse.ArgumentParser(prog="python3 dev.py new", description=__doc__.split("\n\n")[0])
    parser.add_argument("kind", choices=scaffolded_kinds())
    parser.add_argument("slug", help="lowercase-with-hyphens; also the page's address")
    parser.add_argument("--title", required=True)
    args = parser.parse_args(argv)
    try:
        files = plan(args.kind, args.slug, args.title, root)
    except ValueError as error:
        print(f"new: {error}", file=sys.stderr)
        return 2
    taken = [p for p in files if p.exists() and p.name != "__init__.py"]
    if taken:
        print(f"new: {taken[0].relative_to(root)} already exists; nothing written", file=sys.stderr)
        return 2
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"created {path.relative_to(root)}")
    page = next(p for p in files if p.relative_to(root).parts[0] == "docs").relative_to(root / "docs")
    config = root / "mkdocs.yml"
    config.write_text(add_to_nav(config.read_text(encoding="utf-8"), args.kind, page.as_posix()))
    print(f"added {page.as_posix()} to the nav in mkdocs.yml")
    print("next: replace every `write:` note, then run python3 dev.py serve and python3 dev.py test")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
