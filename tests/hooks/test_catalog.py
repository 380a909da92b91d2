"""hooks/catalog.py: one row per catalogued page, columns from the facets table."""
from hooks import catalog
from hooks.lib.definitions import DOCS, facets, kinds


def test_rows_are_the_catalogued_kinds_in_kind_order():
    entries = catalog.rows(DOCS)
    assert entries and all(kinds()[e["kind"]]["catalog"] for e in entries)
    order = list(kinds())
    assert [order.index(e["kind"]) for e in entries] == sorted(order.index(e["kind"]) for e in entries)
    assert {e["path"] for e in entries} >= {"coding/in-memory-database.md",
                                             "design/stream-file-to-1000-hosts.md",
                                             "notebooks/makespan-vs-chunk-size.py"}


def test_the_table_has_one_column_per_facet():
    header = catalog.table([]).splitlines()[0]
    assert header == "| Problem | Kind | " + " | ".join(f["column"] for f in facets()) + " |"


def test_the_marker_becomes_the_table_and_nothing_else_changes():
    from types import SimpleNamespace

    out = catalog.on_page_markdown("before\n<!-- ln:catalog -->\nafter <!-- ln:sources -->",
                                   page=None, config=SimpleNamespace(docs_dir=str(DOCS)), files=None)
    assert out.startswith("before\n<div class=\"ln-catalog\" markdown>\n\n| Problem |")
    assert out.endswith("</div>\nafter <!-- ln:sources -->")
