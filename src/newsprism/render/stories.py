"""Rendering a grouping: JSON (``newsprism.stories/1``) or a text table."""

from __future__ import annotations

import json

from ..model import Grouping


def render_stories(grouping: Grouping, fmt: str = "text") -> str:
    if fmt == "json":
        return json.dumps(grouping.to_dict(), ensure_ascii=False, indent=2) + "\n"
    lines = [f"{len(grouping.stories)} stories from {grouping.stats.get('articles', 0)} articles ({grouping.method})"]
    for s in grouping.stories:
        lines.append(f"{s.id}  {len(s.articles)} articles, {s.n_origins} independent origins")
        for a, origin in zip(s.articles, s.origins or s.articles, strict=True):
            label = grouping.labels.get(a)
            lines.append(
                f"    {a}"
                + (f"  {label}" if label and label != a else "")
                + (f"  (same origin as {origin})" if origin != a else "")
            )
    return "\n".join(lines) + "\n"
