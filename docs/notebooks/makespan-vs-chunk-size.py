# ---
# title: Makespan against chunk size
# description: A description that is long enough to be a real meta description for tests.
# kind: reference
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
# # Makespan
# Math $x^2 + 1$ here.

# %%
import matplotlib.pyplot as plt
plt.plot([1,2,3],[1,4,9])
plt.show()
