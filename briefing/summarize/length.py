"""How long a summary should be: a number of sentences, a word budget or a ratio."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

DEFAULT_SENTENCES = 5


@dataclass(frozen=True)
class Length:
    """Exactly one of sentences, words or ratio sets the summary's size."""

    sentences: int | None = None
    words: int | None = None
    ratio: float | None = None

    def __post_init__(self) -> None:
        given = [v for v in (self.sentences, self.words, self.ratio) if v is not None]
        if len(given) > 1:
            raise ValueError("give only one of sentences, words or ratio")
        if self.sentences is not None and self.sentences < 1:
            raise ValueError("sentences must be at least 1")
        if self.words is not None and self.words < 1:
            raise ValueError("words must be at least 1")
        if self.ratio is not None and not 0 < self.ratio <= 1:
            raise ValueError("ratio must be above 0 and at most 1")

    @classmethod
    def default(cls) -> Length:
        return cls(sentences=DEFAULT_SENTENCES)

    def describe(self) -> str:
        if self.words is not None:
            return f"{self.words} words"
        if self.ratio is not None:
            return f"{self.ratio:g} of the sentences"
        return f"{self.sentences or DEFAULT_SENTENCES} sentences"


def choose(
    ranking: list[int],
    lengths: list[int],
    length: Length,
    needs: Sequence[int | None] | None = None,
) -> list[int]:
    """Pick sentence indices from best-first `ranking` to fit `length`, in article order.

    Args:
        ranking: sentence indices, best first.
        lengths: word count of every sentence, by index.
        length: the size wanted.
        needs: per sentence, the index of the sentence it may only come with
            (None: it stands alone). A sentence whose partner has not been
            chosen before it is passed over, so a word budget that skips a
            long sentence also skips the one leaning on it.
    """
    if not ranking:
        return []
    chosen: list[int] = []
    taken: set[int] = set()
    total = 0
    if length.words is not None:
        count = len(ranking)
    elif length.ratio is not None:
        count = max(1, round(len(lengths) * length.ratio))
    else:
        count = length.sentences or DEFAULT_SENTENCES
    for index in ranking:
        if len(chosen) >= count:
            break
        need = needs[index] if needs is not None else None
        if need is not None and need not in taken:
            continue
        if length.words is not None:
            if total + lengths[index] > length.words and chosen:
                continue
            total += lengths[index]
        chosen.append(index)
        taken.add(index)
        if length.words is not None and total >= length.words:
            break
    return sorted(chosen)
