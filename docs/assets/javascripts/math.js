// Render math with the site's own KaTeX. overrides/main.html loads KaTeX only on
// pages that have math; on other pages renderMathInElement is undefined and this
// does nothing. Runs on first load and after every instant navigation.
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
  // Markdown cells of notebooks keep Jupyter's $ and $$
  render(".jupyter-wrapper .jp-RenderedMarkdown", [
    { left: "$$", right: "$$", display: true },
    { left: "$", right: "$", display: false },
  ])
})
