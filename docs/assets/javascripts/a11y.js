// Accessible names for controls the theme and nbconvert render without one.
// Found with axe-core; runs on first load and after every instant navigation.
{
  const name = (element, label) => {
    if (element && !element.hasAttribute("aria-label")) element.setAttribute("aria-label", label)
  }
  // Code annotation markers: "Annotation 1", "Annotation 2", ...
  const nameMarkers = (root) => {
    const markers = root.matches?.(".md-annotation__index") ? [root] : root.querySelectorAll?.(".md-annotation__index") ?? []
    for (const marker of markers) {
      const id = marker.querySelector("[data-md-annotation-id]")?.dataset.mdAnnotationId
      name(marker, `Annotation ${id ?? ""}`.trim())
    }
  }
  // Code blocks mount lazily, when they first come into view (content.lazy), so their
  // markers also appear long after the page has loaded
  new MutationObserver(records => {
    for (const record of records) record.addedNodes.forEach(nameMarkers)
  }).observe(document.body, {childList: true, subtree: true})

  document$.subscribe(() => {
    name(document.querySelector(".md-search"), "Search")
    nameMarkers(document)
    // Read-only task-list checkboxes are named by their item's text
    for (const box of document.querySelectorAll(".task-list-control input[type=checkbox]")) {
      name(box, box.closest("li")?.textContent.trim().replace(/\s+/g, " ").slice(0, 120) || "Task")
    }
    // Notebook code cells scroll sideways; keyboard users need to reach them
    for (const block of document.querySelectorAll(".jupyter-wrapper .highlight-ipynb")) {
      if (!block.hasAttribute("tabindex")) block.setAttribute("tabindex", "0")
    }
  })
}
