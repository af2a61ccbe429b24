"""Absolute-date spans: "15 April 2027", "April 15, 2027", "2027-04-15", "15/04/2027", "Q3 2027", "[Start Date]".

The scan in ``grammar`` finds month names and digit groups; these functions read the date around
them from the lower-cased text and record its parts.  ``dates.normalise`` turns the parts into a
calendar date, reading "04/05/2027" in the day/month order the caller sets.
"""

from __future__ import annotations

import re

from .spans import DateSpan

MONTH_NUMBER = {name: i for i, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
     ("dec", "december")], start=1) for name in names}
# Digit groups with a separator: 2027-04-15, 15/04/2027, 4/15/27, 15.04.2027 (the first character is the one before).
DIGIT_DATE = re.compile(r"[^0-9./:](?P<a>[0-9]{1,4})(?P<sep>[/.-])(?P<b>[0-9]{1,2})(?P=sep)(?P<c>[0-9]{4}|[0-9]{2})")
# Around a month name: the day before it ("15 April", "the 1st day of March", "1-Apr"), the year after it.
_DAY_BEFORE = re.compile(
    r"(?<![\w./$])(?:the[ \t]+)?(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:[ \t]+day)?(?:[ \t]+of)?(?P<sep>[ \t]+|-)$")
_YEAR_AFTER = re.compile(r"\.?,?(?P<sep>[ \t]+|-)(?P<y>(?:19|20)\d\d|\d\d)(?![\d/])")
_DAY_YEAR_AFTER = re.compile(r"\.?[ \t]+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?[ \t]+(?P<y>(?:19|20)\d\d)(?!\d)")
_QUARTER_YEAR = re.compile(r"[ \t]*(?:(?:fy|cy)[ \t]*)?'?(?P<y>(?:19|20)\d\d|\d\d)(?!\d)")
_QUARTER_WORD = re.compile(r"(?P<qw>first|second|third|fourth|1st|2nd|3rd|4th)[ \t]+$")
_QUARTER_OF = re.compile(r"(?:[ \t]+of)?[ \t]+(?:(?:fy|cy)[ \t]*)?(?P<y>(?:19|20)\d\d)(?!\d)")
PLACEHOLDER = re.compile(
    r"\[[^\]\n]{1,40}\]|<[^>\n]{1,40}>|xx/xx/xx(?:xx)?|xx-xx-xx(?:xx)?|mm/dd/yy(?:yy)?|dd/mm/yy(?:yy)?")
_PLACEHOLDER_WORDS = re.compile(r"date|start|end\b|deadline|month|year|duration|period|week|#")
_VERB_MONTHS = ("may", "march", "mar", "jan", "sept", "sep", "dec", "nov", "oct", "aug", "jun", "jul", "apr", "feb")
_DIGIT = re.compile(r"\d")


def placeholders(text: str, low: str) -> list[DateSpan]:
    """Date slots left to fill: "[Start Date]", "<insert start date>", "XX/XX/XXXX"."""
    return [DateSpan(text[m.start() : m.end()], m.start(), m.end(), "placeholder") for m in PLACEHOLDER.finditer(low)
            if m.group()[0] not in "[<" or _PLACEHOLDER_WORDS.search(m.group())]


def month_date_at(text: str, low: str, s: int, e: int, word: str, out: list[DateSpan]) -> None:
    """The date around the month name at ``low[s:e]``: day-month-year, month-day-year or month-year."""
    # Lower-case "may" or "march" is a verb; a lower-case "dec" is an abbreviation of something else.
    if text[s].islower() and word in _VERB_MONTHS:
        return
    month = MONTH_NUMBER[word]
    day = _DAY_BEFORE.search(low, max(0, s - 25), s) if _DIGIT.search(low, max(0, s - 25), s) else None
    if day:
        year = _YEAR_AFTER.match(low, e)
        if year and (len(year.group("y")) == 4 or (year.group("sep") == "-" and day.group("sep") == "-")):
            out.append(DateSpan(text[day.start() : year.end()], day.start(), year.end(), "dmy",
                                _year(year.group("y")), month, int(day.group("d"))))
            return
    m = _DAY_YEAR_AFTER.match(low, e)
    if m:
        out.append(DateSpan(text[s : m.end()], s, m.end(), "mdy", int(m.group("y")), month, int(m.group("d"))))
        return
    m = _YEAR_AFTER.match(low, e)
    if m and len(m.group("y")) == 4 and m.group("sep") != "-":
        out.append(DateSpan(text[s : m.end()], s, m.end(), "my", int(m.group("y")), month))


def quarter_at(text: str, low: str, s: int, e: int, word: str, out: list[DateSpan]) -> None:
    """ "Q3 2027", "Q3 FY27", "the third quarter of 2027"."""
    if word[0] == "q" and word[1:].isdigit():
        m = _QUARTER_YEAR.match(low, e)
        if m:
            out.append(DateSpan(text[s : m.end()], s, m.end(), "quarter", _year(m.group("y")), quarter=int(word[1])))
        return
    before = _QUARTER_WORD.search(low, max(0, s - 10), s)
    after = _QUARTER_OF.match(low, e)
    if before and after:
        q = {"first": 1, "second": 2, "third": 3, "fourth": 4}.get(before.group("qw")) or int(before.group("qw")[0])
        out.append(DateSpan(text[before.start() : after.end()], before.start(), after.end(), "quarter",
                            int(after.group("y")), quarter=q))


def digit_date(text: str, low: str, m: re.Match[str], out: list[DateSpan]) -> None:
    """A digit-group date, unless it runs on into more digits ("1/2/2019/5") or reads as something else."""
    s, e = m.start("a") - 1, m.end() - 1  # the match ran on the text with one leading space
    if e < len(low) and (low[e].isdigit() or (low[e] in "/." and low[e + 1 : e + 2].isdigit())):
        return
    a, sep, b, c = m.group("a"), m.group("sep"), m.group("b"), m.group("c")
    if len(a) == 4:
        if len(c) <= 2 and a[:2] in ("19", "20"):
            out.append(DateSpan(text[s:e], s, e, "iso", int(a), int(b), int(c)))
        return
    if len(a) > 2 or len(c) == 3:
        return
    if sep in ".-" and len(c) != 4:
        return  # "4.2.19" reads as a clause number and "3-4-19" as a part number, not a date
    if len(c) == 4 and c[:2] not in ("19", "20"):
        return
    out.append(DateSpan(text[s:e], s, e, "numeric", _year(c), first=int(a), second=int(b)))


def _year(text: str) -> int:
    """Two-digit years pivot at 70: "19" is 2019, "98" is 1998."""
    y = int(text)
    return y if y >= 100 else (2000 + y if y < 70 else 1900 + y)
