"""Bytes to text when no one said the encoding: byte-order marks, UTF-32, and legacy code pages
checked against the letters of the language the text turns out to be in."""

from __future__ import annotations

from briefing.language import detect_language

UTF32_BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"))
"""Checked before UTF-16's: the little-endian UTF-32 mark starts with UTF-16's."""

LETTERS = {
    "english": "éèïöüç",
    "french": "àâæçéèêëîïôœùûüÿ",
    "german": "äöüßé",
    "spanish": "áéíñóúü",
    "italian": "àèéìíîòóùú",
    "portuguese": "áâãàçéêíóôõú",
    "swedish": "åäöé",
    "czech": "áčďéěíňóřšťúůýž",
    "slovak": "áäčďéíĺľňóôŕšťúýž",
    "polish": "ąćęłńóśźż",
}
"""The accented letters each language writes; a decoding full of others is the wrong code page."""

LEGACY = ("cp1252", "cp1250", "iso-8859-2", "iso-8859-15")
"""Code pages tried beside charset-normalizer's guess (Western and Central European)."""


def bom_utf32(data: bytes) -> str | None:
    """UTF-32 text with a byte-order mark, decoded; None when there is no UTF-32 mark.

    Raises:
        UnicodeDecodeError: the mark is there but the rest isn't UTF-32.
    """
    for bom, codec in UTF32_BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(codec)
    return None


def utf32_without_bom(data: bytes) -> str | None:
    """UTF-32 text saved without a mark (three zero bytes in four for Latin script), or None."""
    if len(data) % 4 or len(data) < 8:
        return None
    sample = data[:8192]
    for codec, zeros in (("utf-32-le", sample[1::4] + sample[2::4]), ("utf-32-be", sample[0::4])):
        if zeros and zeros.count(0) > 0.9 * len(zeros):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                continue  # big-endian has the zeros of little-endian too
    return None


PUNCTUATION = "“”„‘’‚«»‹›–—…•·°§©®™€£¥¢¡¿ ­×÷±"
"""Non-ASCII signs that any of these languages' text may carry."""


def fit(text: str) -> float:
    """The share of the text's non-ASCII characters that its language writes (1.0 with none).

    A sign such as "³" where a letter belongs counts against the decoding too.
    """
    foreign = [c for c in text.lower() if not c.isascii() and c not in PUNCTUATION]
    if not foreign:
        return 1.0
    letters = LETTERS.get(detect_language(text))
    if letters is None:
        # A language we have no letters for: letters are no evidence, stray signs are.
        return sum(c.isalpha() for c in foreign) / len(foreign) / 2
    return sum(c in letters for c in foreign) / len(foreign)


def best_legacy(data: bytes, guess: tuple[str, str] | None) -> str | None:
    """The decoding of non-UTF-8 bytes whose accented letters best fit the text's language.

    `guess` is (codec, text) from charset-normalizer; it wins ties, and the
    fixed code pages only win when their letters fit the language better
    (Latin-1 French comes out with "rivière", not cp1250's "rivičre").
    """
    options: list[tuple[str, str]] = [guess] if guess else []
    for codec in LEGACY:
        if guess and codec == guess[0].replace("_", "-").lower():
            continue
        try:
            options.append((codec, data.decode(codec)))
        except UnicodeDecodeError:
            continue
    if not options:
        return None
    sample = {codec: text[:20_000] for codec, text in options}
    best = max(options, key=lambda option: fit(sample[option[0]]))
    if guess and fit(sample[guess[0]]) >= fit(sample[best[0]]):
        return guess[1]
    return best[1]
