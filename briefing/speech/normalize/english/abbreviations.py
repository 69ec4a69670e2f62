"""English titles, suffixes, street words, US states and other short forms, expanded in full."""

from __future__ import annotations

import re

from briefing.speech.normalize.english.words import NOT_AFTER

_TITLES = {
    "Mr": "Mister",
    "Mrs": "Missus",
    "Ms": "Miz",
    "Messrs": "Messieurs",
    "Dr": "Doctor",
    "Prof": "Professor",
    "Gen": "General",
    "Sen": "Senator",
    "Sens": "Senators",
    "Gov": "Governor",
    "Govs": "Governors",
    "Rep": "Representative",
    "Reps": "Representatives",
    "Lt": "Lieutenant",
    "Col": "Colonel",
    "Capt": "Captain",
    "Cmdr": "Commander",
    "Cdr": "Commander",
    "Adm": "Admiral",
    "Maj": "Major",
    "Sgt": "Sergeant",
    "Cpl": "Corporal",
    "Pvt": "Private",
    "Pte": "Private",
    "Brig": "Brigadier",
    "Pres": "President",
    "Rev": "Reverend",
    "Revs": "Reverends",
    "Hon": "Honorable",
    "Rt": "Right",
    "Insp": "Inspector",
    "Det": "Detective",
    "Supt": "Superintendent",
    "Fr": "Father",
    "Atty": "Attorney",
    "Sec": "Secretary",
    "Amb": "Ambassador",
    "Msgr": "Monsignor",
    "Gens": "Generals",
    "Mt": "Mount",
    "Ft": "Fort",
    "Pt": "Point",
    "Cllr": "Councillor",
}
_UNDOTTED_TITLES = {
    "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Mt", "Capt", "Sgt", "Lt", "Col", "Gen",
    "Cllr", "Insp", "Det", "Supt", "Rev", "Maj", "Cpl", "Pte", "Adm", "Brig",
}  # fmt: skip
_TITLE = re.compile(
    r"\b(?P<title>"
    + "|".join(sorted(_TITLES, key=len, reverse=True))
    + r"|St)(?P<dot>\.?)\s+(?=[A-Z])"
)
_SUFFIXES = {
    "Jr": "Junior",
    "Sr": "Senior",
    "Inc": "Incorporated",
    "Ltd": "Limited",
    "Corp": "Corporation",
    "Co": "Company",
    "Bros": "Brothers",
    "Cos": "Companies",
    "Assn": "Association",
    "Dept": "Department",
    "Univ": "University",
    "Ave": "Avenue",
    "Blvd": "Boulevard",
    "Rd": "Road",
    "Ln": "Lane",
    "Pl": "Place",
    "Sq": "Square",
    "Hwy": "Highway",
    "Pkwy": "Parkway",
    "Ct": "Court",
    "Esq": "Esquire",
}
_SUFFIX = re.compile(
    r"(?<=[\w,])(?P<space>,?\s+)(?P<word>"
    + "|".join(sorted(_SUFFIXES, key=len, reverse=True))
    + r")\.(?P<after>\s*)"
)
_STREET = re.compile(r"(?<=[A-Za-z])(?P<space>\s+)(?P<word>St|Dr|Mt)\.(?P<after>\s*)")
_NUMBER_ABBR = re.compile(r"\b(?P<word>No|Nos|no|nos|Vol|Ch|Pt|Art|Fig|Ex)\.\s?(?=\d|#)")
_NUMBER_WORDS = {
    "No": "Number",
    "Nos": "Numbers",
    "no": "number",
    "nos": "numbers",
    "Vol": "Volume",
    "Ch": "Chapter",
    "Pt": "Part",
    "Art": "Article",
    "Fig": "Figure",
    "Ex": "Exhibit",
}
_VERSUS = re.compile(r"(?<=\s)(?:vs\.?|v\.)(?=\s)|(?<=\s)(?:v)(?=\s+[A-Z])")
_STATES = {
    "Ala": "Alabama",
    "Ariz": "Arizona",
    "Ark": "Arkansas",
    "Calif": "California",
    "Colo": "Colorado",
    "Conn": "Connecticut",
    "Del": "Delaware",
    "Fla": "Florida",
    "Ga": "Georgia",
    "Ill": "Illinois",
    "Ind": "Indiana",
    "Kan": "Kansas",
    "Kans": "Kansas",
    "Ky": "Kentucky",
    "La": "Louisiana",
    "Md": "Maryland",
    "Mass": "Massachusetts",
    "Mich": "Michigan",
    "Minn": "Minnesota",
    "Miss": "Mississippi",
    "Mo": "Missouri",
    "Mont": "Montana",
    "Neb": "Nebraska",
    "Nev": "Nevada",
    "N.H": "New Hampshire",
    "N.J": "New Jersey",
    "N.M": "New Mexico",
    "N.Y": "New York",
    "N.C": "North Carolina",
    "N.D": "North Dakota",
    "Okla": "Oklahoma",
    "Ore": "Oregon",
    "Pa": "Pennsylvania",
    "R.I": "Rhode Island",
    "S.C": "South Carolina",
    "S.D": "South Dakota",
    "Tenn": "Tennessee",
    "Vt": "Vermont",
    "Va": "Virginia",
    "Wash": "Washington",
    "W.Va": "West Virginia",
    "Wis": "Wisconsin",
    "Wyo": "Wyoming",
}
_STATE = re.compile(
    r"(?P<before>,\s|\b[RDI]-)(?P<state>"
    + "|".join(re.escape(s) for s in sorted(_STATES, key=len, reverse=True))
    + r")\.(?P<after>\s*)"
)
_PARTY = re.compile(r"\((?P<party>[RDI])-(?P<state>[A-Z][\w. ]+?)\)")
_PARTIES = {"R": "Republican", "D": "Democrat", "I": "Independent"}
_STOP_BEFORE_STREET = NOT_AFTER | {"Saint", "Mister", "Doctor"}


def _ends_sentence(after: str, rest: str) -> bool:
    """Whether the dot of an abbreviation also ended its sentence."""
    return not rest.strip() or (bool(after) and rest.lstrip()[:1].isupper())


def read_abbreviations(text: str) -> str:
    """Titles, suffixes, street words and other short forms, expanded in full."""

    def party(m: re.Match[str]) -> str:
        state = m["state"].rstrip(".")
        return f", {_PARTIES[m['party']]} of {_STATES.get(state, state)},"

    text = _PARTY.sub(party, text)

    def state(m: re.Match[str]) -> str:
        before = m["before"]
        if before[0] in _PARTIES:  # "D-Mass.": a party and a state
            before = _PARTIES[before[0]] + " of "
        stop = "." if _ends_sentence(m["after"], m.string[m.end() :]) else ""
        return f"{before}{_STATES[m['state']]}{stop}{m['after']}"

    text = _STATE.sub(state, text)

    def street(m: re.Match[str]) -> str:
        previous = m.string[: m.start()].split()[-1:] or [""]
        rest = m.string[m.end() :]
        if not previous[0][:1].isupper() or previous[0] in _STOP_BEFORE_STREET:
            return m[0]  # "in St. Louis": a title, handled below
        if m["word"] == "Dr" and rest[:1].isupper():
            return m[0]  # "Jane Dr. Smith" can't be a street; leave it to the title rule
        name = {"St": "Street", "Dr": "Drive", "Mt": "Mount"}[m["word"]]
        # "Main St. The": the dot ends the sentence too; "Wall St. Journal" keeps going.
        ends = not rest.strip() or (
            m["after"] and rest[:1].isupper() and rest.split()[0] in NOT_AFTER
        )
        return f"{m['space']}{name}{'.' if ends else ''}{m['after']}"

    text = _STREET.sub(street, text)

    def title(m: re.Match[str]) -> str:
        word = m["title"]
        if not m["dot"] and word not in _UNDOTTED_TITLES:
            return m[0]
        if word == "St":
            return "Saint "
        if word == "Gen" and re.match(r"[XYZ]\b|Alpha\b", m.string[m.end() :]):
            return m[0]  # "Gen Z": a generation, not a general
        return _TITLES[word] + " "

    text = _TITLE.sub(title, text)
    text = re.sub(r"\bSec\.\s+(?=of\s+[A-Z])", "Secretary ", text)

    def suffix(m: re.Match[str]) -> str:
        rest = m.string[m.end() :]
        stop = "." if _ends_sentence(m["after"], rest) else ""
        space = " " if m["word"] in {"Jr", "Sr", "Esq"} else m["space"]
        return f"{space}{_SUFFIXES[m['word']]}{stop}{m['after']}"

    text = _SUFFIX.sub(suffix, text)
    text = _NUMBER_ABBR.sub(lambda m: _NUMBER_WORDS[m["word"]] + " ", text)
    return _VERSUS.sub("versus", text)
