"""Check pages against schema/: front matter, anatomy, hints before answers, markers,
and no unsafe HTML (hooks/lib/unsafe_html.py).

Shared by the page-check hook and the tests, so that a page fails in the same
way, with the same one-line message, in `mkdocs serve`, `mkdocs build --strict`
and pytest. A problem reads ``<file>: <field>: <what is wrong>``; section
problems use the field name ``headings``.

Run it alone to check every page:  python -m hooks.lib.validation
"""
from __future__ import annotations

import functools
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from hooks.lib import listing, markers, unsafe_html
from hooks.lib.definitions import DOCS, claims, common_fields, fields, kinds, taxonomy, theme_fields
from hooks.lib.pages import headings, pages, read_page, sections

GUIDANCE_MARKER = "<!-- write:"  # how templates tell an author what a section needs
_INCLUDE = re.compile(r'--8<--\s+"([^"]+)"')
_HINT = re.compile(r"^\?\?\?(\+?)\s")


@dataclass(frozen=True)
class Problem:
    path: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.field}: {self.message}"


def _field_schema(spec: dict[str, Any]) -> dict[str, Any]:
    """JSON Schema of one field type from schema/kinds.yml.

    >>> _field_schema({"type": "integer", "min": 5, "max": 9})
    {'type': 'integer', 'minimum': 5, 'maximum': 9}
    """
    kind = spec["type"]
    if kind == "text":
        return {"type": "string", "minLength": spec["min"], "maxLength": spec["max"]}
    if kind == "texts":
        return {"type": "array", "minItems": 1,
                "items": {"type": "string", "minLength": spec["min"], "maxLength": spec["max"]}}
    if kind == "date":
        return {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    if kind == "integer":
        return {"type": "integer", "minimum": spec["min"], "maximum": spec["max"]}
    if kind == "kind":
        return {"enum": sorted(kinds())}
    if kind == "id":
        return {"enum": sorted(taxonomy()[spec["of"]])}
    if kind == "ids":
        return {"type": "array", "minItems": 0 if spec.get("empty") else 1, "uniqueItems": True,
                "items": {"enum": sorted(taxonomy()[spec["of"]])}}
    if kind == "theme":
        return {}
    raise ValueError(f"schema/kinds.yml: unknown field type {kind!r}")


@functools.cache
def schema() -> dict[str, Any]:
    """The one JSON Schema for front matter, built from schema/kinds.yml and taxonomy.yml."""
    per_kind = [
        {
            "if": {"properties": {"kind": {"const": name}}, "required": ["kind"]},
            "then": {
                "required": spec["fields"],
                "propertyNames": {"enum": common_fields() + spec["fields"] + theme_fields()},
            },
        }
        for name, spec in kinds().items()
    ]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Front matter of a page",
        "type": "object",
        "required": common_fields(),
        "properties": {name: _field_schema(spec) for name, spec in fields().items()},
        "additionalProperties": False,
        "allOf": per_kind,
    }


def check_kinds() -> list[Problem]:
    """schema/kinds.yml itself: fields defined, answer sections contiguous and after hints."""
    found = []
    for name, spec in kinds().items():
        where = f"schema/kinds.yml: {name}"
        for field in spec["fields"]:
            if field not in fields():
                found.append(Problem(where, field, "not defined under `fields:`"))
        flags = [h["answer"] for h in spec["headings"]]
        if any(flags):
            first, last = flags.index(True), len(flags) - 1 - flags[::-1].index(True)
            if not all(flags[first:last + 1]):
                found.append(Problem(where, "headings", "answer sections must be contiguous"))
            titles = [h["title"] for h in spec["headings"]]
            if "Hints" not in titles[:first]:
                found.append(Problem(where, "headings", "a kind with an answer needs Hints before it"))
    return found


def check_claims(register: dict[str, Any] | None = None) -> list[Problem]:
    """schema/claims.yml: ids unique and kebab-case, groups, sources, roles, rounds and
    `differs` known, every claim said in a sentence.

    >>> bad = {"groups": {"loop": "Loop"}, "claims": [
    ...     {"id": "a", "group": "loop", "claim": "A thing happens.", "sources": ["nobody"], "roles": ["swe"]},
    ...     {"id": "a", "group": "pay", "claim": "", "sources": [], "roles": ["swe"], "differs": ["b"]}]}
    >>> for p in check_claims(bad): print(p)
    schema/claims.yml: a: unknown source 'nobody'
    schema/claims.yml: a: id used twice
    schema/claims.yml: a: unknown group 'pay'
    schema/claims.yml: a: the claim is missing or shorter than a sentence
    schema/claims.yml: a: names no source
    schema/claims.yml: a: differs from unknown claim 'b'
    """
    register = claims() if register is None else register
    vocabulary = taxonomy()
    ids = [c.get("id") for c in register["claims"]]
    problems: list[Problem] = []
    seen: set[str] = set()
    for c in register["claims"]:
        def say(message: str, c: dict = c) -> None:
            problems.append(Problem("schema/claims.yml", str(c.get("id")), message))
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", str(c.get("id"))):
            say("the id must be lowercase-kebab")
        if c.get("id") in seen:
            say("id used twice")
        seen.add(c.get("id"))
        if c.get("group") not in register["groups"]:
            say(f"unknown group {c.get('group')!r}")
        if len(str(c.get("claim") or "")) < 10:
            say("the claim is missing or shorter than a sentence")
        if not c.get("sources"):
            say("names no source")
        for field, vocab in (("sources", "sources"), ("roles", "roles"), ("rounds", "rounds")):
            for value in c.get(field) or []:
                if value not in vocabulary[vocab]:
                    say(f"unknown {field[:-1]} {value!r}")
        for other in c.get("differs") or []:
            if other not in ids:
                say(f"differs from unknown claim {other!r}")
            elif c.get("id") not in (register["claims"][ids.index(other)].get("differs") or []):
                say(f"differs from {other!r}, which does not list it back")
    return problems


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
        "minimum": lambda: f"{value!r} is below {error.validator_value}",
        "maximum": lambda: f"{value!r} is above {error.validator_value}",
        "type": lambda: f"{value!r} is not of type {error.validator_value}",
    }
    return [Problem(where, field, messages.get(error.validator, lambda: error.message)())]


def check_front_matter(meta: dict[str, Any], where: str) -> list[Problem]:
    if "__invalid__" in meta:
        return [Problem(where, "front matter", "is not a mapping of field: value")]
    errors = jsonschema.Draft202012Validator(schema()).iter_errors(meta)
    problems = {problem for error in errors for problem in _explain(error, meta, where)}
    reported, sourced = meta.get("reported_by"), meta.get("sources")
    if isinstance(reported, list) and isinstance(sourced, list):
        problems |= {Problem(where, "reported_by", f"{i!r} is not in `sources`")
                     for i in reported if i not in sourced}
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


def check_spoilers(kind: str, markdown: str, where: str) -> list[Problem]:
    """Practice before spoilers: hints one collapsed block each, no solution code above the answer.

    >>> check_spoilers("coding", "## Hints\\n??? tip \\"1\\"\\n    a\\n\\n??? tip \\"2\\"\\n    b\\n", "p")
    []
    >>> [p.message for p in check_spoilers("coding", "## Hints\\n???+ tip \\"1\\"\\n    a\\nspoiler\\n", "p")]
    ['hint 1 is open (???+): hints start collapsed', "text outside a collapsed hint in 'Hints': spoiler", 'Hints needs at least two collapsed hints (??? tip "Hint 1: ...")']
    >>> [p.message for p in check_spoilers("coding", '## The problem\\n--8<-- "coding/x/solution.py:all"\\n', "p")]
    ["'The problem' includes coding/x/solution.py above the worked answer (only starter files may be shown there)"]
    """
    anatomy = {h["title"]: h for h in kinds().get(kind, {}).get("headings", [])}
    if not any(h["answer"] for h in anatomy.values()):
        return []
    problems = []
    for title, _, body in sections(markdown):
        heading = anatomy.get(title)
        if heading is None:
            continue
        if heading["answer"]:
            break  # everything from here on is hidden by the answer gate
        for path in _INCLUDE.findall(body):
            if not path.split(":")[0].endswith("starter.py"):
                problems.append(Problem(where, "headings", f"'{title}' includes {path.split(':')[0]} "
                                        "above the worked answer (only starter files may be shown there)"))
        if title == "Hints":
            problems += _check_hints(body, where)
    return problems


def _check_hints(body: str, where: str) -> list[Problem]:
    problems, hints = [], 0
    for line in body.splitlines():
        if match := _HINT.match(line):
            hints += 1
            if match.group(1):
                problems.append(Problem(where, "headings", f"hint {hints} is open (???+): hints start collapsed"))
        elif hints and line.strip() and not line.startswith(("    ", "\t")):
            problems.append(Problem(where, "headings", f"text outside a collapsed hint in 'Hints': {line.strip()[:40]}"))
    if hints < 2:
        problems.append(Problem(where, "headings", 'Hints needs at least two collapsed hints (??? tip "Hint 1: ...")'))
    return problems


def check_marker_arguments(kind: str | None, body: str, where: str, docs: Path = DOCS) -> list[Problem]:
    """Markers whose arguments are wrong, and generated sections without their marker.

    A valid filter that lists no page is not a problem: the list says so in words
    (hooks/catalog.py), and the page's prose says how to practise without one.

    >>> [p.message for p in check_marker_arguments(None, "<!-- ln:confidence prachub-swe-2025 -->", "p")]
    ["ln:confidence: 'prachub-swe-2025' is not a source id in schema/taxonomy.yml"]
    >>> [p.message for p in check_marker_arguments(None, "<!-- ln:catalog roles nobody -->", "p")]
    ["ln:catalog: 'nobody' is not a roles id in schema/taxonomy.yml"]
    >>> [p.message for p in check_marker_arguments("round", "## Practice problems\\nSee the catalog.\\n", "p")]
    ["'Practice problems' must list its pages with a filtered <!-- ln:catalog FACET ID ... --> marker"]
    """
    problems = []
    for name, args in markers.find(body):
        if name == "confidence":  # no ids: "our own material"
            unknown = [i for i in args if i not in taxonomy()["sources"]]
            if unknown:
                problems.append(Problem(where, "markers", f"ln:confidence: {unknown[0]!r} is not a source id "
                                        "in schema/taxonomy.yml"))
        elif name == "catalog":
            wrong = listing.filter_problem(args)
            if wrong:
                problems.append(Problem(where, "markers", f"ln:catalog: {wrong}"))
    generated = {h["title"]: h["generated"] for h in kinds().get(kind, {}).get("headings", []) if h["generated"]}
    for title, _, section in sections(body):
        if title in generated and not any(name == generated[title] and args
                                          for name, args in markers.find(section)):
            problems.append(Problem(where, "headings", f"'{title}' must list its pages with a filtered "
                                    f"<!-- ln:{generated[title]} FACET ID ... --> marker"))
    return problems


def check_notebook_markers(body: str, where: str) -> list[Problem]:
    """Markers that start a line inside a paragraph of a notebook's Markdown.

    Notebooks are rendered by a CommonMark parser, where a line starting with `<!--`
    ends the paragraph and opens a raw HTML block: the marker's link then sits outside
    any paragraph (no underline) and the rest of the paragraph is left as raw text.

    >>> [p.message for p in check_notebook_markers("One source says so:\\n<!-- ln:confidence a -->.", "p")]
    ['line 2: a marker starts a line inside a paragraph; join it to the line before']
    >>> check_notebook_markers("One source says so: <!-- ln:confidence a -->.\\n\\n<!-- ln:sources -->", "p")
    []
    """
    problems, before = [], ""
    for number, line in enumerate(body.splitlines(), start=1):
        if line.lstrip().startswith("<!-- ln:") and before.strip() and not before.lstrip().startswith(("#", "<!--")):
            problems.append(Problem(where, "markers", f"line {number}: a marker starts a line inside a "
                                                      "paragraph; join it to the line before"))
        before = line
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
    problems += [Problem(where, "html", f"line {line}: {message}") for line, message
                 in unsafe_html.problems(path.read_text(encoding="utf-8"), notebook=path.suffix == ".py")]
    kind = meta.get("kind")
    if isinstance(kind, str) and kind in kinds():
        problems += check_headings(kind, headings(body), where)
        problems += check_spoilers(kind, body, where)
        if meta.get("sources") and kinds()[kind]["headings"] and ("sources", []) not in markers.find(body):
            problems.append(Problem(where, "sources", "the page lists sources but has no "
                                                      "<!-- ln:sources --> line to show them"))
    problems += [Problem(where, "markers", message) for message in markers.problems(body)]
    problems += check_marker_arguments(kind if isinstance(kind, str) else None, body, where, docs)
    if path.suffix == ".py":
        problems += check_notebook_markers(body, where)
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
    return check_kinds() + check_claims() + [problem for page in pages(docs) for problem in check_page(page, docs)]


def main() -> int:
    found = check_all()
    for problem in found:
        print(problem)
    print(f"validation: {len(list(pages()))} pages checked, {len(found)} problems", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
