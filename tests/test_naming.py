"""Output stems for several inputs: repeated titles get numbered files, order kept."""

from __future__ import annotations

from briefing.naming import unique_stems


def test_repeated_stems_are_numbered_from_two() -> None:
    assert unique_stems(["a", "b", "a", "a"]) == ["a", "b", "a-2", "a-3"]
    assert unique_stems([]) == []
