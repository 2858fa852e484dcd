"""Words the date grammar is built from, with their values."""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip

NUMBERS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
    "twenty": 20, "thirty": 30, "a couple of": 2, "a dozen": 12,
}  # fmt: skip

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}  # fmt: skip

DECADE_WORDS: dict[str, int] = {
    "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
    "seventies": 70, "eighties": 80, "nineties": 90,
}  # fmt: skip

CENTURY_WORDS: dict[str, int] = {
    "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty first": 21,
}  # fmt: skip

# Spoken years, as broadcast transcripts write them ("nineteen ninety-six").
UNITS_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9,
}  # fmt: skip
TENS_WORDS: dict[str, int] = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}  # fmt: skip

SEASONS: dict[str, int] = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}

# A four-digit number followed by one of these counts things; it is not a year.
COUNT_NOUNS = frozenset(
    [
        "km",
        "kilometres",
        "kilometers",
        "kilometre",
        "kilometer",
        "miles",
        "mile",
        "metres",
        "meters",
        "metre",
        "meter",
        "feet",
        "foot",
        "tons",
        "tonnes",
        "tonne",
        "ton",
        "kg",
        "kilograms",
        "pounds",
        "lbs",
        "people",
        "persons",
        "troops",
        "soldiers",
        "words",
        "word",
        "pages",
        "page",
        "dollars",
        "euros",
        "rubles",
        "roubles",
        "yuan",
        "yen",
        "pesos",
        "rupees",
        "units",
        "cars",
        "vehicles",
        "times",
        "barrels",
        "acres",
        "hectares",
        "men",
        "women",
        "children",
        "students",
        "workers",
        "employees",
        "jobs",
        "votes",
        "members",
        "cases",
        "deaths",
        "refugees",
        "tanks",
        "aircraft",
        "planes",
        "jets",
        "ships",
        "missiles",
        "warheads",
        "rounds",
        "shells",
        "sq",
        "square",
        "hours",
        "hour",
        "minutes",
        "minute",
        "seconds",
        "second",
        "days",
        "weeks",
        "months",
        "years",
        "points",
        "shares",
        "bonds",
        "items",
        "copies",
        "signatures",
        "delegates",
        "seats",
        "homes",
        "houses",
        "villages",
        "civilians",
        "prisoners",
        "megawatts",
        "mw",
        "gw",
        "kw",
        "mph",
        "km/h",
        "bpd",
    ]
)

# Words before a number that make it a label, not a year ("No. 1990", "flight 2014").
LABEL_WORDS = frozenset(
    [
        "no",
        "no.",
        "number",
        "flight",
        "route",
        "page",
        "pages",
        "article",
        "articles",
        "resolution",
        "room",
        "model",
        "version",
        "chapter",
        "section",
        "paragraph",
        "item",
        "code",
        "grade",
        "level",
        "highway",
    ]
)
