"""The JSON contract (``newsprism.comparison/1``, see REPORT_CONTRACT.md).

The records' ``to_dict()``, plus one optional key the contract allows: ``digest``, the
neutral digest (:mod:`newsprism.digest`), which is derived from the rest and ignored by
``Comparison.from_dict``."""

from __future__ import annotations

import json

from ..model import Comparison


def render_json(comparison: Comparison) -> str:
    from ..digest import digest

    d = comparison.to_dict()
    if comparison.articles:
        d["digest"] = digest(comparison).to_dict()
    return json.dumps(d, ensure_ascii=False, indent=2) + "\n"
