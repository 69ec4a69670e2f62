"""sumy's stemmers and stop words, built without sumy's slow language lookup, are sumy's own."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from sumy.nlp.stemmers import Stemmer
from sumy.utils import get_stop_words

from briefing.summarize.sumy_methods import stemmer, stop_words

WORDS = ["running", "abilities", "Häuser", "généralement", "nejlepší", "książki", "news"]


@pytest.mark.parametrize("language", ["english", "English", "en", "german", "de", "czech"])
def test_same_stemmer_and_stop_words_as_sumy(language: str) -> None:
    reference = Stemmer(language)
    ours = stemmer(language)
    assert [ours(w) for w in WORDS] == [reference(w) for w in WORDS]
    assert stop_words(language) == get_stop_words(language)


@pytest.mark.parametrize("language", ["klingon", "xx"])
def test_unknown_language_falls_back_to_english_without_stop_words(language: str) -> None:
    with pytest.raises(LookupError):
        Stemmer(language)
    english = Stemmer("english")
    assert [stemmer(language)(w) for w in WORDS] == [english(w) for w in WORDS]
    assert stop_words(language) == frozenset()


def test_language_names_do_not_load_the_country_database() -> None:
    """pycountry's database takes tens of milliseconds to load; a name needs no lookup."""
    code = textwrap.dedent(
        """
        import pycountry
        from briefing.ingest import read_article
        from briefing.summarize import summarize
        summarize(read_article("samples/harbour-tunnel.txt"), "lexrank")
        print(pycountry.languages._is_loaded)
        """
    )
    from support import REPO

    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert proc.stdout.strip() == "False"
