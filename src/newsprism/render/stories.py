"""Rendering a grouping: JSON (``newsprism.stories/1``) or a text table.

Labels come from articles (outlet and headline): in the text table each is written as one
printable line (:func:`.view.one_line`), so a title cannot break the table or send terminal
escape sequences.
"""

from __future__ import annotations

import json

from ..model import Grouping
from .view import one_line, plural


def render_stories(grouping: Grouping, fmt: str = "text") -> str:
    if fmt == "json":
        return json.dumps(grouping.to_dict(), ensure_ascii=False, indent=2) + "\n"
    n_articles = grouping.stats.get("articles", 0)
    lines = [
        f"{plural(len(grouping.stories), 'story', 'stories')} from {plural(n_articles, 'article')} ({grouping.method})"
    ]
    for s in grouping.stories:
        lines.append(f"{s.id}  {plural(len(s.articles), 'article')}, {plural(s.n_origins, 'independent origin')}")
        for a, origin in zip(s.articles, s.origins or s.articles, strict=True):
            label = one_line(grouping.labels.get(a))
            lines.append(
                f"    {one_line(a)}"
                + (f"  {label}" if label and label != a else "")
                + (f"  (same origin as {one_line(origin)})" if origin != a else "")
            )
    return "\n".join(lines) + "\n"
