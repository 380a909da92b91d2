"""Every page's front matter, anatomy and markers, against schema/ (one line per problem)."""
from __future__ import annotations

import pytest

from hooks.lib import markers, validation
from hooks.lib.definitions import TEMPLATES, kinds
from hooks.lib.pages import headings, read_page
from tests.pages import IDS, PAGES


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_page_follows_the_schema(page):
    problems = validation.check_page(page)
    assert not problems, "\n" + "\n".join(map(str, problems))


def test_the_kinds_file_is_consistent():
    assert validation.check_kinds() == []


def test_every_kind_with_an_anatomy_has_a_template_that_follows_it():
    for kind, spec in kinds().items():
        if not spec["headings"]:
            continue
        page_templates = [s["template"] for s in spec["scaffold"] if s["to"].startswith("docs/")]
        assert page_templates, f"{kind}: no page template in its scaffold (schema/kinds.yml)"
        _, body = read_page(TEMPLATES / page_templates[0])
        assert headings(body) == [h["title"] for h in spec["headings"]], kind


GOOD = {"title": "A title", "description": "x" * 60, "kind": "coding", "roles": ["swe"],
        "rounds": ["coding-screen"], "topics": ["testing"], "difficulty": "easy",
        "sources": ["prachub-swe-2026"], "reported_by": ["prachub-swe-2026"], "minutes": 45,
        "last_reviewed": "2026-11-22"}


def problems_of(**changes):
    meta = {k: v for k, v in {**GOOD, **changes}.items() if v is not None}
    return [str(p) for p in validation.check_front_matter(meta, "docs/x.md")]


def test_valid_front_matter_passes():
    assert problems_of() == []


@pytest.mark.parametrize(("change", "expected"), [
    ({"description": None}, "docs/x.md: description: missing"),
    ({"description": "short"}, "docs/x.md: description: too short (5 characters, at least 50)"),
    ({"roles": ["swe", "pm"]}, "docs/x.md: roles: unknown value 'pm' (allowed values are listed in schema/taxonomy.yml)"),
    ({"roles": []}, "docs/x.md: roles: must list at least one value"),
    ({"kind": "essay"}, "docs/x.md: kind: unknown value 'essay' (allowed values are listed in schema/kinds.yml)"),
    ({"difficulty": None}, "docs/x.md: difficulty: missing"),
    ({"minutes": 1}, "docs/x.md: minutes: 1 is below 5"),
    ({"minutes": "45"}, "docs/x.md: minutes: '45' is not of type integer"),
    ({"reported_by": ["staff-prep-2026"]}, "docs/x.md: reported_by: 'staff-prep-2026' is not in `sources`"),
    ({"last_reviewed": "22/11/2026"}, "docs/x.md: last_reviewed: '22/11/2026' is not a date written YYYY-MM-DD"),
    ({"tags": ["x"]}, "docs/x.md: tags: not a field for kind 'coding' (see schema/kinds.yml)"),
])
def test_each_problem_is_one_line_naming_file_and_field(change, expected):
    assert problems_of(**change) == [expected]


def test_reported_by_may_be_empty_for_the_sites_own_problems():
    assert problems_of(reported_by=[]) == []


def test_difficulty_is_not_a_field_of_a_role_guide():
    found = problems_of(kind="role-guide", reported_by=None, minutes=None)
    assert found == ["docs/x.md: difficulty: not a field for kind 'role-guide' (see schema/kinds.yml)"]


def test_headings_missing_foreign_and_out_of_order_are_reported():
    anatomy = [h["title"] for h in kinds()["round"]["headings"]]
    swapped = [anatomy[1], anatomy[0], *anatomy[2:-1], "Extras"]
    found = [p.message for p in validation.check_headings("round", swapped, "docs/r.md")]
    assert any(m.startswith("'## Extras' is not a section of a round page") for m in found)
    assert "missing section '## Sources'" in found
    assert any(m.startswith("sections out of order") for m in found)


@pytest.mark.parametrize("kind", ["coding", "design", "round"])
def test_a_page_without_in_the_room_fails(kind):
    anatomy = [h["title"] for h in kinds()[kind]["headings"] if h["title"] != "In the room"]
    found = [p.message for p in validation.check_headings(kind, anatomy, "docs/p.md")]
    assert found == ["missing section '## In the room'"]


@pytest.mark.parametrize("kind", ["coding", "design"])
def test_a_page_that_puts_the_answer_before_the_hints_fails(kind):
    titles = [h["title"] for h in kinds()[kind]["headings"] if not h["optional"]]
    first_answer = next(h["title"] for h in kinds()[kind]["headings"] if h["answer"])
    moved = [first_answer] + [t for t in titles if t != first_answer]
    found = [p.message for p in validation.check_headings(kind, moved, "docs/p.md")]
    assert any(m.startswith("sections out of order") for m in found)


def test_solution_code_above_the_answer_or_open_hints_fail():
    body = ('## The problem\n--8<-- "coding/x/solution.py:all"\n## Practise it\n'
            '--8<-- "coding/x/starter.py"\n## Hints\n???+ tip "Hint 1"\n    a\n\n??? tip "Hint 2"\n    b\n')
    found = [p.message for p in validation.check_spoilers("coding", body, "docs/p.md")]
    assert found == ["'The problem' includes coding/x/solution.py above the worked answer "
                     "(only starter files may be shown there)",
                     "hint 1 is open (???+): hints start collapsed"]


def test_optional_sections_may_be_left_out_but_not_reordered():
    anatomy = [h["title"] for h in kinds()["coding"]["headings"]]
    without_optional = [t for t in anatomy if t != "Follow-ups"]
    assert validation.check_headings("coding", without_optional, "docs/c.md") == []


def test_a_mistyped_or_unknown_marker_fails_with_page_and_name(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    page = docs / "p.md"
    page.write_text("---\ntitle: Page\ndescription: " + "d" * 60 + "\nkind: reference\n"
                    "last_reviewed: 2026-11-22\n---\n# Page\n<!-- ln:catalogue -->\n<!-- catalog -->\n")
    found = [str(p) for p in validation.check_page(page, docs)]
    assert found == [f"docs/p.md: markers: unknown marker 'ln:catalogue' (known: {', '.join(markers.KNOWN)})",
                     "docs/p.md: markers: malformed marker '<!-- catalog -->' (write <!-- ln:NAME args -->)"]


def test_a_page_with_leftover_template_guidance_fails(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    page = docs / "p.md"
    page.write_text("---\ntitle: Page\ndescription: " + "d" * 60 + "\nkind: reference\n"
                    f"last_reviewed: 2026-11-22\n---\n# Page\n{validation.GUIDANCE_MARKER} the intro -->\n")
    assert [p.field for p in validation.check_page(page, docs)] == ["body"]
