"""hooks/answer_gate.py: the answer sections of a kind, and only they, are hidden."""
from hooks import answer_gate
from hooks.lib.definitions import kinds
from tests.hooks.render import rendered


def page_of(kind: str) -> str:
    body = "".join(f"## {h['title']}\n\ntext of {h['title']}\n\n" for h in kinds()[kind]["headings"])
    return "# Title\n\n" + body


def test_every_answer_section_and_nothing_else_is_inside_the_hidden_region():
    for kind in ("coding", "design"):
        html, page = rendered(page_of(kind), {"kind": kind})
        out = answer_gate.on_page_content(html, page=page, config=None, files=None)
        inside = out.split('hidden="until-found">')[1].split("</div>")[0]
        for heading in kinds()[kind]["headings"]:
            assert (f"text of {heading['title']}" in inside) == heading["answer"], (kind, heading["title"])


def test_pages_of_kinds_without_an_answer_are_untouched():
    html, page = rendered(page_of("round"), {"kind": "round"})
    assert answer_gate.on_page_content(html, page=page, config=None, files=None) == html


def test_the_button_names_what_it_controls():
    assert 'aria-controls="ln-answer"' in answer_gate.GATE and 'id="ln-answer"' in answer_gate.GATE
