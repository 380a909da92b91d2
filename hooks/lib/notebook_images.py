"""Notebook plots as files next to the page (hooks/notebook_pages.py uses it).

nbconvert embeds every plot in the page as a base64 `data:` URL, so a reader's
phone downloads and parses ~100 KB of text before the page can paint. Here each
embedded PNG becomes a file beside the page's index.html, named by its content
hash, with its width and height written on the <img> (so nothing moves when it
arrives) and `loading="lazy"` (a plot is rarely on the first screen).
"""
from __future__ import annotations

import base64
import hashlib
import re
import struct

_PNG = re.compile(r'<img\b([^>]*?)\ssrc="data:image/png;base64,([A-Za-z0-9+/=\s]+)"')


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's header.

    >>> png_size(bytes.fromhex("89504e470d0a1a0a0000000d49484452000002d0000001e0"))
    (720, 480)
    """
    return struct.unpack(">II", data[16:24])


def extracted(html: str) -> tuple[str, dict[str, bytes]]:
    """The page with its embedded PNGs pointing at files, and those files by name.

    >>> png = bytes.fromhex("89504e470d0a1a0a0000000d49484452000002d0000001e0") + b"rest"
    >>> page, files = extracted(f'<img alt="A plot" src="data:image/png;base64,'
    ...                         f'{base64.b64encode(png).decode()}">')
    >>> page
    '<img alt="A plot" src="plot-dcac379ea4d9.png" width="720" height="480" loading="lazy">'
    >>> files == {"plot-dcac379ea4d9.png": png}
    True
    """
    files: dict[str, bytes] = {}

    def replace(match: re.Match) -> str:
        data = base64.b64decode(match[2])
        name = f"plot-{hashlib.sha256(data).hexdigest()[:12]}.png"
        files[name] = data
        width, height = png_size(data)
        return (f'<img{match[1]} src="{name}" width="{width}" height="{height}" '
                f'loading="lazy"')

    return _PNG.sub(replace, html), files
