"""What several English rules share: month names, the words around an amount, number patterns."""

from __future__ import annotations

import re


def word_set(text: str) -> frozenset[str]:
    """A set of words written as one string, so long word lists stay readable."""
    return frozenset(text.split())


MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MONTH_BY_KEY = {m[:3].lower(): m for m in MONTHS} | {"sept": "September"}
MONTH = (
    r"(?P<month>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|"
    r"June?\.?|July?\.?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|"
    r"Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
SENTENCE_END = re.compile(r"\s*(?:$|[\"')\]]*\s+[A-Z\"“‘(])")


def month_name(written: str) -> str:
    """The full name of a written month ("Sept." -> "September"); unknown forms stay as written."""
    key = written.rstrip(".").lower()
    return _MONTH_BY_KEY.get(key[:4] if key.startswith("sept") else key[:3], written)


SCALES = {
    "thousand": "thousand",
    "k": "thousand",
    "K": "thousand",
    "million": "million",
    "mn": "million",
    "m": "million",
    "M": "million",
    "mln": "million",
    "billion": "billion",
    "bn": "billion",
    "b": "billion",
    "B": "billion",
    "bln": "billion",
    "trillion": "trillion",
    "tn": "trillion",
    "trn": "trillion",
    "T": "trillion",
}
NUMBER = r"(?<!\d)(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
"""A written number; it never starts inside a run of digits, so a failed match costs one scan of the run."""


ARTICLE = re.compile(r"\b(?:an?|An?)\s+$")
DETERMINER = re.compile(r"\b(?:the|its|his|her|their|our|this|that|whose)\s+$", re.I)
NOT_NOUNS = word_set(
    "of in to for on at by from a an the and or but per each was were is are has have had "
    "will would could should may might can last this that more less than over under worth "
    "after before with when as since until up down into while because so he she it they "
    "we you i who which annually apiece now then already still only"
)


def after_article(m: re.Match[str]) -> bool:
    """An amount used as an adjective ("a $10m grant", "the 100m sprint") keeps its unit singular."""
    before = m.string[max(0, m.start() - 8) : m.start()]
    if ARTICLE.search(before):
        return True
    if not DETERMINER.search(before):
        return False
    follower = re.match(r"\s+([a-z]+)", m.string[m.end() :])
    return follower is not None and follower[1] not in NOT_NOUNS


NOT_AFTER = word_set(
    "The A An In On At Of To For By And But Or If When As With From After Before Since "
    "Until Then So That This These Those It He She We They You There Here Yes No Not Also "
    "While Although Because Did Do Does Was Were Is Are Am Can Could Would Should Will "
    "May Might Must"
)
