"""Rendering a :class:`~newsprism.model.Comparison` for people and programs.

``render(comparison, "text" | "md" | "json" | "html")`` returns a string; nothing here computes
findings, it only lays them out. The text, Markdown and HTML renderers lay out one neutral
view of the comparison (:func:`.view.build_view`, plain data, no markup) and escape article
text at their own boundary; JSON is the records' ``to_dict()`` with the digest added.
"""

from __future__ import annotations

import sys
import types

from ..errors import NewsprismError
from ..model import Comparison

FORMATS = ("text", "md", "json", "html")


def render(comparison: Comparison, fmt: str = "text", *, width: int = 100, color: bool = False) -> str:
    """Render a comparison as ``text`` (terminal), ``md`` (Markdown), ``json`` (the contract) or
    ``html`` (the self-contained report, :func:`.html.render_html`)."""
    if fmt == "json":
        from .json import render_json

        return render_json(comparison)
    if fmt in ("md", "markdown"):
        from .markdown import render_markdown

        return render_markdown(comparison)
    if fmt == "html":
        from .html import render_html

        return render_html(comparison)
    if fmt == "text":
        from .text import render_text

        return render_text(comparison, width=width, color=color)
    raise NewsprismError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")


__all__ = ["FORMATS", "render"]


class _CallableRender(types.ModuleType):
    """``newsprism.render`` is the function :func:`render` (the package's lazy facade), but
    the import system sets the package attribute to this module the first time anything
    imports ``newsprism.render.<format>``, and then ``newsprism.render(c)`` would call a
    module. The module is made callable so both spellings work, in any import order."""

    def __call__(self, comparison: Comparison, fmt: str = "text", *, width: int = 100, color: bool = False) -> str:
        return render(comparison, fmt, width=width, color=color)


sys.modules[__name__].__class__ = _CallableRender
