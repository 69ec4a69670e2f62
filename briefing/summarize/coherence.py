"""Coherence: which sentences lean on the one before them, so a summary never picks them alone.

"Both sides have since dialed back the rhetoric." means nothing without the
sentence that says who the sides are. News writes a chain of such sentences
after its lead: pronouns ("He", "They"), connectives ("However", "But") and
definite references to something named just before ("The move", "The
company"). A summary may quote such a sentence only together with the one it
leans on; `antecedents` says which one that is.

The cues are per language, as word sequences matched against the sentence's
opening words (lower-cased, quotes stripped), so another language only adds
a row to OPENING_CUES.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

OPENING_CUES: dict[str, tuple[str, ...]] = {
    "english": (
        # Pronouns and determiners that point back.
        "he",
        "she",
        "it",
        "they",
        "them",
        "his",
        "her",
        "hers",
        "its",
        "their",
        "theirs",
        "this",
        "these",
        "those",
        "that",
        "such",
        "both",
        "another",
        "others",
        "neither",
        "either",
        # Connectives that continue an argument.
        "but",
        "and",
        "or",
        "so",
        "yet",
        "still",
        "also",
        "however",
        "instead",
        "meanwhile",
        "furthermore",
        "moreover",
        "nevertheless",
        "nonetheless",
        "otherwise",
        "besides",
        "likewise",
        "similarly",
        "then",
        "thus",
        "hence",
        "therefore",
        "consequently",
        "accordingly",
        "indeed",
        "afterwards",
        "later",
        "even so",
        "in addition",
        "as a result",
        "on the other hand",
        "at the same time",
        "in response",
        "in turn",
        "by contrast",
        "in contrast",
        "despite this",
        "despite that",
        "for his part",
        "for her part",
        "for their part",
        # Definite references to something named just before.
        "the move",
        "the decision",
        "the deal",
        "the agreement",
        "the plan",
        "the proposal",
        "the announcement",
        "the statement",
        "the company",
        "the firm",
        "the group",
        "the pair",
        "the couple",
        "the two",
        "the three",
        "the man",
        "the woman",
        "the boy",
        "the girl",
        "the victim",
        "the suspect",
        "the incident",
        "the former",
        "the latter",
        "the same",
        "the other",
        "the others",
        "the rest",
        "the news",
        "both sides",
        "both men",
        "both women",
    ),
}
"""Openings that refer to an earlier sentence, by language; single words and phrases alike."""

AGE_REFERENCE = re.compile(r"^the \d+-year-old\b")
"""'The 27-year-old was arrested ...': a person named before, by age (English news style)."""

_CONTRACTION = re.compile(r"'(?:s|re|ll|d|ve|m)$")
""""It's", "they're", "that'll": the pronoun is what counts."""
_OPENING_NOISE = "‘’“”\"'([—–-"
_WORD_EDGE = ".,;:!?)]’”\"'"


@functools.cache
def _cue_table(language: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The language's cues by first word: "the" -> (("the", "move"), ("the", "company"), ...)."""
    table: dict[str, list[tuple[str, ...]]] = {}
    for cue in OPENING_CUES.get(language, ()):
        words = tuple(cue.split())
        table.setdefault(words[0], []).append(words)
    return {first: tuple(cues) for first, cues in table.items()}


def leans_back(sentence: str, language: str = "english") -> bool:
    """Whether the sentence opens with a reference to something said before it."""
    words = sentence.strip().lstrip(_OPENING_NOISE).split(maxsplit=4)
    if len(words) < 2:
        return False
    opening = [_opening_word(w) for w in words[:4]]
    for cue in _cue_table(language).get(opening[0], ()):
        if tuple(opening[: len(cue)]) == cue:
            return True
    return language == "english" and bool(AGE_REFERENCE.match(" ".join(opening[:2])))


def _opening_word(word: str) -> str:
    """A word as the cues spell it: lower case, no punctuation, no contraction ("It's" -> "it")."""
    return _CONTRACTION.sub("", word.strip(_WORD_EDGE).lower().replace("’", "'"))


def antecedents(sentences: Sequence[str], language: str = "english") -> list[int | None]:
    """For each sentence, the index of the sentence it leans on (the one before it), or None.

    The first sentence leans on nothing in the text (at most on the headline),
    so it always stands alone.
    """
    return [
        index - 1 if index > 0 and leans_back(sentence, language) else None
        for index, sentence in enumerate(sentences)
    ]
