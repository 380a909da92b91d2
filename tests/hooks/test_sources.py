"""hooks/sources.py: source lists and confidence labels from ids, in pages and notebooks."""
from hooks import sources
from hooks.lib import trust
from hooks.lib.definitions import DOCS, taxonomy
from tests.hooks.render import rendered


def test_unknown_ids_are_left_to_the_page_checks():
    assert sources.sources_list(["no-such-source"]) == ""


def test_every_source_in_the_taxonomy_has_a_section_on_the_sources_page():
    text = (DOCS / "about" / "sources.md").read_text(encoding="utf-8")
    for source_id in taxonomy()["sources"]:
        assert f"{{#{source_id}}}" in text


def test_the_sources_page_states_the_rule_the_labels_link_to():
    text = (DOCS / "about" / "sources.md").read_text(encoding="utf-8")
    assert "## How confidence is computed" in text


def test_markers_in_a_page_become_the_list_and_the_label():
    _, page = rendered("", {"sources": ["prachub-swe-2026"]})
    out = sources.on_page_markdown("A <!-- ln:confidence prachub-swe-2026 -->.\n\n<!-- ln:sources -->",
                                   page=page, config=None, files=None)
    assert "medium confidence (1 of 5 sources)" in out
    assert "- [PracHub SWE guide (2026)](/about/sources.md#prachub-swe-2026)" in out


def test_in_a_notebook_the_markers_survive_as_html_comments_and_are_replaced_there():
    _, page = rendered("", {"sources": ["prachub-swe-2026"]}, src_uri="notebooks/n.py", url="notebooks/n/")
    out = sources.on_page_content("<p><!-- ln:confidence candidate-report-swe-2026 --></p><!-- ln:sources -->",
                                  page=page, config=None, files=None)
    assert trust.describe(["candidate-report-swe-2026"]) in out and "../../about/sources/#prachub-swe-2026" in out


def test_confidence_never_exceeds_medium_and_one_publisher_is_one_voice():
    every = list(taxonomy()["sources"])
    assert trust.confidence(every) == "medium"
    assert trust.confidence(["tpm-design-blog-2026", "tpm-career-blog-2026"]) == trust.confidence(["tpm-design-blog-2026"])
