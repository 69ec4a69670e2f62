"""A made-up local news desk for the daily-brief benchmark: N distinct stories as .txt articles.

Every town, person and figure here is invented for this project. The stories
are built from a topic's own words (so no two read as the same event to the
story matcher) set in a handful of newsroom sentence patterns, with numbers
and dates for the speech normalizer to say.
"""

from __future__ import annotations

from pathlib import Path

TOWNS = (
    "Ashcombe", "Brindlemoor", "Calderwick", "Dunhollow", "Elmstead", "Farrowgate",
    "Glenmarsh", "Holloway Cross", "Ironbridge Vale", "Juniper Bay", "Kestrel Point",
    "Larkhaven", "Millbrook", "Northwold", "Oakridge", "Pennington", "Quarry Hill",
    "Ravensholt", "Saltmarsh", "Thornbury", "Upper Wexley", "Valemouth", "Westerleigh",
    "Yarrowby", "Zennor Cove", "Amberley", "Bramblecote", "Coldharbour", "Dovecliff",
    "Eastwater",
)  # fmt: skip

TOPICS = (
    ("library", "reading room", "librarians", "borrowers", "books"),
    ("tram line", "carriages", "drivers", "commuters", "tracks"),
    ("orchard", "apple harvest", "growers", "pickers", "cider"),
    ("swimming pool", "lido", "lifeguards", "swimmers", "lanes"),
    ("observatory", "telescope", "astronomers", "stargazers", "comet"),
    ("ferry service", "crossing", "skippers", "passengers", "tides"),
    ("bakery cooperative", "ovens", "bakers", "customers", "loaves"),
    ("wind farm", "turbines", "engineers", "landowners", "megawatts"),
    ("museum", "gallery", "curators", "visitors", "paintings"),
    ("hospital wing", "ward", "nurses", "patients", "beds"),
    ("football ground", "stand", "stewards", "supporters", "terraces"),
    ("vineyard", "grape harvest", "vintners", "tasters", "barrels"),
    ("fire station", "engines", "firefighters", "residents", "callouts"),
    ("canal", "locks", "boaters", "towpath walkers", "barges"),
    ("market hall", "stalls", "traders", "shoppers", "produce"),
    ("orchestra", "concert hall", "musicians", "audiences", "symphonies"),
    ("cycle path", "bike lanes", "cyclists", "pedestrians", "junctions"),
    ("primary school", "classrooms", "teachers", "pupils", "lessons"),
    ("bus depot", "fleet", "mechanics", "riders", "timetables"),
    ("nature reserve", "wetland", "rangers", "birdwatchers", "otters"),
    ("lighthouse", "lamp", "keepers", "sailors", "reefs"),
    ("brewery", "vats", "brewers", "drinkers", "hops"),
    ("airport runway", "terminal", "controllers", "travellers", "flights"),
    ("cinema", "screens", "projectionists", "filmgoers", "premieres"),
    ("recycling centre", "sorting line", "operators", "households", "plastics"),
    ("theatre", "stage", "actors", "theatregoers", "rehearsals"),
    ("police station", "custody suite", "officers", "victims", "burglaries"),
    ("allotments", "plots", "gardeners", "neighbours", "marrows"),
    ("ski slope", "chairlift", "instructors", "skiers", "snowfall"),
    ("flood barrier", "sluice gates", "hydrologists", "householders", "rainfall"),
)  # fmt: skip

PEOPLE = (
    "Mara Quillfeather", "Tobias Wrenfield", "Ines Halloran", "Pieter Vossberg",
    "Odile Marchetti", "Callum Byrne-Ashe", "Rukmini Desai", "Anselm Okoro",
    "Greta Lindqvist", "Hamish Corrigan",
)  # fmt: skip


def article(number: int) -> tuple[str, str]:
    """The `number`th story (0-based): its file name and its text (title line, then paragraphs)."""
    town = TOWNS[number % len(TOWNS)]
    place, part, staff, public, things = TOPICS[number % len(TOPICS)]
    person = PEOPLE[number % len(PEOPLE)]
    other = PEOPLE[(number + 3) % len(PEOPLE)]
    cost = 2 + (number * 7) % 40
    share = 10 + (number * 13) % 60
    count = 120 + number * 37
    year = 2027 + number % 4
    title = f"{town} {place} reopens after {cost}-month rebuild of its {part}"
    paragraphs = [
        f"The {place} in {town} reopened on Tuesday after a {cost}-month rebuild of its "
        f"{part}, which cost ${cost * 1.5:.1f}m and was finished {share % 9 + 1} weeks ahead "
        "of the date the council had promised.",
        f"{person}, who chairs the {town} {place} trust, said the {staff} had waited years for "
        f"the work and that {public} would notice the difference at once.",
        f"About {count:,} {public} came through the doors on the first morning, according to "
        f"the trust, roughly {share}% more than on an ordinary day before the {part} closed.",
        f"The {staff} said the old {part} had leaked, stood cold every winter and could no "
        f"longer take the weight of modern {things}.",
        f"Critics on the council argued that the money would have been better spent elsewhere "
        f"in {town}, and {other} said the {place} should have stayed open during the work.",
        f"The trust answered that keeping the {part} open would have doubled the cost and put "
        f"{staff} and {public} at risk while the builders worked overhead.",
        f"A second phase, adding room for {things} and a new entrance for {public}, is due to "
        f"start in March {year} if the grant from the regional fund is confirmed.",
        f"{person} said the {place} would hold an open day on Saturday, with guided tours of "
        f"the {part} every half hour from 10 a.m. to 4 p.m.",
        f"Local shops near the {place} reported busier trade, and one owner said {public} had "
        f"filled every table of her cafe by 11 a.m.",
        f"The council will review the project's accounts in {year - 1}, when the final bill "
        f"for the {part} is expected to be published in full.",
    ]
    slug = f"{number + 1:02d}-{town.lower().replace(' ', '-')}-{place.replace(' ', '-')}"
    return f"{slug}.txt", title + "\n\n" + "\n\n".join(paragraphs) + "\n"


def write_desk(folder: Path, count: int = 30) -> list[Path]:
    """Write `count` articles into `folder` (created if missing); their paths in order."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        name, text = article(number)
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
