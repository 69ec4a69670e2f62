"""Numbers that are names, read before the lexicon: phone numbers, Section 230, MH370, 737 Max, Q3, ET."""

from __future__ import annotations

import re

from briefing.speech import numbers as num
from briefing.speech.lexicon import spelled

_ZONES = {  # the standard/daylight forms (EST, PDT) are spelled out by the lexicon
    "ET": "Eastern Time",
    "CT": "Central Time",
    "MT": "Mountain Time",
    "PT": "Pacific Time",
}
_ZONE = re.compile(
    r"(?P<lead>\d|[ap]\.m\.|[ap]m|[AP]\.?M\.?)(?P<gap>\s+|\s?\(\s?)(?P<zone>"
    + "|".join(_ZONES)
    + r")(?P<close>\s?\))?(?!\w|\.\w)"
)
_CAPS_MERIDIEM = re.compile(r"(?<=\d)(?P<gap>\s?)(?P<ampm>[AP])M(?!\w|\.\w)")
_PHONE = re.compile(
    r"(?<![\w.+-])(?:(?P<one>1)[-. ])?(?:\((?P<area1>\d{3})\)\s?|(?P<area2>\d{3})[-. ])"
    r"(?P<exchange>\d{3})[-. ](?P<line>\d{4})(?![\w-]|\.\d)"
    r"|(?<![\w.+-])(?P<trunk>0\d{2,4}) (?P<rest>\d{3,4} ?\d{3,4})(?![\w-]|\.\d)"
)
_DESIGNATED = re.compile(
    r"\b(?P<word>Section|Sections|Flight|Route|Highway|Interstate|Room|Gate|Platform|Bus|Form"
    r"|Boeing|Paragraph)(?P<gap>\s+)(?P<num>[1-9]\d{2,3})\b(?![.,]\d)"
)
_LETTER_CODE = re.compile(r"\b(?P<letters>[A-Z]{1,3})-?(?P<num>[1-9]\d{2})\b(?![.,]\d|-\d)")
_AIRLINER = re.compile(
    r"(?<![\w.,$£€-])(?P<num>7[0-8]7)(?=\s?(?:-?\d{1,3}\b|Max\b|MAX\b|jets?\b|jetliners?\b|"
    r"airliners?\b|aircraft\b|planes?\b|Dreamliners?\b|jumbo))"
)
_THE_AIRLINER = re.compile(r"\b(?P<the>[Tt]he\s+)(?P<num>7[0-8]7)(?=\s+[a-z]+(?<!s)\b|[,.;:!?])")
_EMERGENCY = re.compile(
    r"(?P<before>\b(?:[Cc]all|[Dd]ial|[Rr]ing|called|dialed|dialled|calling|dialing|dialling|a|the)\s)"
    r"(?P<num>911|999|112|111|000)\b(?![.,]\d)"
    r"|\b(?P<num2>911|999)(?=\s+(?:calls?|operators?|dispatch|dispatchers?|emergency|line|center|centre)\b)"
)
_QUARTER = re.compile(
    r"(?:(?P<prep>\b(?:in|for|during|over|from|since|until|by|of|to|In|For|During)\s+)(?P<the>the\s+)?)?"
    r"\b(?P<kind>[QH])(?P<n>[1-4])\b(?!-\d)"
)
_FISCAL = re.compile(r"\bFY\s?(?P<year>(?:19|20)?\d\d)\b")
_CIRCA = re.compile(r"(?<![\w.])(?:c|ca)\.\s?(?=\d{3,4}\b)")
_NUMBER_TEN = re.compile(r"(?:(?<=[a-z,] )|(?<=^)|(?<=[.!?] ))No\s(?=10\b)|(?<=[a-z,] )No\s(?=\d)")


def _pairs(number: str) -> str:
    """Designators in pairs, as Americans read them: "230" -> "two thirty", "101" -> "one oh one"."""
    head, tail = number[:-2], int(number[-2:])
    if tail == 0:
        return num.cardinal(int(number))  # "Route 100": "one hundred"
    rest = num.cardinal(tail) if tail >= 10 else "oh " + num.cardinal(tail)
    return f"{num.cardinal(int(head))} {rest}"


def read_codes(text: str) -> str:
    """Numbers that are names, not quantities: phone numbers, Section 230, MH370, 737 Max, Q3."""

    def phone(m: re.Match[str]) -> str:
        if m["trunk"]:  # a British number, "0800 123 4567"
            return ", ".join(num.digits(group) for group in [m["trunk"], *m["rest"].split()])
        area = m["area1"] or m["area2"]
        said = [] if not m["one"] else ["one"]
        said.append("eight hundred" if area == "800" else num.digits(area))
        return ", ".join([" ".join(said), num.digits(m["exchange"]), num.digits(m["line"])])

    def quarter(m: re.Match[str]) -> str:
        which = num.ordinal(int(m["n"]))
        if m["kind"] == "H":
            if m["n"] not in "12":
                return m[0]
            name = f"{which} half"
        else:
            name = f"{which} quarter"
        prep = m["prep"] or ""
        return f"{prep}the {name}" if prep else name

    def fiscal(m: re.Match[str]) -> str:
        year = m["year"]
        said = num.year(int(year)) if len(year) == 4 else num.cardinal(int(year))
        return f"fiscal year {said}"

    def zone(m: re.Match[str]) -> str:
        return f"{m['lead']} {_ZONES[m['zone']]}"

    text = _PHONE.sub(phone, text)
    text = _CAPS_MERIDIEM.sub(lambda m: f"{m['gap']}{m['ampm'].lower()}.m.", text)
    text = _ZONE.sub(zone, text)
    text = _FISCAL.sub(fiscal, text)
    text = _QUARTER.sub(quarter, text)
    text = _EMERGENCY.sub(lambda m: (m["before"] or "") + num.digits(m["num"] or m["num2"]), text)
    text = _DESIGNATED.sub(lambda m: f"{m['word']}{m['gap']}{_pairs(m['num'])}", text)
    text = _AIRLINER.sub(lambda m: _pairs(m["num"]), text)
    text = _THE_AIRLINER.sub(lambda m: m["the"] + _pairs(m["num"]), text)
    text = _LETTER_CODE.sub(lambda m: f"{spelled(m['letters'])} {_pairs(m['num'])}", text)
    text = _CIRCA.sub("circa ", text)
    return _NUMBER_TEN.sub("Number ", text)
