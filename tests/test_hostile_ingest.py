"""Hostile inputs to the corpus commands: killed runs, reruns, bad options. Real SQLite files
and real processes, no mocks."""

from __future__ import annotations

import newsprism.errors
from newsprism.errors import NewsprismError, StoreError


def test_store_error_is_in_the_error_tree() -> None:
    from newsprism.store import StoreError as FromStore

    assert FromStore is StoreError and issubclass(StoreError, NewsprismError)
    assert "StoreError" in (newsprism.errors.__doc__ or "")
