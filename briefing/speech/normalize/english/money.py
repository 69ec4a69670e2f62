"""English amounts of money and percentages: "$1.2bn", "£3.50", "50p", "3.5%"."""

from __future__ import annotations

import re

from briefing.speech import numbers as num
from briefing.speech.normalize.english.words import (
    NUMBER,
    SCALES,
    after_article,
)

_CURRENCIES = {
    "$": ("dollar", "dollars", "cent", "cents"),
    "US$": ("U.S. dollar", "U.S. dollars", "cent", "cents"),
    "A$": ("Australian dollar", "Australian dollars", "cent", "cents"),
    "AU$": ("Australian dollar", "Australian dollars", "cent", "cents"),
    "C$": ("Canadian dollar", "Canadian dollars", "cent", "cents"),
    "CA$": ("Canadian dollar", "Canadian dollars", "cent", "cents"),
    "NZ$": ("New Zealand dollar", "New Zealand dollars", "cent", "cents"),
    "HK$": ("Hong Kong dollar", "Hong Kong dollars", "cent", "cents"),
    "£": ("pound", "pounds", "penny", "pence"),
    "€": ("euro", "euros", "cent", "cents"),
    "¥": ("yen", "yen", "sen", "sen"),
    "₹": ("rupee", "rupees", "paisa", "paise"),
    "₩": ("won", "won", "jeon", "jeon"),
    "₽": ("ruble", "rubles", "kopek", "kopeks"),
    "₦": ("naira", "naira", "kobo", "kobo"),
}

_MONEY = re.compile(
    r"(?P<sign>-\s?)?(?P<cur>US\$|AU?\$|CA?\$|NZ\$|HK\$|[$£€¥₹₩₽₦])\s?(?P<num>"
    + NUMBER
    + r")(?:(?P<space>[\s-]?)(?P<scale>thousand|million|billion|trillion|mn|mln|bn|bln|trn|tn|[kKmMbBT])(?![\w]))?"
)
_MONEY_RANGE = re.compile(
    r"(?P<cur>US\$|AU?\$|CA?\$|NZ\$|HK\$|[$£€¥₹₩₽₦])\s?(?P<low>"
    + NUMBER
    + r")\s?(?:[-–]|to)\s?(?:(?P=cur)\s?)?(?P<high>"
    + NUMBER
    + r")(?:(?P<space>\s?)(?P<scale>thousand|million|billion|trillion|mn|mln|bn|bln|trn|tn|[kmbT]))?(?![\w.,]?\d|\w)"
)
_PENCE = re.compile(r"(?<![\w.,])(\d{1,3})(p|c)(?![\w])")


def read_money(text: str) -> str:
    """ "$1.2bn" -> "one point two billion dollars", "£3.50" -> "three pounds and fifty pence"."""

    def money(m: re.Match[str]) -> str:
        one, many, sub_one, sub_many = _CURRENCIES[m["cur"]]
        sign = "minus " if m["sign"] else ""
        amount = m["num"].replace(",", "")
        scale = m["scale"]
        if scale and scale in {"m", "b", "M", "B", "T", "k", "K"} and m["space"]:
            scale = None  # "$5 m" is too ambiguous; "$5m" is not
        if after_article(m):
            many = one  # "a $10m grant": "a ten million dollar grant"
        if scale:
            return f"{sign}{num.decimal(amount)} {SCALES[scale]} {many}"
        whole, _, cents = amount.partition(".")
        if len(whole) > 15:  # read digit by digit, never through int()
            return f"{sign}{num.decimal(amount)} {many}"
        whole_n = int(whole or "0")
        if cents and len(cents) == 2:
            cents_n = int(cents)
            sub = f"{num.cardinal(cents_n)} {sub_one if cents_n == 1 else sub_many}"
            if whole_n == 0:
                return sign + sub
            unit = one if whole_n == 1 else many
            main = f"{num.cardinal(whole_n)} {unit}"
            return sign + (main if cents_n == 0 else f"{main} and {sub}")
        if cents:
            return f"{sign}{num.decimal(amount)} {many}"
        return f"{sign}{num.cardinal(whole_n)} {one if whole_n == 1 else many}"

    def money_range(m: re.Match[str]) -> str:
        many = _CURRENCIES[m["cur"]][1]
        if after_article(m):
            many = _CURRENCIES[m["cur"]][0]
        low, high = num.decimal(m["low"]), num.decimal(m["high"])
        if not m["scale"]:
            if "." in m["low"] + m["high"]:
                return m[0]  # "$1.50-2.00": cents, read each amount on its own
            return f"{low} to {high} {many}"
        return f"{low} to {high} {SCALES[m['scale']]} {many}"

    text = _MONEY_RANGE.sub(money_range, text)
    text = _MONEY.sub(money, text)

    def coins(m: re.Match[str]) -> str:
        n = int(m[1])
        if m[2] == "p":
            return f"{num.cardinal(n)} {'penny' if n == 1 else 'pence'}"
        return f"{num.cardinal(n)} {'cent' if n == 1 else 'cents'}"

    return _PENCE.sub(coins, text)


_PERCENT = re.compile(r"(?P<sign>(?<![\w.])-)?(?P<num>" + NUMBER + r")(?:\s?%|pc\b)")


def read_percent(text: str) -> str:
    """ "3.5%" -> "three point five percent"."""

    def percent(m: re.Match[str]) -> str:
        sign = "minus " if m["sign"] else ""
        return f"{sign}{num.decimal(m['num'])} percent"

    text = _PERCENT.sub(percent, text)
    return re.sub(r"(?<=\s)%(?=\s|$)", "percent", text)
