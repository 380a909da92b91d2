# ---
# title: "Hybrid search and LSH"
# description: "<!-- write: one sentence, 50-170 characters, for search results and link previews -->"
# kind: notebook
# roles: [swe]
# rounds: [ml-system-design]
# topics: [capacity-estimation]
# difficulty: medium
# sources: []
# plot_alt:
#   - "<!-- write: what the plot shows, in one or two sentences, for readers who cannot see it -->"
# last_reviewed: 2026-11-22
# jupyter:
#   jupytext:
#     formats: py:percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# ## Goal
#
# <!-- write: what the notebook shows, and which page it belongs to -->
#
# ## Derivation
#
# <!-- write: the maths, in $...$ and $...$, which the site renders with KaTeX -->
#
# ## Implementation
#
# <!-- write: the code comes from snippets/notebooks/hybrid_search_and_lsh/; import it, do not redefine it -->

# %%
from snippets.notebooks.hybrid_search_and_lsh.model import curve

# %% [markdown]
# ## Verification
#
# <!-- write: checks that can fail: a gradient check, an invariant, a closed form against a numeric minimum -->

# %%
assert curve(1.0) == 1.0

# %% [markdown]
# ## Plots

# %%
import matplotlib.pyplot as plt

xs = [x / 10 for x in range(1, 50)]
plt.plot(xs, [curve(x) for x in xs])
plt.show()

# %% [markdown]
# ## Pitfalls
#
# <!-- write: what goes wrong when people do this by hand or in an interview -->
#
# ## What to say in the interview
#
# <!-- write: the two or three sentences a candidate can say out loud -->
#
# ## Sources
#
# <!-- write: which sources, and how confident we are -->
#
# <!-- ln:sources -->
