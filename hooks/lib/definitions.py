"""The site's definitions, read from schema/: page kinds, fields, facets, vocabulary, claims.

schema/kinds.yml, schema/taxonomy.yml and schema/claims.yml are the only places these are written;
every hook, tool and test reads them through this module.
"""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_DIR = ROOT / "schema"
DOCS = ROOT / "docs"
TEMPLATES = DOCS / "_templates"


def _load(name: str) -> dict[str, Any]:
    return yaml.safe_load((SCHEMA_DIR / name).read_text(encoding="utf-8"))


@functools.cache
def taxonomy() -> dict[str, Any]:
    """The vocabulary in schema/taxonomy.yml: facets, roles, rounds, topics, difficulties, sources."""
    return _load("taxonomy.yml")


@functools.cache
def claims() -> dict[str, Any]:
    """The claim register in schema/claims.yml: `groups` (id -> heading) and `claims` (a list)."""
    return _load("claims.yml")


@functools.cache
def _kinds_file() -> dict[str, Any]:
    raw = _load("kinds.yml")
    for spec in raw["kinds"].values():
        spec["headings"] = [h if isinstance(h, dict) else {"title": h} for h in spec["headings"]]
        for heading in spec["headings"]:
            for flag in ("optional", "answer", "ours"):
                heading.setdefault(flag, False)
            heading.setdefault("generated", None)  # a marker the section must hold
        spec.setdefault("catalog", False)
        spec.setdefault("section", None)
        spec.setdefault("scaffold", [])
    return raw


def kinds() -> dict[str, dict[str, Any]]:
    """Page kinds by name, headings normalised to {title, optional, answer, ours, generated}.

    >>> kinds()["coding"]["section"], kinds()["notebook"]["suffix"]
    ('coding', '.py')
    """
    return _kinds_file()["kinds"]


def fields() -> dict[str, dict[str, Any]]:
    """Every front-matter field with its type."""
    return _kinds_file()["fields"]


def common_fields() -> list[str]:
    return _kinds_file()["common"]


def theme_fields() -> list[str]:
    return _kinds_file()["theme"]


def facets() -> list[dict[str, str]]:
    """The facets pages are found by (field, vocabulary, tag prefix, catalog column).

    >>> [f["field"] for f in facets()]
    ['difficulty', 'roles', 'rounds', 'topics']
    """
    return taxonomy()["facets"]


def facet(field: str) -> dict[str, str] | None:
    """The facet a front-matter field is, or None.

    >>> facet("rounds")["vocabulary"], facet("title")
    ('rounds', None)
    """
    return next((f for f in facets() if f["field"] == field), None)


def label(vocabulary: str, value: str) -> str:
    """The display label of an id, or the id itself if unknown (the checks report it).

    >>> label("roles", "swe"), label("roles", "nobody")
    ('Software Engineer', 'nobody')
    """
    return taxonomy()[vocabulary].get(value, value)


def as_list(value: Any) -> list:
    """A facet value as a list: difficulty is one id, roles are several.

    >>> as_list("easy"), as_list(["a", "b"]), as_list(None)
    (['easy'], ['a', 'b'], [])
    """
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def kind_of_section(section: str) -> str | None:
    """The kind whose pages live in docs/<section>/.

    >>> kind_of_section("notebooks"), kind_of_section("about")
    ('notebook', None)
    """
    return next((name for name, spec in kinds().items() if spec["section"] == section), None)


def notebook_sections() -> list[str]:
    """The docs/ folders whose .py files are notebook pages (kinds with suffix .py).

    >>> notebook_sections()
    ['notebooks']
    """
    return [spec["section"] for spec in kinds().values() if spec["suffix"] == ".py" and spec["section"]]
