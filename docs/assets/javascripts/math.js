// Render math with the site's own KaTeX, where the build has not drawn it already.
// overrides/main.html loads KaTeX only on pages with such math; on other pages
// renderMathInElement is undefined and this does nothing. Runs on first load and after every instant navigation: KaTeX's
// scripts are deferred, and deferred scripts run before document$ first emits
// (DOMContentLoaded); after instant navigation Material waits for them.
document$.subscribe(() => {
  if (typeof renderMathInElement !== "function") return
  const render = (selector, delimiters) => {
    for (const element of document.querySelectorAll(selector))
      renderMathInElement(element, { delimiters, throwOnError: false })
  }
  // pymdownx.arithmatex (generic mode) wraps TeX in \( \) and \[ \]
  render(".arithmatex", [
    { left: "\\(", right: "\\)", display: false },
    { left: "\\[", right: "\\]", display: true },
  ])
  // Markdown cells of notebooks keep Jupyter's $ and $$ (unless the build drew
  // them: hooks/lib/notebook_math.py, which uses these same delimiters)
  render(".jupyter-wrapper:not([data-math=static]) .jp-RenderedMarkdown", [
    { left: "$$", right: "$$", display: true },
    { left: "$", right: "$", display: false },
  ])
})
