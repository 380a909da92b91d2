"""hooks/code_listings.py: annotation markers stay only where a list explains them."""
from hooks import code_listings

BLOCK = ('<div class="language-python highlight"><pre><code>x = 1  '
         '<span class="c1"># (1)!</span></code></pre></div>')


def test_a_whole_file_listing_loses_its_markers_and_an_annotated_block_keeps_them():
    assert "(1)!" not in code_listings.without_orphan_markers(BLOCK + "<p>next</p>")
    assert "(1)!" in code_listings.without_orphan_markers(BLOCK + "\n<ol><li>note</li></ol>")
