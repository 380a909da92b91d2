// The catalog (hooks/catalog.py): filter by role, round, kind, topic, difficulty and
// free text; sort by any column; the view lives in the address (?roles=swe&sort=title),
// so a filtered view can be shared. Each row carries its ids as data attributes, from
// the same front matter as the table. Runs on first load and after every instant
// navigation; without it, the whole table shows.
document$.subscribe(() => {
  const root = document.querySelector(".ln-catalog--all")
  if (!root) return
  const form = root.querySelector("form.ln-filter")
  const status = root.querySelector(".ln-filter-count")
  const body = root.querySelector("tbody")
  const rows = [...body.rows]
  const selects = [...form.querySelectorAll("select")]
  const headers = [...root.querySelectorAll("th[aria-sort]")]
  let sort = "", direction = "ascending"

  const params = new URLSearchParams(location.search)
  for (const field of form.elements)
    if (field.name && params.has(field.name)) field.value = params.get(field.name)
  if (headers.some(th => th.querySelector("button").dataset.sort === params.get("sort"))) {
    sort = params.get("sort")
    direction = params.get("order") === "descending" ? "descending" : "ascending"
  }

  const key = (row) => sort === "difficulty" ? row.dataset.rank
    : sort === "title" ? row.dataset.title
    : (row.cells[columnOf(sort)]?.textContent || "").replace("–", "").trim().toLowerCase()
  const columnOf = (name) => headers.findIndex(th => th.querySelector("button").dataset.sort === name)

  function apply() {
    const words = form.elements.q.value.trim().toLowerCase().split(/\s+/).filter(Boolean)
    let shown = 0
    for (const row of rows) {
      const text = row.textContent.toLowerCase()
      const keep = selects.every(s => !s.value || (row.dataset[s.name] || "").split(" ").includes(s.value))
        && words.every(w => text.includes(w))
      row.hidden = !keep
      if (keep) shown++
    }
    if (sort) {
      const sign = direction === "ascending" ? 1 : -1
      // rows without a value (a behavioral page has no difficulty) stay last either way
      const ordered = [...rows].sort((a, b) => (key(a) === "") - (key(b) === "")
                                      || sign * key(a).localeCompare(key(b))
                                      || a.dataset.title.localeCompare(b.dataset.title))
      body.append(...ordered)
    } else body.append(...rows)
    for (const th of headers)
      th.setAttribute("aria-sort", th.querySelector("button").dataset.sort === sort ? direction : "none")
    status.textContent = shown === rows.length ? `All ${rows.length} problems shown.`
      : `${shown} of ${rows.length} problems shown.`
    const out = new URLSearchParams()
    for (const field of form.elements) if (field.name && field.value) out.set(field.name, field.value)
    if (sort) { out.set("sort", sort); out.set("order", direction) }
    const query = out.toString()
    history.replaceState(history.state, "", query ? `?${query}${location.hash}` : location.pathname + location.hash)
  }

  for (const th of headers) {
    th.querySelector("button").addEventListener("click", (event) => {
      const name = event.currentTarget.dataset.sort
      direction = sort === name && direction === "ascending" ? "descending" : "ascending"
      sort = name
      apply()
    })
  }
  form.addEventListener("input", apply)
  form.addEventListener("submit", (event) => event.preventDefault())
  form.addEventListener("reset", () => { sort = ""; setTimeout(apply) })
  form.hidden = false
  apply()
})
