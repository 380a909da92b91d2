"""How confident the site is in a claim, from which sources report it.

The rule, stated on the sources page ("How confidence is computed"): a claim's
confidence is the best trust rating among the sources that report it, raised one
step when two or more independent voices report it, and never above medium,
because no source is verified. Sources with the same publisher are one voice.
Ratings live in schema/taxonomy.yml, nowhere else.
"""
from __future__ import annotations

from hooks.lib.definitions import taxonomy

LEVELS = ["low", "low-medium", "medium"]
SHOWN = {"low": "low", "low-medium": "low–medium", "medium": "medium"}
OURS = "our own material"


def confidence(source_ids: list[str]) -> str | None:
    """The confidence level of a claim reported by these sources; None if by none.

    >>> confidence(["prachub-swe-2026"]), confidence(["candidate-report-swe-2026"])
    ('medium', 'low-medium')
    >>> confidence(["candidate-report-swe-2026", "tpm-design-blog-2026"])
    'medium'
    >>> confidence(["tpm-design-blog-2026", "tpm-career-blog-2026"])  # one publisher
    'low'
    >>> confidence([]) is None
    True
    """
    known = taxonomy()["sources"]
    reporting = [known[i] for i in source_ids if i in known]
    if not reporting:
        return None
    best = max(LEVELS.index(s["trust"]) for s in reporting)
    voices = len({s["publisher"] for s in reporting})
    return LEVELS[min(best + (voices >= 2), len(LEVELS) - 1)]


def describe(source_ids: list[str]) -> str:
    """The label a reader sees.

    >>> describe(["prachub-swe-2026", "candidate-report-swe-2026"])
    'medium confidence (2 of 5 sources)'
    >>> describe(["candidate-report-swe-2026"]), describe([])
    ('low–medium confidence (1 of 5 sources)', 'our own material')
    """
    level = confidence(source_ids)
    if level is None:
        return OURS
    total = len(taxonomy()["sources"])
    count = len(set(source_ids) & set(taxonomy()["sources"]))
    return f"{SHOWN[level]} confidence ({count} of {total} sources)"
