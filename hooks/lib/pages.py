"""Reading pages: front matter, headings, sections, and which files are pages.

A page is a Markdown file under docs/, or a jupytext `.py` notebook in the
folder of a kind whose suffix is `.py` (schema/kinds.yml); folders starting with
`_` (templates) and `assets/` hold no pages.
"""
from __future__ import annotations

import copy
import datetime as dt
import functools
import re
from pathlib import Path
from typing import Any, Iterator

import yaml

from hooks.lib.definitions import DOCS, notebook_sections

_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: same result, faster
_H2 = re.compile(r"^##\s+(.+?)\s*(\{[^}]*\})?\s*$")


def is_notebook_page(src_uri: str) -> bool:
    """Is this docs-relative path a notebook page?

    >>> is_notebook_page("notebooks/x.py"), is_notebook_page("coding/x.md"), is_notebook_page("x.py")
    (True, False, False)
    """
    section, _, rest = src_uri.partition("/")
    return src_uri.endswith(".py") and "/" not in rest and section in notebook_sections()


def notebook_globs() -> list[str]:
    """mkdocs-jupyter's `include` patterns, one per notebook folder.

    >>> notebook_globs()
    ['notebooks/*.py']
    """
    return [f"{section}/*.py" for section in notebook_sections()]


def split_front_matter(text: str, notebook: bool = False) -> tuple[dict[str, Any], str]:
    """Return (front matter, body). A notebook keeps it in its `# ---` header.

    >>> split_front_matter("---\\ntitle: T\\n---\\n# Hi\\n")
    ({'title': 'T'}, '# Hi\\n')
    >>> split_front_matter("# ---\\n# title: T\\n# jupyter: {}\\n# ---\\n\\n# %%\\n", notebook=True)
    ({'title': 'T'}, '\\n# %%\\n')
    >>> split_front_matter("no front matter")
    ({}, 'no front matter')
    """
    opener = "# ---" if notebook else "---"
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != opener:
        return {}, text
    for end in range(1, len(lines)):
        if lines[end].rstrip() == opener:
            block = lines[1:end]
            if notebook:
                block = [re.sub(r"^# ?", "", line) for line in block]
            data = yaml.load("".join(block), Loader=_LOADER) or {}
            if not isinstance(data, dict):
                return {"__invalid__": data}, "".join(lines[end + 1:])
            data.pop("jupyter", None)
            return data, "".join(lines[end + 1:])
    return {}, text


def read_page(path: Path) -> tuple[dict[str, Any], str]:
    """Front matter (dates as ISO strings) and Markdown body of a page or notebook.

    Each hook, the catalog lists and the checks read pages many times in one build, so a
    page is parsed once per version of the file (its path, size and modification time);
    each caller gets its own copy of the front matter.
    """
    stat = path.stat()
    meta, body = _read_page(Path(path), stat.st_mtime_ns, stat.st_size)
    return copy.deepcopy(meta), body


@functools.lru_cache(maxsize=2048)
def _read_page(path: Path, mtime_ns: int, size: int) -> tuple[dict[str, Any], str]:
    text = path.read_text(encoding="utf-8")
    notebook = path.suffix == ".py"
    meta, body = split_front_matter(text, notebook=notebook)
    meta = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in meta.items()}
    if notebook:
        body = _notebook_markdown(path)
    return meta, body


def _notebook_markdown(path: Path) -> str:
    import jupytext  # only needed for notebooks

    notebook = jupytext.read(path)
    return "\n\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")


def sections(markdown: str) -> list[tuple[str, set[str], str]]:
    """Second-level sections outside fenced code: (title, classes, body).

    >>> [(t, c) for t, c, _ in sections("intro\\n## One {#one .ours}\\n```\\n## not\\n```\\n### three\\n## Two\\nx\\n")]
    [('One', {'ours'}), ('Two', set())]
    >>> sections("## Two\\nx\\n")[0][2]
    'x\\n'
    """
    found: list[tuple[str, set[str], list[str]]] = []
    fence = None
    for line in markdown.splitlines(keepends=True):
        opening = _FENCE.match(line)
        if opening:
            marker = opening.group(1)[0] * 3
            fence = marker if fence is None else (None if marker == fence else fence)
        elif fence is None and (match := _H2.match(line)):
            classes = set(re.findall(r"\.([\w-]+)", match.group(2) or ""))
            found.append((match.group(1), classes, []))
            continue
        if found:
            found[-1][2].append(line)
    return [(title, classes, "".join(body)) for title, classes, body in found]


def headings(markdown: str) -> list[str]:
    """Second-level ATX headings outside fenced code, without attribute lists.

    >>> headings("## One {#one}\\n```\\n## not\\n```\\n### three\\n## Two\\n")
    ['One', 'Two']
    """
    return [title for title, _, _ in sections(markdown)]


def pages(docs: Path = DOCS) -> Iterator[Path]:
    """Every page of the site: Markdown files and notebooks, templates and assets excluded."""
    for path in sorted(docs.rglob("*")):
        relative = path.relative_to(docs)
        if relative.parts[0].startswith("_") or relative.parts[0] == "assets":
            continue
        if path.suffix == ".md" or is_notebook_page(relative.as_posix()):
            yield path


def page_id(path: Path, docs: Path = DOCS) -> str:
    """The id tests use for a page: its path under docs/.

    >>> page_id(DOCS / "coding" / "x.md")
    'coding/x.md'
    """
    return path.relative_to(docs).as_posix()
