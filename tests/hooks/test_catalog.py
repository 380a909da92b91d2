"""hooks/catalog.py and hooks/lib/listing.py: one row per catalogued page, columns from the
facets table, and the filtered lists round pages show."""
import re
from types import SimpleNamespace

import markdown

from hooks import catalog
from hooks.lib import listing
from hooks.lib.definitions import DOCS, as_list, facets, kinds
from hooks.lib.validation import check_marker_arguments


def test_rows_are_the_catalogued_kinds_in_kind_order():
    entries = listing.rows(DOCS)
    assert entries and all(kinds()[e["kind"]]["catalog"] for e in entries)
    order = list(kinds())
    assert [order.index(e["kind"]) for e in entries] == sorted(order.index(e["kind"]) for e in entries)
    assert {e["path"] for e in entries} >= {"coding/in-memory-database.md",
                                             "design/stream-file-to-1000-hosts.md",
                                             "notebooks/makespan-vs-chunk-size.py"}


def test_the_table_has_one_column_per_facet():
    header = catalog.table([]).splitlines()[0]
    assert header == "| Problem | Kind | " + " | ".join(f["column"] for f in facets()) + " |"


def test_the_marker_becomes_the_filterable_table_and_nothing_else_changes():
    out = catalog.on_page_markdown("before\n<!-- ln:catalog -->\nafter <!-- ln:sources -->",
                                   page=None, config=SimpleNamespace(docs_dir=str(DOCS)), files=None)
    assert out.startswith('before\n<div class="ln-catalog ln-catalog--all" markdown>\n\n<form class="ln-filter" hidden')
    assert out.endswith("</div>\nafter <!-- ln:sources -->")
    assert out.count("<tr data-kind=") == len(listing.rows(DOCS))


def test_the_full_table_renders_its_links_as_markdown_and_its_ids_as_data():
    entries = listing.rows(DOCS)
    html = markdown.markdown(catalog.render([], DOCS), extensions=["md_in_html", "tables"])
    rows = re.findall(r"<tr (data-[^>]*)>\s*<td>(<a href=\"[^\"]+\">[^<]+</a>)</td>", html)
    assert len(rows) == len(entries)
    first_attrs, first_link = rows[0]
    assert f'href="/{entries[0]["path"]}"' in first_link
    assert f'data-roles="{" ".join(entries[0]["roles"])}"' in first_attrs
    # every id offered by the form is one some row carries, so no choice empties the table
    offered = re.findall(r'<select name="(\w+)">(.*?)</select>', html)
    for name, options in offered:
        for value in re.findall(r'<option value="([\w-]+)">', options):
            assert any(value in as_list(e.get(name)) or e.get(name) == value for e in entries), (name, value)


def test_a_filtered_marker_lists_only_the_pages_of_those_ids_without_that_column():
    out = catalog.on_page_markdown("<!-- ln:catalog rounds system-design -->", page=None,
                                   config=SimpleNamespace(docs_dir=str(DOCS)), files=None)
    body = [line for line in out.splitlines() if line.startswith("| [")]
    expected = [e for e in listing.rows(DOCS) if "system-design" in e["rounds"]]
    assert expected and len(body) == len(expected) < len(listing.rows(DOCS))
    assert all(f"(/{e['path']})" in line for e, line in zip(expected, body))
    assert "| Rounds |" not in out and "| Topics |" in out


def test_a_new_page_appears_in_a_filtered_list_from_its_front_matter_alone(tmp_path):
    (tmp_path / "coding").mkdir()
    page = "---\ntitle: {t}\nkind: coding\nrounds: [{r}]\n---\n# {t}\n"
    (tmp_path / "coding" / "a.md").write_text(page.format(t="Alpha", r="values"))
    (tmp_path / "coding" / "b.md").write_text(page.format(t="Beta", r="coding-screen"))
    assert [e["title"] for e in listing.select(listing.rows(tmp_path), ["rounds", "values"])] == ["Alpha"]


def test_a_filter_that_lists_nothing_says_so_and_passes_the_checks(tmp_path):
    (tmp_path / "coding").mkdir()
    (tmp_path / "coding" / "a.md").write_text("---\ntitle: A\nkind: coding\nrounds: [values]\n---\n")
    assert check_marker_arguments(None, "<!-- ln:catalog rounds system-design -->", "p", tmp_path) == []
    assert catalog.render(["rounds", "system-design"], tmp_path) == (
        "*No page in the catalog is tagged Round/System design.*")
    assert "| [A](/coding/a.md) |" in catalog.render(["rounds", "values"], tmp_path)


def test_a_round_page_must_list_its_problems_with_a_filtered_marker():
    listed = "## Practice problems\n\n<!-- ln:catalog rounds system-design -->\n"
    assert check_marker_arguments("round", listed, "p") == []
    assert check_marker_arguments("round", "## Practice problems\n\n<!-- ln:catalog -->\n", "p")
    assert check_marker_arguments("coding", "## Practice problems\n\nnone\n", "p") == []
