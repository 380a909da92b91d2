"""hooks/notebook_pages.py: notebooks become pages like the others."""
from types import SimpleNamespace

from hooks import notebook_pages
from hooks.lib.pages import notebook_globs


def test_mkdocs_jupyter_renders_exactly_the_notebook_folders_of_schema_kinds():
    plugin = SimpleNamespace(config={"include": ["*.py"]})  # the plugin reads config["include"]
    config = SimpleNamespace(plugins={"mkdocs-jupyter": plugin})
    notebook_pages.on_config(config)
    assert plugin.config["include"] == notebook_globs()


def test_front_matter_is_read_from_the_jupytext_header():
    page = SimpleNamespace(meta={}, title=None, file=SimpleNamespace(src_uri="notebooks/n.py"))
    notebook_pages.on_page_markdown("# ---\n# title: T\n# kind: notebook\n# ---\n", page=page, config=None, files=None)
    assert page.meta == {"title": "T", "kind": "notebook"} and page.title == "T"


def test_alt_texts_are_counted_and_cdn_loaders_dropped():
    html, images = notebook_pages.with_alt_texts(
        '<img alt="No description has been provided for this image">' * 2, ["one plot"])
    assert images == 2 and 'alt="one plot"' in html and "Plot without a description" in html


def test_a_notebooks_copy_text_and_outputs_stay_out_of_the_search_index():
    from hooks import notebook_pages

    cell = ('<div class="clipboard-copy-txt" id="cell-1">x = 1</div>'
            '<div class="jp-OutputArea jp-Cell-outputArea"><pre>42</pre></div>'
            '<div class="jp-InputArea"><pre>x = 1</pre></div>')
    out = notebook_pages.unsearched(cell)
    assert out.count("data-search-exclude") == 2
    assert '<div class="jp-InputArea">' in out  # the code itself stays searchable
