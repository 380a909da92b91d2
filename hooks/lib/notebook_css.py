"""Notebook pages carry only the CSS they use (called by hooks/notebook_pages.py).

mkdocs-jupyter inlines nbconvert's and JupyterLab's whole stylesheet (about 570 KB,
some 560 custom properties) into every notebook page. After the page is rendered,
this hook merges the page's `<style>` blocks into one and keeps only:

* rules with at least one selector that can match the page: every class and id
  it names occurs in the page's HTML (classes the theme or KaTeX add at run time,
  `md-*` and `katex*`, count as present; anything inside `:not()`, `:is()` and
  other parentheses, and attribute selectors, are ignored, so the test errs on
  the side of keeping a rule);
* custom properties (`--jp-...`) that a kept rule or the page uses, directly or
  through other custom properties;
* `@keyframes` whose name a kept rule mentions; `@media` and `@supports` blocks
  are filtered the same way inside.

Only the style blocks nbconvert writes just before a notebook's wrapper
(`<div class="jupyter-wrapper" ...>`) are touched; other pages are left alone.
"""
from __future__ import annotations

import functools
import re

_STYLE = re.compile(r"<style[^>]*>(.*?)</style>\s*", re.S)
_CLASS_ATTR = re.compile(r"""\sclass\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_ID_ATTR = re.compile(r"""\sid\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_PARENS = re.compile(r"\([^()]*\)")
_BRACKETS = re.compile(r"\[[^\]]*\]")
_SEL_CLASS = re.compile(r"\.((?:[\w-]|\\.)+)")
_SEL_ID = re.compile(r"#((?:[\w-]|\\.)+)")
_VAR_USE = re.compile(r"var\(\s*(--[\w-]+)")
_VAR_DEF = re.compile(r"^\s*(--[\w-]+)\s*:")
RUNTIME_CLASS_PREFIXES = ("md-", "katex")


@functools.lru_cache(maxsize=256)  # every notebook page carries the same nbconvert styles
def split_blocks(css: str) -> tuple[tuple[str, str | None], ...]:
    """Top-level items of a stylesheet: (prelude, body) for `x { ... }`, (statement, None)
    for `@charset ...;`. Strings and comments do not confuse the braces.

    >>> split_blocks('@charset "a";.a{b:c}@media x{.d{e:f}}')
    (('@charset "a";', None), ('.a', 'b:c'), ('@media x', '.d{e:f}'))
    """
    items, i, start, depth, body_start, quote = [], 0, 0, 0, 0, ""
    while i < len(css):
        ch = css[i]
        if quote:
            if ch == "\\":
                i += 1
            elif ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif css.startswith("/*", i):
            i = css.find("*/", i + 2)
            i = len(css) if i < 0 else i + 1
        elif ch == ";" and depth == 0:
            items.append((css[start:i + 1].strip(), None))
            start = i + 1
        elif ch == "{":
            if depth == 0:
                body_start = i + 1
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                items.append((_COMMENT.sub("", css[start:body_start - 1]).strip(),
                              css[body_start:i].strip()))
                start = i + 1
        i += 1
    return tuple((p, b) for p, b in items if p or b)


def selector_may_match(selector: str, classes: set[str], ids: set[str]) -> bool:
    """Can this one selector (no commas) match a page with these classes and ids?

    >>> page = {"jp-Cell", "highlight-ipynb"}
    >>> selector_may_match(".jp-Cell > .highlight-ipynb pre", page, set())
    True
    >>> selector_may_match(".jp-Dialog .jp-Cell", page, set())
    False
    >>> selector_may_match(".jp-Cell:not(.jp-mod-hidden)", page, set())
    True
    >>> selector_may_match("[data-md-color-scheme=slate] .md-typeset__table td", page, set())
    True
    """
    simple = _BRACKETS.sub("", selector)
    while _PARENS.search(simple):
        simple = _PARENS.sub("", simple)
    for name in _SEL_CLASS.findall(simple):
        if "\\" not in name and name not in classes and not name.startswith(RUNTIME_CLASS_PREFIXES):
            return False
    return all("\\" in name or name in ids for name in _SEL_ID.findall(simple))


def _split_selectors(prelude: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(prelude):
        depth += ch in "(["
        depth -= ch in ")]"
        if ch == "," and depth == 0:
            parts.append(prelude[start:i])
            start = i + 1
    return [p.strip() for p in parts + [prelude[start:]] if p.strip()]


def _declarations(body: str) -> list[str]:
    out, depth, start = [], 0, 0
    for i, ch in enumerate(body):
        depth += ch == "("
        depth -= ch == ")"
        if ch == ";" and depth == 0:
            out.append(body[start:i])
            start = i + 1
    return [d.strip() for d in out + [body[start:]] if d.strip()]


def _keep_rules(css: str, classes: set[str], ids: set[str]) -> list[tuple[str, str | None]]:
    kept = []
    for prelude, body in split_blocks(css):
        if body is None:
            if not prelude.lower().startswith("@charset"):
                kept.append((prelude, None))
        elif prelude.lower().startswith(("@media", "@supports", "@layer", "@container")):
            inner = _keep_rules(body, classes, ids)
            if inner:
                kept.append((prelude, inner))
        elif prelude.startswith("@"):
            kept.append((prelude, body))  # @keyframes, @font-face: decided later
        else:
            selectors = [s for s in _split_selectors(prelude) if selector_may_match(s, classes, ids)]
            if selectors:
                kept.append((",".join(selectors), body))
    return kept


def _walk(rules):
    for prelude, body in rules:
        if isinstance(body, list):
            yield from _walk(body)
        else:
            yield prelude, body


def _render(rules, used_vars: set[str], used_words: str) -> str:
    out = []
    for prelude, body in rules:
        if body is None:
            out.append(prelude)
        elif isinstance(body, list):
            inner = _render(body, used_vars, used_words)
            if inner:
                out.append(f"{prelude}{{{inner}}}")
        elif re.match(r"@(-\w+-)?keyframes\s", prelude):
            name = prelude.split()[-1]
            if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", used_words):
                out.append(f"{prelude}{{{body}}}")
        else:
            declarations = [d for d in _declarations(body)
                            if not _VAR_DEF.match(d) or _VAR_DEF.match(d).group(1) in used_vars]
            if declarations:
                out.append(f"{prelude}{{{';'.join(declarations)}}}")
    return "".join(out)


def used_css(css: str, html: str) -> str:
    """The part of `css` that the page `html` (without its style blocks) can use.

    >>> used_css(':root{--a:1px;--b:var(--a);--c:2px}.x{margin:var(--b)}.y{margin:0}',
    ...          '<p class="x">')
    ':root{--a:1px;--b:var(--a)}.x{margin:var(--b)}'
    >>> used_css('@media print{.y{a:b}}@keyframes spin{to{c:d}}.x{animation:spin 1s}',
    ...          '<p class="x">')
    '@keyframes spin{to{c:d}}.x{animation:spin 1s}'
    """
    classes = {c for m in _CLASS_ATTR.finditer(html) for c in (m[1] or m[2] or "").split()}
    ids = {m[1] or m[2] for m in _ID_ATTR.finditer(html)}
    rules = _keep_rules(_COMMENT.sub("", css), classes, ids)
    definitions: dict[str, set[str]] = {}
    used = set(_VAR_USE.findall(html))
    words = []
    for prelude, body in _walk(rules):
        if body is None or prelude.startswith("@"):
            continue
        for declaration in _declarations(body):
            found = _VAR_DEF.match(declaration)
            refs = set(_VAR_USE.findall(declaration))
            if found:
                definitions.setdefault(found.group(1), set()).update(refs)
            else:
                used |= refs
                words.append(declaration)
    pending = list(used)
    while pending:
        for ref in definitions.get(pending.pop(), ()):
            if ref not in used:
                used.add(ref)
                pending.append(ref)
    return _render(rules, used, " ".join(words))


def slim_page(output: str) -> str:
    """The rendered page with nbconvert's style blocks cut to what the page uses.

    >>> slim_page('<article><style type="text/css">.a{b:c}.d{e:f}</style>\\n<style>.g{h:i}</style>'
    ...           '<div class="jupyter-wrapper"><p class="a">')
    '<article><style>.a{b:c}</style>\\n<div class="jupyter-wrapper"><p class="a">'
    >>> slim_page('<p>no notebook</p>')
    '<p>no notebook</p>'
    """
    # nbconvert writes its style blocks just before the notebook's wrapper div
    wrapper = output.find('<div class="jupyter-wrapper"')
    if wrapper < 0:
        return output
    head, tail = output[:wrapper], output[wrapper:]
    sheets = [m for m in _STYLE.finditer(head) if m.start() > head.rfind("<article")]
    if not sheets:
        return output
    for match in reversed(sheets):
        head = head[:match.start()] + head[match.end():]
    kept = used_css("\n".join(m[1] for m in sheets), head + tail)
    at = sheets[0].start()
    return f"{head[:at]}<style>{kept}</style>\n{head[at:]}{tail}"
