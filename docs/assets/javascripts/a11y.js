// Accessible names for controls the theme and nbconvert render without one.
// Found with axe-core; runs on first load and after every instant navigation.
document$.subscribe(() => {
  const name = (element, label) => {
    if (element && !element.hasAttribute("aria-label")) element.setAttribute("aria-label", label)
  }
  name(document.querySelector(".md-search"), "Search")
  // Code annotation markers: "Annotation 1", "Annotation 2", ...
  for (const marker of document.querySelectorAll(".md-annotation__index")) {
    const id = marker.querySelector("[data-md-annotation-id]")?.dataset.mdAnnotationId
    name(marker, `Annotation ${id ?? ""}`.trim())
  }
  // Read-only task-list checkboxes are named by their item's text
  for (const box of document.querySelectorAll(".task-list-control input[type=checkbox]")) {
    name(box, box.closest("li")?.textContent.trim().replace(/\s+/g, " ").slice(0, 120) || "Task")
  }
  // Notebook code cells scroll sideways; keyboard users need to reach them
  for (const block of document.querySelectorAll(".jupyter-wrapper .highlight-ipynb")) {
    if (!block.hasAttribute("tabindex")) block.setAttribute("tabindex", "0")
  }
})
