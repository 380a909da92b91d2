"""hooks/taxonomy_tags.py: tags from the facets, before the tags plugin reads them."""
from hooks import taxonomy_tags
from hooks.lib.definitions import facets, taxonomy


def test_unknown_ids_are_left_to_the_page_checks():
    assert taxonomy_tags.tags_for({"roles": ["nobody"], "difficulty": "extreme"}) == []


def test_every_facet_field_becomes_tags_with_its_prefix():
    meta = {f["field"]: next(iter(taxonomy()[f["vocabulary"]])) for f in facets()}
    tags = taxonomy_tags.tags_for(meta)
    assert [t.split("/")[0] for t in tags] == [f["tag"] for f in facets()]


def test_it_runs_before_the_tags_plugin():
    from material.plugins.tags.plugin import TagsPlugin

    assert taxonomy_tags.on_page_markdown.mkdocs_priority > TagsPlugin.on_page_markdown.mkdocs_priority
