"""hooks/code_listings.py: annotation markers stay only where a list explains them."""
from hooks import code_listings

BLOCK = ('<div class="language-python highlight"><pre><code>x = 1  '
         '<span class="c1"># (1)!</span></code></pre></div>')


def test_a_whole_file_listing_loses_its_markers_and_an_annotated_block_keeps_them():
    assert "(1)!" not in code_listings.without_orphan_markers(BLOCK + "<p>next</p>")
    assert "(1)!" in code_listings.without_orphan_markers(BLOCK + "\n<ol><li>note</li></ol>")


def test_unwrapping_plain_spans_keeps_every_character_of_real_code():
    import html
    import re
    from pathlib import Path

    from pygments import highlight
    from pygments.formatters import HtmlFormatter
    from pygments.lexers import PythonLexer

    source = Path(code_listings.__file__).read_text(encoding="utf-8")
    code = highlight(source, PythonLexer(), HtmlFormatter(nowrap=True))
    block = f'<div class="language-python highlight"><pre><code>{code}</code></pre></div>'
    light = code_listings.without_plain_spans(block)

    def text(markup: str) -> str:
        return html.unescape(re.sub(r"<[^>]+>", "", markup))

    assert text(light) == text(block) == source
    assert '<span class="n">' in block and '<span class="w">' in block
    assert '<span class="n">' not in light and '<span class="w">' not in light
    assert light.count("<span") < 0.8 * block.count("<span")


def test_only_long_listings_leave_the_search_index():
    short = '<div class="language-python highlight"><pre><code>' + "x = 1\n" * 5 + '</code></pre></div>'
    long = '<div class="language-python highlight"><pre><code>' + "x = 1\n" * 60 + '</code></pre></div>'
    assert "data-search-exclude" not in code_listings.without_plain_spans(short)
    assert code_listings.without_plain_spans(long).startswith('<div data-search-exclude class="language-python')
