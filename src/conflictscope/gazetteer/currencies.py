"""Sums of money in a national currency ("Tk 25 lakh", "500,000 naira") -> ISO2 country code.

A local newspaper rarely names its own country: a Dhaka daily writes "a fine of Tk 25
lakh" and "the law minister" and never "Bangladesh". The currency is then the only
word that tells the country, the way a demonym does. Like a demonym it never places
an event; it is read only when a report names no place at all.

Only currencies one country uses, and only next to an amount: "rand", "yen" or
"dong" alone are other words, and rupees, shillings, pesos, dinars and francs are
shared by several countries.
"""

from __future__ import annotations

import regex as re

from conflictscope.models import Span

#: Currency names written after the amount ("500,000 naira") -> ISO2.
_NAMES: dict[str, str] = {
    "taka": "BD", "naira": "NG", "cedi": "GH", "cedis": "GH", "ringgit": "MY", "baht": "TH",
    "rupiah": "ID", "kyat": "MM", "kyats": "MM", "riel": "KH", "riels": "KH", "birr": "ET",
    "hryvnia": "UA", "hryvnias": "UA", "yuan": "CN", "renminbi": "CN",
    "yen": "JP", "dong": "VN", "tenge": "KZ", "dalasi": "GM", "dalasis": "GM", "ouguiya": "MR",
    "ouguiyas": "MR", "ariary": "MG", "nakfa": "ER", "zloty": "PL", "zlotys": "PL",
    "forint": "HU", "forints": "HU", "lempira": "HN", "lempiras": "HN", "quetzal": "GT",
    "quetzales": "GT", "quetzals": "GT", "bolivar": "VE", "bolivars": "VE", "bolivares": "VE",
    "somoni": "TJ", "rand": "ZA",
}
#: Symbols and codes written before the amount ("Tk 25 lakh", "KSh 2,000", "₦5m") -> ISO2.
_MARKS: dict[str, str] = {
    "Tk": "BD", "Tk.": "BD", "৳": "BD", "BDT": "BD", "₦": "NG", "NGN": "NG", "GH₵": "GH",
    "GHS": "GH", "KSh": "KE", "Ksh": "KE", "KES": "KE", "UGX": "UG", "TZS": "TZ", "ZAR": "ZA",
    "RM": "MY", "MYR": "MY", "THB": "TH", "Rp": "ID", "Rp.": "ID", "IDR": "ID", "₹": "IN",
    "INR": "IN", "PKR": "PK", "LKR": "LK", "NPR": "NP", "₴": "UA", "UAH": "UA", "VND": "VN",
    "MMK": "MM", "ETB": "ET", "EGP": "EG", "₱": "PH", "RMB": "CN", "CNY": "CN", "JPY": "JP",
    "IRR": "IR", "AFN": "AF", "IQD": "IQ", "SYP": "SY", "LBP": "LB", "YER": "YE", "LYD": "LY",
    "TND": "TN", "DZD": "DZ", "AED": "AE", "MXN": "MX", "BRL": "BR", "R$": "BR",
}
_AMOUNT = r"\d[\d,.]*(?:\s?(?:lakhs?|crores?|million|billion|thousand|mn|bn|m|k)\b)?"
_AFTER = re.compile(rf"(?<![\w.]){_AMOUNT}\s+(?P<mark>{'|'.join(sorted(_NAMES, key=len, reverse=True))})\b",
                    re.IGNORECASE)
_BEFORE = re.compile(
    rf"(?<!\w)(?P<mark>{'|'.join(re.escape(m) for m in sorted(_MARKS, key=len, reverse=True))})"
    rf"\s?(?={_AMOUNT})"
)


def currency_countries(text: str) -> list[tuple[Span, str]]:
    """Each amount of money in a single country's currency: (the currency's span, ISO2), in text order."""
    found: list[tuple[Span, str]] = []
    for match in _AFTER.finditer(text):
        start, end = match.span("mark")
        found.append((Span(start, end, match.group("mark")), _NAMES[match.group("mark").lower()]))
    for match in _BEFORE.finditer(text):
        start, end = match.span("mark")
        found.append((Span(start, end, match.group("mark")), _MARKS[match.group("mark")]))
    return sorted(found, key=lambda pair: pair[0].start)
