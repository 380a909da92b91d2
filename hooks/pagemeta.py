"""Page metadata: read front matter and headings, and check them against schema/.

Shared by the build hooks and the tests, so that a page fails in the same way,
with the same one-line message, in `mkdocs serve`, in `mkdocs build --strict`
and in `pytest`. Not a hook itself.

A problem is reported as ``<file>: <field>: <what is wrong>``; headings are
reported under the field name ``headings``.

Run it on its own to check every page:  python -m hooks.pagemeta
"""
from __future__ import annotations

import datetime as dt
import functools
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import jsonschema
import yaml

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_DIR = ROOT / "schema"
DOCS = ROOT / "docs"
COMMON_FIELDS = ["title", "description", "kind", "last_reviewed"]
THEME_FIELDS = ["hide", "search", "icon", "status"]  # Material's own keys
NOTEBOOK_DIR, NOTEBOOK_SUFFIX = "notebooks", ".py"  # docs/notebooks/*.py are notebook pages
SOURCES_MARKER = "<!-- sources -->"
GUIDANCE_MARKER = "<!-- write:"  # how templates tell an author what a section needs

_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_H2 = re.compile(r"^##\s+(.+?)\s*(?:\{[^}]*\})?\s*$")


@functools.cache
def taxonomy() -> dict[str, dict[str, Any]]:
    """The vocabulary in schema/taxonomy.yml: roles, rounds, topics, difficulties, sources."""
    return yaml.safe_load((SCHEMA_DIR / "taxonomy.yml").read_text(encoding="utf-8"))


@functools.cache
def kinds() -> dict[str, dict[str, Any]]:
    """Page kinds from schema/kinds.yml, headings normalised to {title, optional}."""
    raw = yaml.safe_load((SCHEMA_DIR / "kinds.yml").read_text(encoding="utf-8"))["kinds"]
    for spec in raw.values():
        spec["headings"] = [h if isinstance(h, dict) else {"title": h} for h in spec["headings"]]
        for heading in spec["headings"]:
            heading.setdefault("optional", False)
        spec.setdefault("catalog", False)
    return raw


def _id_list(ids: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "minItems": 1, "uniqueItems": True, "items": {"enum": sorted(ids)}}


@functools.cache
def schema() -> dict[str, Any]:
    """The one JSON Schema for front matter, built from schema/taxonomy.yml and schema/kinds.yml."""
    tax, all_kinds = taxonomy(), kinds()
    properties: dict[str, Any] = {
        "title": {"type": "string", "minLength": 3, "maxLength": 80},
        "description": {"type": "string", "minLength": 50, "maxLength": 170},
        "kind": {"enum": sorted(all_kinds)},
        "last_reviewed": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
        "roles": _id_list(tax["roles"]),
        "rounds": _id_list(tax["rounds"]),
        "topics": _id_list(tax["topics"]),
        "sources": _id_list(tax["sources"]),
        "difficulty": {"enum": sorted(tax["difficulties"])},
        "plot_alt": {"type": "array", "minItems": 1,
                     "items": {"type": "string", "minLength": 20, "maxLength": 300}},
        "hide": {"type": "array", "items": {"enum": ["navigation", "toc", "footer", "tags", "path"]}},
        "search": {"type": "object"},
        "icon": {"type": "string"},
        "status": {"type": "string"},
    }
    per_kind = [
        {
            "if": {"properties": {"kind": {"const": name}}, "required": ["kind"]},
            "then": {
                "required": spec["fields"],
                "propertyNames": {"enum": COMMON_FIELDS + spec["fields"] + THEME_FIELDS},
            },
        }
        for name, spec in all_kinds.items()
    ]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Front matter of a page",
        "type": "object",
        "required": COMMON_FIELDS,
        "properties": properties,
        "additionalProperties": False,
        "allOf": per_kind,
    }


@dataclass(frozen=True)
class Problem:
    path: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.field}: {self.message}"


# ---------------------------------------------------------------------------
# Reading pages
# ---------------------------------------------------------------------------

def is_notebook(path: Path) -> bool:
    return path.suffix == NOTEBOOK_SUFFIX


def is_notebook_page(src_uri: str) -> bool:
    """Is this docs-relative path a notebook page (mkdocs-jupyter's `include`)?

    >>> is_notebook_page("notebooks/x.py"), is_notebook_page("coding/x.md")
    (True, False)
    """
    return src_uri.startswith(f"{NOTEBOOK_DIR}/") and src_uri.endswith(NOTEBOOK_SUFFIX)


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
            data = yaml.safe_load("".join(block)) or {}
            if not isinstance(data, dict):
                return {"__invalid__": data}, "".join(lines[end + 1:])
            data.pop("jupyter", None)
            return data, "".join(lines[end + 1:])
    return {}, text


def read_page(path: Path) -> tuple[dict[str, Any], str]:
    """Front matter (dates as ISO strings) and Markdown body of a page or notebook."""
    text = path.read_text(encoding="utf-8")
    meta, body = split_front_matter(text, notebook=is_notebook(path))
    meta = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in meta.items()}
    if is_notebook(path):
        body = _notebook_markdown(path)
    return meta, body


def _notebook_markdown(path: Path) -> str:
    import jupytext  # only needed for notebooks

    notebook = jupytext.read(path)
    return "\n\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")


def headings(markdown: str) -> list[str]:
    """Second-level ATX headings outside fenced code, without attribute lists.

    >>> headings("## One {#one}\\n```\\n## not\\n```\\n### three\\n## Two\\n")
    ['One', 'Two']
    """
    found, fence = [], None
    for line in markdown.splitlines():
        opening = _FENCE.match(line)
        if opening:
            marker = opening.group(1)[0] * 3
            fence = marker if fence is None else (None if marker == fence else fence)
            continue
        if fence is None and (match := _H2.match(line)):
            found.append(match.group(1))
    return found


def pages(docs: Path = DOCS) -> Iterator[Path]:
    """Every page of the site: Markdown files and notebooks, templates excluded."""
    for path in sorted(docs.rglob("*")):
        relative = path.relative_to(docs)
        if relative.parts[0].startswith("_") or relative.parts[0] == "assets":
            continue
        if path.suffix == ".md" or is_notebook_page(relative.as_posix()):
            yield path


# ---------------------------------------------------------------------------
# Checking pages
# ---------------------------------------------------------------------------

def _explain(error: jsonschema.ValidationError, meta: dict[str, Any], where: str) -> list[Problem]:
    """Turn one schema error into one-line problems that name the field."""
    not_here = f"not a field for kind {meta.get('kind')!r} (see schema/kinds.yml)"
    if error.validator == "additionalProperties":
        known = schema()["properties"]
        return [Problem(where, str(name), not_here) for name in error.instance if name not in known]
    if "propertyNames" in error.absolute_schema_path:
        return [Problem(where, str(error.instance), not_here)]
    if error.validator == "required":
        return [Problem(where, re.match(r"'([^']+)'", error.message).group(1), "missing")]
    field = str(error.path[0]) if error.path else "front matter"
    value = error.instance
    messages = {
        "enum": lambda: f"unknown value {value!r} (allowed values are listed in "
                        f"{'schema/kinds.yml' if field == 'kind' else 'schema/taxonomy.yml'})",
        "minLength": lambda: f"too short ({len(value)} characters, at least {error.validator_value})",
        "maxLength": lambda: f"too long ({len(value)} characters, at most {error.validator_value})",
        "pattern": lambda: f"{value!r} is not a date written YYYY-MM-DD",
        "minItems": lambda: "must list at least one value",
    }
    return [Problem(where, field, messages.get(error.validator, lambda: error.message)())]


def check_front_matter(meta: dict[str, Any], where: str) -> list[Problem]:
    if "__invalid__" in meta:
        return [Problem(where, "front matter", "is not a mapping of field: value")]
    errors = jsonschema.Draft202012Validator(schema()).iter_errors(meta)
    problems = {problem for error in errors for problem in _explain(error, meta, where)}
    return sorted(problems, key=lambda p: (p.field, p.message))


def check_headings(kind: str, found: list[str], where: str) -> list[Problem]:
    """Every heading of the kind's anatomy present unless optional, none foreign, in order."""
    anatomy = kinds().get(kind, {}).get("headings", [])
    if not anatomy:
        return []
    order = [h["title"] for h in anatomy]
    problems = [
        Problem(where, "headings", f"'## {title}' is not a section of a {kind} page "
                                   f"(allowed: {', '.join(order)})")
        for title in found if title not in order
    ]
    problems += [
        Problem(where, "headings", f"missing section '## {h['title']}'")
        for h in anatomy if not h["optional"] and h["title"] not in found
    ]
    known = [order.index(title) for title in found if title in order]
    if known != sorted(known):
        problems.append(Problem(where, "headings", "sections out of order; expected: " + ", ".join(
            t for t in order if t in found)))
    return problems


def check_page(path: Path, docs: Path = DOCS) -> list[Problem]:
    where = path.relative_to(docs.parent).as_posix()
    try:
        meta, body = read_page(path)
    except yaml.YAMLError as error:
        return [Problem(where, "front matter", f"is not valid YAML ({str(error).splitlines()[0]})")]
    if not meta:
        return [Problem(where, "front matter", "missing (every page starts with a --- block)")]
    problems = check_front_matter(meta, where)
    kind = meta.get("kind")
    if isinstance(kind, str) and kind in kinds():
        problems += check_headings(kind, headings(body), where)
        if meta.get("sources") and kinds()[kind]["headings"] and SOURCES_MARKER not in body:
            problems.append(Problem(where, "sources", f"the page lists sources but has no "
                                                      f"{SOURCES_MARKER} line to show them"))
    for field, value in meta.items():
        if GUIDANCE_MARKER in str(value):
            problems.append(Problem(where, field, "template guidance left in the front matter"))
    for line in body.splitlines():
        if GUIDANCE_MARKER in line:
            problems.append(Problem(where, "body", f"template guidance left in the page: "
                                                   f"{line.strip()[:60]}"))
            break
    return problems


def check_all(docs: Path = DOCS) -> list[Problem]:
    return [problem for page in pages(docs) for problem in check_page(page, docs)]


if __name__ == "__main__":
    found = check_all()
    for problem in found:
        print(problem)
    print(f"pagemeta: {len(list(pages()))} pages checked, {len(found)} problems", file=sys.stderr)
    sys.exit(1 if found else 0)
