"""The JSON contract (``newsprism.comparison/1``, see REPORT_CONTRACT.md)."""

from __future__ import annotations

import json

from ..model import Comparison


def render_json(comparison: Comparison) -> str:
    return json.dumps(comparison.to_dict(), ensure_ascii=False, indent=2) + "\n"
