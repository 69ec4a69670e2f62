"""Output file names for a run of several inputs: one stem each, never two alike."""

from __future__ import annotations

from collections.abc import Sequence


def unique_stems(stems: Sequence[str]) -> list[str]:
    """The stems in order, a repeated one numbered from 2, so two inputs with one title get two files.

    ["a", "b", "a"] -> ["a", "b", "a-2"].
    """
    seen: dict[str, int] = {}
    unique = []
    for stem in stems:
        seen[stem] = seen.get(stem, 0) + 1
        unique.append(stem if seen[stem] == 1 else f"{stem}-{seen[stem]}")
    return unique
