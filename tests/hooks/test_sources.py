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


def test_the_claim_register_has_an_anchor_and_a_confidence_for_every_claim():
    from hooks.lib.definitions import claims
    from hooks.lib.trust import describe

    text = sources.register()
    for c in claims()["claims"]:
        [row] = [line for line in text.splitlines() if f"{{ #claim-{c['id']} }}" in line]
        assert row.endswith(f"| {describe(c['sources'])} |")
        assert all(f"(#{i})" in row for i in c["sources"])


def test_the_register_is_valid_and_disagreements_point_both_ways():
    from hooks.lib.validation import check_claims

    assert check_claims() == []
    one_way = {"groups": {"loop": "L"}, "claims": [
        {"id": "a", "group": "loop", "claim": "A claim here.", "sources": ["prachub-swe-2026"], "differs": ["b"]},
        {"id": "b", "group": "loop", "claim": "B claim here.", "sources": ["prachub-swe-2026"]}]}
    assert [p.message for p in check_claims(one_way)] == ["differs from 'b', which does not list it back"]
