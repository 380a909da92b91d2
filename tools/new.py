"""Scaffold a new page with its code and tests, from the templates in docs/_templates/.

    python3 dev.py new design rate-limiter --title "Design a rate limiter"
    python3 dev.py new coding bank-ledger --title "A bank ledger in four levels"
    python3 dev.py new notebook kv-cache-sizing --title "Sizing a KV cache"

It writes the page, its snippet folder and its tests under one naming key, and
adds the page to the nav in mkdocs.yml. Each template section carries a
`write:` note saying what it needs; the page checks fail until every note is
replaced, so a half-written page cannot be published by accident.
"""
from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path
from string import Template

ROOT = Path(__file__).resolve().parent.parent

# kind -> (docs section, nav label)
SECTIONS = {
    "coding": ("coding", "Coding"),
    "design": ("design", "System design"),
    "notebook": ("notebooks", "Notebooks"),
    "round": ("rounds", "Rounds"),
    "role-guide": ("guides", "Role guides"),
    "behavioral": ("behavioral", "Behavioral"),
}
# kind -> [(template in docs/_templates, destination)]; $section $slug $key expand.
FILES = {
    "coding": [("coding.md", "docs/$section/$slug.md"),
               ("coding.solution.py", "snippets/$section/$key/solution.py"),
               ("coding.starter.py", "snippets/$section/$key/starter.py"),
               ("coding.test_level1.py", "tests/$section/$key/test_level1.py")],
    "design": [("design.md", "docs/$section/$slug.md"),
               ("design.snippet.py", "snippets/$section/$key/estimates.py"),
               ("design.test.py", "tests/$section/test_$key.py")],
    "notebook": [("notebook.py", "docs/$section/$slug.py"),
                 ("notebook.model.py", "snippets/$section/$key/model.py"),
                 ("notebook.test.py", "tests/$section/test_$key.py")],
    "round": [("round.md", "docs/$section/$slug.md")],
    "role-guide": [("role-guide.md", "docs/$section/$slug.md")],
    "behavioral": [("behavioral.md", "docs/$section/$slug.md")],
}


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
    section = SECTIONS[kind][0]
    values = {"section": section, "slug": slug, "key": slug.replace("-", "_"),
              "title": title.replace('"', "'"), "date": (today or dt.date.today()).isoformat()}
    files: dict[Path, str] = {}
    for template, destination in FILES[kind]:
        text = (root / "docs" / "_templates" / template).read_text(encoding="utf-8")
        files[root / Template(destination).substitute(values)] = Template(text).safe_substitute(values)
    # Code folders are packages, so doctests and tests import them by name.
    for path in list(files):
        top = path.relative_to(root).parts[0]
        if path.suffix == ".py" and top in {"snippets", "tests"}:
            folder = path.parent
            while folder != root / top:
                init = folder / "__init__.py"
                if not init.exists():
                    files.setdefault(init, f'"""Code for docs/{section}/{slug}."""\n')
                folder = folder.parent
    return files


def add_to_nav(mkdocs_yml: str, kind: str, page: str) -> str:
    """Append the page to its section of the nav, creating the section if needed.

    >>> print(add_to_nav("nav:\\n  - Home: index.md\\n  - System design:\\n      - design/a.md\\n"
    ...                  "  - About:\\n      - about/index.md\\n", "design", "design/b.md"))
    nav:
      - Home: index.md
      - System design:
          - design/a.md
          - design/b.md
      - About:
          - about/index.md
    <BLANKLINE>
    """
    label = SECTIONS[kind][1]
    lines = mkdocs_yml.splitlines(keepends=True)
    heading = f"  - {label}:\n"
    if heading in lines:
        at = lines.index(heading) + 1
        while at < len(lines) and lines[at].startswith("      "):
            at += 1
        lines.insert(at, f"      - {page}\n")
    else:  # a new section goes before "Find a problem", or at the end
        marker = "  - Find a problem:\n"
        at = lines.index(marker) if marker in lines else len(lines)
        lines[at:at] = [heading, f"      - {page}\n"]
    return "".join(lines)


def main(argv: list[str], root: Path = ROOT) -> int:
    parser = argparse.ArgumentParser(prog="python3 dev.py new", description=__doc__.split("\n\n")[0])
    parser.add_argument("kind", choices=sorted(FILES))
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
