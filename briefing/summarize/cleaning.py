"""Spot sentences that are page furniture, captions or fragments, so summarizers can pass them over.

Articles copied from the web arrive with more than their story: bylines,
"Scroll down for video", photo captions run into the text, publication
stamps, "Reporting by ..." credits. None of it belongs in a summary, and a
spoken briefing that reads it out sounds broken. The checks here are
deliberately conservative patterns on one sentence at a time: a sentence of
real news must never be mistaken for furniture, so anything doubtful is only
marked as weaker (a caption, a fragment), not as furniture.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.summarize.coherence import leans_back


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


_CALL_TO_ACTION = re.compile(
    r"^\W*(?:scroll down|click here|read more|see more|read the full|watch(?: the)? video|"
    r"share (?:this|on)|follow (?:us|@)|sign up|subscribe|download (?:the|our) app|"
    r"related:|more:|see also|advertisement|sponsored|image copyright|image caption|"
    r"media playback|media caption|copyright|©|all rights reserved|"
    r"(?:photo|photograph|picture|image|video|credit|source)s?\s*:)",
    re.IGNORECASE,
)
"""Phrases that open a line of page furniture (and, run into text, a caption)."""

_NOTICE = re.compile(
    r"\b(?:we|this (?:web)?site|our (?:web)?site|it) uses? cookies\b|"
    r"\b(?:accept|allow|manage) (?:all )?cookies\b|\bcookie (?:policy|settings|preferences)\b|"
    r"\buse of cookies\b|\b(?:sign up|subscribe) (?:to|for) (?:our|the|my)\b.{0,40}"
    r"\b(?:newsletter|briefing|email|updates)\b|\benter your email\b|"
    r"\b(?:straight |delivered )?(?:to|in) your inbox\b|"
    r"\byou(?:'|’)ve (?:reached|read) (?:your|all) (?:\w+ )*(?:free )?articles?\b|"
    r"\balready (?:a subscriber|have an account)\b|\bsubscribe (?:now|today)\b|"
    r"\bsupport (?:our|independent) journalism\b|\bturn off (?:your )?ad ?blocker\b|"
    r"\bshare (?:this|on) (?:article|story|facebook|twitter|x|whatsapp|linkedin)\b|"
    r"\b(?:comments?|replies) (?:are|is) (?:now )?closed\b|\bjoin the (?:conversation|discussion)\b|"
    r"^\W*our standards:",
    re.IGNORECASE,
)
"""Site notices that are never news, however long: cookies, newsletters, paywalls, sharing."""

_CREDIT = re.compile(
    r"^\W*(?:additional |further )?reporting by\b|"
    r"\bcontributed (?:to )?this (?:report|story|article)\b|"
    r"^\W*this (?:article|story) (?:was|has been|first) (?:originally )?(?:published|appeared|updated)",
    re.IGNORECASE,
)
"""Credit lines news agencies put at the end of a story, however long."""

_SHORT_CREDIT = re.compile(
    r"^\W*(?:writing|editing|edited|compiled|graphics?|photos?|pictures?|video) by\b",
    re.IGNORECASE,
)
"""Credits that only count as furniture on a short line ("Editing by Mary Roe")."""

_STAMP = re.compile(
    r"^\W*(?:published|updated|last (?:updated|modified)|posted|first published)\b\W*",
    re.IGNORECASE,
)
"""Publication stamps: "PUBLISHED: 10:07 EST, 20 June 2013"."""

_BYLINE = re.compile(r"^By\b\W*(?P<rest>.*)$")
_BYLINE_WORDS = _wordset(
    "a an the and of our staff reporter reporters correspondent correspondents "
    "editor writer in for at from with chief senior political science health news"
)
"""Lower-case words a byline may hold besides names: "By a staff reporter"."""

_DATE_WORD = re.compile(
    r"^(?:\d[\d:.,/-]*|[ap]\.?m\.?|(?:mon|tue|wed|thu|fri|sat|sun)\w*|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\w*|"
    r"gmt|bst|utc|est|edt|pst|pdt|cet|cest|et|pt|aest|\|)$",
    re.IGNORECASE,
)
"""Tokens of a timestamp line: digits, times, weekdays, months, time zones."""

_CAPTION_MARK = re.compile(
    r"\((?:pictured|left|right|centre|center|above|below|top|bottom|inset|file(?: photo)?|"
    r"stock(?: image| photo)?|second left|second right|far left|far right|front|back)\)|"
    r"\bpictured\b|\bscroll down for video\b",
    re.IGNORECASE,
)
"""Words only photo captions use: "(left)", "pictured", "(stock image)"."""

_LABEL = re.compile(r"^[‘'\"“]?(?P<label>[A-Z][^:.!?\d]{0,30}?)[’'\"”]?:\s+(?=[A-Z])")
"""A caption's lead-in label: "Soaked: Walkers on the pier ..." (not "He said: ...")."""

_SAYING = _wordset(
    "say says said saying tell tells told add adds added ask asks asked explain explains "
    "explained write writes wrote insist insists insisted claim claims claimed admit admits "
    "admitted continue continues continued reply replies replied according"
)
"""Attribution verbs: a quote that has one is a whole statement, not a fragment."""
_SHOUT = re.compile(r"^\W*[A-Z][A-Z'’-]+(?:\s+[A-Z][A-Z'’-]+)+\b(?!\.)")
"""An opening run of capitalised words, the headline of a caption: "RECORD CATCH"."""

_RUN_ON = re.compile(
    r"[a-z\d)’'] (?:The|A|An|He|She|It|They|We|His|Her|Their|Its|This|These|Those|But|And|"
    r"After|When|In|Mr|Mrs|Ms|Police|Officers)\b"
)
"""A caption run into the next sentence with no full stop: "... on the pier on Monday The storm"."""

_QUOTE_MARKS = "‘’“”\"'"
_OPENING_QUOTE = re.compile(r"(?:^|[\s(\[—–-])[‘“\"']")
_CLOSING_QUOTE = re.compile(r"[’”\"'](?:[\s,.;:!?)\]—–-]|$)")


MIN_WORDS = 4
"""Shorter "sentences" are debris of the page ("By .", "Jo Bloggs .", "2.") or too thin to summarize."""


@dataclass(frozen=True)
class Assessment:
    """What one sentence is, as far as a summary cares."""

    furniture: bool = False
    """Not part of the story at all (byline, stamp, "Click here", credits)."""
    tiny: bool = False
    """Fewer than MIN_WORDS words: a name, a list number, a label, never a summary sentence."""
    caption: bool = False
    """A photo caption, or text with a caption run into it."""
    fragment: bool = False
    """Makes no sense alone: a question or a piece of a longer quote."""
    dangling: bool = False
    """Opens by pointing back ("He", "But", "The move"), so it needs the sentence before it (see coherence)."""


def assess(sentence: str, language: str = "english") -> Assessment:
    """Classify one sentence (verbatim as split from the article).

    The caption, quote and pointing-back cues know English words ("said", "He"); in
    another language only the cues that need no words count (a question, all capitals,
    "(pictured)"-style marks), so its quotes and capitalized nouns are never held against it.
    """
    text = sentence.strip()
    words = text.split()
    if language != "english":
        return Assessment(
            furniture=is_furniture(text),
            tiny=len(words) < MIN_WORDS,
            caption=bool(_CAPTION_MARK.search(text) or _SHOUT.match(text)),
            fragment=text.rstrip("’”\"')]} »").endswith("?"),
        )
    return Assessment(
        furniture=is_furniture(text),
        tiny=len(words) < MIN_WORDS,
        caption=is_caption(text),
        fragment=is_fragment(text),
        dangling=leans_back(text),
    )


def is_furniture(sentence: str) -> bool:
    """A line that is not part of the story: a byline, stamp, credit or call to action."""
    words = sentence.split()
    if not words:
        return True
    if _CREDIT.search(sentence) or is_page_notice(sentence):
        return True
    if len(words) > 12:
        return False
    return bool(
        _CALL_TO_ACTION.match(sentence)
        or _SHORT_CREDIT.match(sentence)
        or _is_byline(sentence)
        or _STAMP.match(sentence)
        or _mostly_dates(words)
    )


def is_stamp(sentence: str) -> bool:
    """A publication stamp or bare date: "Posted 12 February 2026", "Wed 14 Oct 2026 07.30 BST".

    Stricter than `is_furniture`: "Updated figures show ..." is not a stamp.
    """
    words = sentence.split()
    if not words or len(words) > 12:
        return False
    if _STAMP.match(sentence) and any(
        any(c.isdigit() for c in w) or _DATE_WORD.match(w.strip(".,;:()[]")) for w in words[1:]
    ):
        return True
    return _mostly_dates(words)


def _mostly_dates(words: list[str]) -> bool:
    tokens = [t for w in words if (t := w.strip(".,;:()[]"))]
    return bool(tokens) and sum(bool(_DATE_WORD.match(t)) for t in tokens) >= 0.6 * len(tokens)


def is_call_to_action(sentence: str) -> bool:
    """A short line telling the reader to do something: "Read more:", "Share this", "Sign up".

    The phrase must end at a word boundary: "Subscribers will pay more" is news.
    """
    match = _CALL_TO_ACTION.match(sentence) if len(sentence.split()) <= 12 else None
    if match is None:
        return False
    end = match.end()
    return end == len(sentence) or not (sentence[end].isalnum() and sentence[end - 1].isalnum())


def is_page_notice(sentence: str) -> bool:
    """A site's notice to its reader (cookies, newsletter, paywall, share, comments), not news."""
    return len(sentence.split()) <= 40 and _NOTICE.search(sentence) is not None


def is_byline(sentence: str) -> bool:
    """ "By Jo Bloggs, transport correspondent": who wrote it, not what happened."""
    return len(sentence.split()) <= 12 and _is_byline(sentence)


def _is_byline(sentence: str) -> bool:
    match = _BYLINE.match(sentence)
    if match is None:
        return False
    names = [w.strip(".,;:|") for w in match.group("rest").split()]
    names = [w for w in names if w]
    if len(names) > 8:
        return False
    return all(w[0].isupper() or w.lower() in _BYLINE_WORDS for w in names)


def is_caption(sentence: str) -> bool:
    """A photo caption, alone or run into the text it sat beside."""
    label = _LABEL.match(sentence)
    return bool(
        _CAPTION_MARK.search(sentence)
        or _CALL_TO_ACTION.match(sentence)
        or (label and _SAYING.isdisjoint(label.group("label").lower().split()))
        or _SHOUT.match(sentence)
        or (len(sentence.split()) > 30 and _RUN_ON.search(sentence))
    )


def is_fragment(sentence: str) -> bool:
    """A question, or a piece of a quote that runs over several sentences."""
    if sentence.rstrip("’”\"')]} ").endswith("?"):
        return True
    words = sentence.split()
    if not any(mark in sentence for mark in _QUOTE_MARKS):
        return False
    if not _SAYING.isdisjoint(w.strip(_QUOTE_MARKS + ".,;:!?()").lower() for w in words):
        return False
    opens = bool(_OPENING_QUOTE.search(sentence))
    closes = bool(_CLOSING_QUOTE.search(sentence))
    starts_quoted = sentence[0] in "‘“\"'"
    ends_quoted = sentence[-1] in "’”\"'"
    # An unattributed quote, or the tail of one that opened in an earlier sentence.
    return starts_quoted or (ends_quoted and not opens) or (opens and not closes)
