"""The gap rules: one module per family, and this registry listing every rule in code order.

To add a rule: write a check function in the family's module, decorate it
with :func:`~argmap.analysis.rules.base.rule` (a new, never reused code; a
kebab-case name; a default severity; a one-line summary; a hint for a
student), add it to that module's ``RULES``, and give it a test with a map
where it fires and one where it must not. ``docs/gaps.md`` is regenerated
from this registry (``argmap.analysis.gaps.catalogue_markdown()``).
"""

from __future__ import annotations

from argmap.analysis import schemes
from argmap.analysis.rules import cues, quality, structural
from argmap.analysis.rules.base import Context, Rule

#: Every detecting rule: structural, evidence quality, text cues, the schemes' critical
#: questions; in code order within each.
RULES: tuple[Rule, ...] = (*structural.RULES, *quality.RULES, *cues.RULES, *schemes.RULES)
BY_CODE: dict[str, Rule] = {r.code: r for r in RULES}
BY_NAME: dict[str, Rule] = {r.name: r for r in RULES}

__all__ = ["BY_CODE", "BY_NAME", "RULES", "Context", "Rule"]
