// The worked answer (hooks/answer_gate.py) stays hidden until the reader asks:
// the button toggles it; a link into it or find-in-page reveals it (browsers fire
// `beforematch` on hidden="until-found"; others get the hash check below).
// Runs on first load and after every instant navigation.
document$.subscribe(() => {
  const answer = document.getElementById("ln-answer")
  const button = document.querySelector("[data-ln-reveal]")
  if (!answer || !button) return
  const show = (open) => {
    if (open) answer.removeAttribute("hidden")
    else answer.setAttribute("hidden", "until-found")
    button.setAttribute("aria-expanded", String(open))
    button.textContent = open ? "Hide the worked answer" : "Show the worked answer"
  }
  const revealTarget = () => {
    const id = decodeURIComponent(location.hash.slice(1))
    const target = id && document.getElementById(id)
    if (target && answer.contains(target) && answer.hasAttribute("hidden")) {
      show(true)
      target.scrollIntoView()
    }
  }
  button.addEventListener("click", () => show(answer.hasAttribute("hidden")))
  answer.addEventListener("beforematch", () => show(true))
  window.addEventListener("hashchange", revealTarget)
  revealTarget()
})
