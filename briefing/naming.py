"""Output file names for a run of several inputs: one stem each, never two alike, reserved before writing."""

from __future__ import annotations

from collections.abc import Iterable, Sequence


def unique_stems(stems: Sequence[str], taken: Iterable[str] = ()) -> list[str]:
    """The stems in order, a repeated one numbered, so two inputs with one title get two files.

    Every stem asked for is reserved first, so a numbered name never lands on
    a title that already ends in a number: ["harbour", "harbour", "harbour-2"]
    -> ["harbour", "harbour-3", "harbour-2"]. `taken` holds stems used
    elsewhere (another run's files in the folder) that no numbered name may take.

    ["a", "b", "a"] -> ["a", "b", "a-2"].
    """
    reserved = set(taken) | set(stems)
    claimed: set[str] = set()
    unique = []
    for stem in stems:
        if stem not in claimed:
            claimed.add(stem)
            unique.append(stem)
            continue
        number = 2
        while f"{stem}-{number}" in reserved or f"{stem}-{number}" in claimed:
            number += 1
        name = f"{stem}-{number}"
        claimed.add(name)
        unique.append(name)
    return unique
