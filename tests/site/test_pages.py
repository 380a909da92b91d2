"""Every page's front matter and anatomy, against schema/ (one line per problem)."""
from __future__ import annotations

from pathlib import Path

import pytest

from hooks import pagemeta

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"


@pytest.mark.parametrize("page", list(pagemeta.pages()), ids=lambda p: p.relative_to(DOCS).as_posix())
def test_page_follows_the_schema(page):
    problems = pagemeta.check_page(page)
    assert not problems, "\n" + "\n".join(map(str, problems))


def test_every_kind_with_an_anatomy_has_a_template_that_follows_it():
    for kind, spec in pagemeta.kinds().items():
        if not spec["headings"]:
            continue
        templates = [t for t in (DOCS / "_templates" / f"{kind}.md", DOCS / "_templates" / f"{kind}.py")
                     if t.exists()]
        assert templates, f"no template docs/_templates/{kind}.md (or .py for notebooks)"
        _, body = pagemeta.read_page(templates[0])
        assert pagemeta.headings(body) == [h["title"] for h in spec["headings"]], templates[0].name


GOOD = {"title": "A title", "description": "x" * 60, "kind": "coding", "roles": ["swe"],
        "rounds": ["coding-screen"], "topics": ["testing"], "difficulty": "easy",
        "sources": ["prachub-swe-2026"], "last_reviewed": "2026-11-22"}


def problems_of(**changes):
    meta = {k: v for k, v in {**GOOD, **changes}.items() if v is not None}
    return [str(p) for p in pagemeta.check_front_matter(meta, "docs/x.md")]


def test_valid_front_matter_passes():
    assert problems_of() == []


@pytest.mark.parametrize(("change", "expected"), [
    ({"description": None}, "docs/x.md: description: missing"),
    ({"description": "short"}, "docs/x.md: description: too short (5 characters, at least 50)"),
    ({"roles": ["swe", "pm"]}, "docs/x.md: roles: unknown value 'pm' (allowed values are listed in schema/taxonomy.yml)"),
    ({"roles": []}, "docs/x.md: roles: must list at least one value"),
    ({"kind": "essay"}, "docs/x.md: kind: unknown value 'essay' (allowed values are listed in schema/kinds.yml)"),
    ({"difficulty": None}, "docs/x.md: difficulty: missing"),
    ({"last_reviewed": "22/11/2026"}, "docs/x.md: last_reviewed: '22/11/2026' is not a date written YYYY-MM-DD"),
    ({"tags": ["x"]}, "docs/x.md: tags: not a field for kind 'coding' (see schema/kinds.yml)"),
])
def test_each_problem_is_one_line_naming_file_and_field(change, expected):
    found = problems_of(**change)
    assert found == [expected]


def test_difficulty_is_not_a_field_of_a_role_guide():
    found = problems_of(kind="role-guide")
    assert found == ["docs/x.md: difficulty: not a field for kind 'role-guide' (see schema/kinds.yml)"]


def test_headings_missing_foreign_and_out_of_order_are_reported():
    anatomy = [h["title"] for h in pagemeta.kinds()["round"]["headings"]]
    swapped = [anatomy[1], anatomy[0], *anatomy[2:-1], "Extras"]
    found = [p.message for p in pagemeta.check_headings("round", swapped, "docs/r.md")]
    assert any(m.startswith("'## Extras' is not a section of a round page") for m in found)
    assert "missing section '## Sources'" in found
    assert any(m.startswith("sections out of order") for m in found)


def test_optional_sections_may_be_left_out_but_not_reordered():
    anatomy = [h["title"] for h in pagemeta.kinds()["coding"]["headings"]]
    without_optional = [t for t in anatomy if t != "Follow-ups"]
    assert pagemeta.check_headings("coding", without_optional, "docs/c.md") == []


def test_a_page_with_leftover_template_guidance_fails(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    page = docs / "p.md"
    page.write_text("---\ntitle: Page\ndescription: " + "d" * 60 + "\nkind: reference\n"
                    f"last_reviewed: 2026-11-22\n---\n# Page\n{pagemeta.GUIDANCE_MARKER} the intro -->\n")
    assert [p.field for p in pagemeta.check_page(page, docs)] == ["body"]
