"""People and politics: who is named in the notes and the SOW, their title and side, and the phrases that
mark a champion, a decision-maker, a sceptic or friction.

Rules, not a statistical model: notes are short and informal, and a name is only taken where something
says it is a person (a courtesy title, a job title beside it, a verb only people do, a list that holds a
known name), so that "Thanksgiving", "Spanish" or "Willamette Vet" never become people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_HONORIFIC = r"(?:Dr|Mr|Mrs|Ms|Mx|Prof|Sir|Dame)\.?"
_WORD = r"(?:(?:Mac|Mc|De|Di|La|Le)[A-Z][a-z]+|[A-Z][a-z]+(?:-[A-Z][a-z]+|['’][A-Z][a-z]+)?|[A-Z]\.(?:[A-Z]\.)?|O['’][A-Z][a-z]+)"
_PARTICLE = r"(?:van|von|de|der|den|da|del|della|du|le|la|bin|al)"
_NAME = rf"(?:{_HONORIFIC}\s+)?{_WORD}(?:(?:\s+{_PARTICLE}){{0,2}}\s+{_WORD}){{0,2}}"
NAME = re.compile(rf"(?<![\w.])(?P<name>{_NAME})(?![\w])")

# Job titles, most specific first; an acronym title (CFO) is matched as written.
_TITLE_WORDS = (
    r"chief\s+\w+\s+officer|managing\s+director|practice\s+director|practice\s+manager|office\s+manager|"
    r"operations\s+manager|finance\s+director|finance\s+manager|it\s+manager|it\s+lead|head\s+of\s+[a-z]+(?:\s+(?!and\b|or\b)[a-z]+)?|"
    r"vp\s+of\s+[a-z]+|vice\s+president(?:\s+of\s+[a-z]+)?|project\s+manager|program(?:me)?\s+manager|"
    r"product\s+owner|product\s+manager|account\s+manager|account\s+executive|creative\s+director|"
    r"lead\s+(?:developer|designer|consultant|engineer)|(?:senior\s+)?(?:developer|designer|consultant|engineer|analyst)|"
    r"procurement\s+(?:lead|manager|officer)|marketing\s+(?:manager|director|lead)|"
    r"director|manager|founder|co-founder|owner|partner|principal|president|chair(?:man|woman|person)?|"
    r"trustee|treasurer|administrator|coordinator|strategist|specialist|lead|sales(?:person)?|pm"
)
_ACRONYM_TITLES = r"CEO|CFO|COO|CTO|CIO|CMO|CISO|CDO|MD|GM|PM|VP"
TITLE = re.compile(rf"\b(?:(?i:{_TITLE_WORDS})|{_ACRONYM_TITLES})\b")
# A title as written beside a name, with the words that qualify it ("Project Coordinator", "Senior Analyst").
_TITLE_PHRASE = rf"(?:[A-Z][A-Za-z]+\s+){{0,2}}(?:{TITLE.pattern})"
# Groups that act like people in notes ("IT was not in the room", "finance pushed back").
_TEAM = re.compile(r"\b(?:IT|[Ff]inance|[Pp]rocurement|[Ll]egal|[Tt]he\s+board|[Mm]arketing|[Oo]perations|"
                   r"(?:their|the)\s+(?:IT|finance|legal|procurement|marketing|ops|operations)\s+(?:team|people|side|department))\b")

# A capitalised word followed by one of these is a person doing something people do.
_PERSON_VERB = re.compile(
    r"\s+(?:(?:is|was|isn't|wasn't)\s+(?:the|our|their|not|very|really|worried|concerned|keen|happy|unhappy|"
    r"sceptical|skeptical|unconvinced|convinced|excited|nervous|pushing|driving|leading|on\s+board)|"
    r"(?:said|says|told|asked|asks|wants|wanted|assumes|assumed|expects|expected|joined|signs|signed|"
    r"approves|approved|decides|decided|thinks|thought|mentioned|mentions|pushed|pushes|loves|loved|likes|"
    r"liked|hates|doubts|doubted|worries|worried|insisted|insists|agreed|agrees|owns|runs|leads|"
    r"prefers|championed|champions|raised|questioned|objected|emailed|called|replied|handles|"
    r"manages|chairs|hosts|looks\s+after|owns)\b)"
)
_NOT_NAMES = {
    "i", "we", "they", "he", "she", "it", "you", "our", "their", "the", "a", "an", "this", "that", "these",
    "call", "calls", "next", "told", "said", "promised", "mentioned", "discussed", "general", "notes", "note",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "sept", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "thanksgiving",
    "christmas", "easter", "spanish", "english", "french", "german", "from", "to", "cc", "subject", "re",
    "fw", "fwd", "also", "and", "but", "so", "if", "when", "after", "before", "both", "all", "nobody", "everyone",
    "client", "provider", "sow", "scope", "hosting", "project", "phase", "week", "day", "team", "site",
    "website", "budget", "price", "fee", "contract", "proposal", "statement", "work", "kickoff", "launch",
    "they've", "they're", "we've", "we're", "we'd", "they'd", "i've", "i'd", "i'm", "it's", "let's",
    "they’ve", "they’re", "we’ve", "we’re", "we’d", "they’d", "it’s",
}
_ORG_WORDS = re.compile(r"\b(?:Group|Studio|Inc|Ltd|LLC|Limited|Company|Corp|Council|Trust|Foundation|Agency|"
                        r"Partners|Dental|Clinic|Practice|Vet|University|School|Bank|Systems|Solutions|Digital|"
                        r"Labs?|Media|Consulting|Services|Software|Health|Care|Fund|Charity)\b")

# A capitalised word right after one of these is someone the salesperson spoke to.
_ADDRESSED = re.compile(r"\b(?:[Tt]old|[Pp]romised|[Aa]sked|[Ee]mailed|[Cc]alled|[Ss]howed|[Mm]et|[Ww]ith|[Cc]c)\s+$")
# "J. Ortiz from finance": the team is the title.
_FROM_TEAM = re.compile(r"\s+(?:from|in|of|at)\s+(?:the\s+)?(?P<t>IT|[Ff]inance|[Pp]rocurement|[Ll]egal|[Mm]arketing|"
                        r"[Oo]perations|[Oo]ps|HR|[Tt]he\s+board)\b")

# Cues: the phrase, and who it is about is the person nearest before it in the sentence.
CUES = {
    "decision-maker": re.compile(
        r"\b(?:decision[- ]?maker|makes?\s+the\s+(?:final\s+)?(?:call|decision)|(?:has|have)\s+the\s+final\s+say|"
        r"final\s+say|signs?\s+(?:off|the\s+(?:contract|cheque|check|po|order))|sign-?off\s+(?:is|sits)\s+with|"
        r"budget\s+holder|holds?\s+the\s+(?:budget|purse)|controls?\s+the\s+budget|approves?\s+the\s+(?:budget|spend|contract)|"
        r"(?:the\s+)?one\s+who\s+decides|(?:will\s+)?decides?\b|economic\s+buyer)", re.I),
    "champion": re.compile(
        r"\b(?:champion(?:s|ed|ing)?|(?:our|the)\s+(?:main\s+)?(?:advocate|sponsor)|pushing\s+(?:hard\s+)?for|drove|"
        r"driving\s+(?:this|the\s+project)|big\s+fan|sold\s+on|(?:really\s+)?keen\s+on|very\s+keen|excited\s+about|"
        r"on\s+our\s+side|in\s+our\s+corner|loves?\s+(?:the|our)\s+(?:idea|proposal|approach|plan|work|portfolio|pitch))", re.I),
    "sceptic": re.compile(
        r"\b(?:not\s+(?:yet\s+)?(?:convinced|sold|keen|on\s+board|bought\s+in)|unconvinced|scepti\w+|skepti\w+|"
        r"doubts?|doubtful|pushed\s+back|push(?:es|ing)?\s+back|resist\w*|hesitant|wary|reluctant|"
        r"(?:is|was|are|were)\s+(?:worried|concerned|nervous)\s+(?:that\s+we|whether|about\s+(?:the\s+|our\s+)?(?:price|cost|budget|"
        r"fee|timeline|schedule|value|roi|us|agencies|vendors|consultants))|questioned\s+(?:the|whether|why)|objected)", re.I),
    "friction": re.compile(
        r"\b(?:not\s+in\s+the\s+room|(?:was|were|wasn't|weren't)\s+not\s+(?:involved|consulted|invited)|"
        r"(?:wasn't|weren't|not)\s+(?:involved|consulted|invited|aligned|looped\s+in)|left\s+out|tension|friction|"
        r"politic\w*|turf|disagree\w*|don'?t\s+get\s+(?:on|along)|at\s+odds|conflict\w*|went\s+over\s+\w+\s+head|"
        r"bypass\w*|blocked?\s+(?:it|us|this|the)|competing\s+(?:priorities|vendor|agency)|veto\w*)", re.I),
    "contact": re.compile(r"\b(?:main\s+contact|point\s+of\s+contact|day[- ]to[- ]day|go-?to\s+person|liaison)\b", re.I),
}
_PROVIDER_CUE = re.compile(r"\b(?:our|(?:from\s+)?us|we|sales|account\s+(?:manager|executive)|our\s+side)\b", re.I)
_CLIENT_CUE = re.compile(r"\b(?:their|they|client|customer|on\s+their\s+side|from\s+the\s+\w+\s+(?:practice|office|site|team))\b", re.I)


@dataclass
class Person:
    name: str  # as written, titles stripped ("Alan Whitcombe", "J. Ortiz"); "" for an unnamed role ("the CFO")
    title: str = ""
    side: str = ""  # "client", "provider" or "" when nothing says
    cues: list[str] = field(default_factory=list)
    where: str = ""


@dataclass
class Signal:
    cue: str
    text: str
    who: str  # the person or group it is about, "" when the sentence names none
    where: str = ""


def _clean(name: str) -> str:
    return re.sub(rf"^{_HONORIFIC}\s+", "", name).strip()


def _first_word(name: str) -> str:
    words = name.split()
    return words[0].lower().rstrip(".") if words else ""


def candidate_names(sentence: str, known: set[str] = frozenset()) -> list[tuple[str, int, int]]:
    """(name, start, end) for the capitalised runs in ``sentence`` that something marks as a person."""
    out = []
    for m in NAME.finditer(sentence):
        raw = m.group("name")
        # drop leading words that are not names ("Told Alan" -> "Alan"; "Call" at a sentence start)
        words = raw.split()
        while words and words[0].lower().rstrip(".") in _NOT_NAMES and not re.match(_HONORIFIC + "$", words[0]):
            words = words[1:]
        while words and words[-1].lower() in _NOT_NAMES:
            words = words[:-1]
        if not words:
            continue
        name = " ".join(words)
        start = m.start() + raw.find(words[0])
        end = start + len(name)
        if _ORG_WORDS.search(name) or TITLE.search(name) or _TEAM.fullmatch(name) or name.isupper():
            continue
        clean = _clean(name)
        if not clean:  # a courtesy title alone ("Dr.")
            continue
        honorific = re.match(_HONORIFIC + r"\s", name) is not None
        initial = re.match(r"[A-Z]\.", clean) is not None and len(clean.split()) > 1
        after, before = sentence[end:], sentence[:start]
        titled = bool(re.match(rf"\s*(?:,|\(|\s[-–])\s*(?:the\s+|their\s+|our\s+)?(?:(?!and\b|or\b)[a-z]+\s+)?{_TITLE_PHRASE}", after)) or \
            bool(re.search(rf"(?:{TITLE.pattern})\s*,?\s*$", before))
        acting = bool(_PERSON_VERB.match(after)) or bool(_ADDRESSED.search(before))
        listed = clean in known or _first_word(clean) in {_first_word(k) for k in known if k}
        in_brackets = re.search(r"\([^()]*$", before) and re.match(r"[^()]*\)", after)
        # Two capitalised words alone ("Google Maps", "Yarra Valley") are not enough: something must say person.
        if (honorific or initial or titled or acting or listed) and not in_brackets:
            out.append((clean, start, end))
    return _widen_lists(sentence, out, known)


def _widen_lists(sentence: str, found: list[tuple[str, int, int]], known: set[str]) -> list[tuple[str, int, int]]:
    """In "for Maya, Leo and Priscilla", once one member is a person, so are the others."""
    if not found:
        return found
    seen = {n for n, _s, _e in found}
    firsts = ({_first_word(k) for k in known} | {_first_word(n) for n in seen}) - {""}
    joiner = rf"\s+(?:and|&)\s+(?:the\s+|their\s+|our\s+)?(?:(?:{TITLE.pattern})\s+)?"
    for m in re.finditer(rf"{_WORD}(?:\s*,\s*{_WORD})*(?:\s*,?{joiner}{_WORD})", sentence):
        members = [w for w in re.split(rf"\s*,\s*|\s*,?{joiner}", m.group(0)) if w]
        plain = all(w.lower() not in _NOT_NAMES and not _ORG_WORDS.search(w) for w in members)
        if any(w in seen or w.lower().rstrip(".") in firsts for w in members) or (plain and len(members) >= 3 and seen):
            for w in members:
                if w not in seen and w.lower() not in _NOT_NAMES:
                    at = sentence.find(w, m.start())
                    found.append((w, at, at + len(w)))
                    seen.add(w)
    return sorted(found, key=lambda t: t[1])


def _title_near(sentence: str, start: int, end: int) -> str:
    """The job title written beside a name: "Deb, the office manager", "office manager Deb", "Alan (CFO)"."""
    team = _FROM_TEAM.match(sentence[end:])
    if team:
        return team.group("t")
    after = re.match(rf"\s*(?:,|\(|\s[-–])\s*(?:the\s+|their\s+|our\s+)?(?P<t>(?:(?!and\b|or\b)[a-z]+\s+)?{_TITLE_PHRASE}(?:\s+of\s+[A-Z][\w&]*(?:\s+[A-Z][\w&]*)*)?)",
                     sentence[end:])
    if after:
        title = after.group("t")
        if re.fullmatch(_ACRONYM_TITLES, title):  # "VP Engineering", "CTO Platform"
            more = re.match(r"(?:\s+(?:of\s+)?[A-Z][a-z]+){1,2}", sentence[end + after.end():])
            title += more.group(0) if more else ""
        return title
    stated = re.match(rf"\s+(?:is|was)\s+(?:the|their|our)\s+(?P<t>(?:[a-z]+\s+)?{_TITLE_PHRASE}(?:\s+of\s+[A-Z][a-z]+)?)", sentence[end:])
    if stated:  # "Declan Murphy is the CEO", "Robert Hartley is the managing partner"
        return stated.group("t")
    before = re.search(rf"(?P<t>{TITLE.pattern})\s*,?\s*$", sentence[:start])
    return before.group("t") if before else ""


def _side(sentence: str, title: str, name: str, known_sides: dict[str, str]) -> str:
    for k, side in known_sides.items():
        if name == k or _first_word(name) == _first_word(k):
            return side
    if re.search(r"\b(?:sales|account\s+(?:manager|executive))\b", title, re.I) or \
            re.search(rf"{re.escape(name)}\s*\((?:sales|pm|us|ours)\)", sentence, re.I):
        return "provider"
    if re.search(rf"\bour\s+(?:\w+\s+)?{re.escape(title or '@@')}", sentence, re.I):
        return "provider"
    if _CLIENT_CUE.search(sentence) or re.search(r"\btheir\b", sentence, re.I):
        return "client"
    if re.search(r"\b(?:told|promised|asked|showed|sent)\s+" + re.escape(name.split()[0]), sentence):
        return "client"  # the salesperson tells the client, not a colleague
    return ""


def people_in(sentence: str, known: dict[str, str] | None = None, where: str = "",
              orgs: tuple[str, ...] = ()) -> tuple[list[Person], list[Signal]]:
    """The people one sentence names (with title, side, cues) and the political signals it carries;
    ``known`` maps names already read to their side, ``orgs`` are the parties' names (never people)."""
    known = known or {}
    original = sentence
    for org in sorted({o for o in orgs if o[:1].isupper()}, key=len, reverse=True):
        sentence = _mask(sentence, org)
    names = candidate_names(sentence, set(known))
    people = []
    for name, start, end in names:
        title = _title_near(sentence, start, end)
        people.append(Person(name, title, _side(sentence, title, name, known), [], where))
    # Unnamed roles and teams: "the CFO is not convinced", "IT was not in the room".
    covered = [(s, e) for _n, s, e in names]
    roles = re.finditer(rf"\b(?i:the|their|our)\s+(?P<t>(?:{TITLE.pattern})(?:\s+of\s+[A-Z][a-z]+)?)\b", sentence)
    for m in list(roles) + list(_TEAM.finditer(sentence)):
        if re.fullmatch(r"(?i:sales|pm|lead|specialist|strategist|coordinator|owner|partner|principal)", m.groupdict().get("t") or ""):
            continue  # "the sales cycle", "the PM tool", "the partner dashboards": a bare word names nobody
        bare = re.sub(r"^(?i:the|their|our)\s+", "", m.group(0)).lower()
        inside_title = any(p.title and bare in p.title.lower() for p in people)
        if inside_title or any(abs(m.start() - e) <= 3 or abs(m.end() - s) <= 3 or s <= m.start() < e for s, e in covered):
            continue  # the title of a named person ("Deb, the office manager")
        title = m.groupdict().get("t") or m.group(0)
        title = re.sub(r"^(?:the|their|our)\s+", "", title, flags=re.I)
        side = "provider" if re.match(r"our\b", m.group(0), re.I) else "client"
        if any(p.name == "" and p.title.lower() == title.lower() for p in people):
            continue
        people.append(Person("", title, side, [], where))
        covered.append((m.start(), m.end()))
    signals = []
    for cue, pattern in CUES.items():
        for m in pattern.finditer(sentence):
            if cue == "decision-maker" and m.group(0).lower() == "decide" and not people:
                continue
            who = _nearest(people, sentence, m.start())
            if who is not None and cue not in who.cues:
                who.cues.append(cue)
            label = (who.name or who.title) if who is not None else ""
            if cue == "contact" and who is None:
                continue
            if who is None and cue in ("decision-maker", "champion"):
                continue  # "we decided", "we drove there": a cue about nobody named says nothing
            signals.append(Signal(cue, original.strip(), label, where))
            break
    return people, signals


def _mask(sentence: str, org: str) -> str:
    """``org`` blanked out (same length, lower case, so offsets stay right), as a whole word ("we" is not
    inside "Owen"), except as a surname ("Robert Hartley" of "Hartley & Moss")."""
    def blank(m: re.Match) -> str:
        if re.search(rf"(?:^|\s){_WORD}\s+$", sentence[: m.start()]) and " " not in org:
            return m.group(0)
        return "x" * len(m.group(0))

    return re.sub(rf"(?<!\w){re.escape(org)}(?!\w)", blank, sentence)


def _nearest(people: list[Person], sentence: str, at: int) -> Person | None:
    """The person whose mention ends last before ``at`` (else the first after it)."""
    best, best_pos = None, -1
    for p in people:
        key = p.name or p.title
        pos = sentence.rfind(key, 0, at + 1) if key else -1
        if pos > best_pos:
            best, best_pos = p, pos
    if best is None and people:
        best = people[0]
    return best


def merge(people: list[Person]) -> list[Person]:
    """One entry per person: "Alan", "Alan Whitcombe" and "Dr. Alan Whitcombe" are the same man."""
    out: list[Person] = []
    for p in people:
        same = next((q for q in out if _same(q, p)), None)
        if same is None:
            out.append(Person(p.name, p.title, p.side, list(p.cues), p.where))
            continue
        if len(p.name) > len(same.name):
            same.name = p.name
        same.title = same.title or p.title
        same.side = same.side or p.side
        same.cues += [c for c in p.cues if c not in same.cues]
    return out


def _same(a: Person, b: Person) -> bool:
    if a.name and b.name:
        short, long_ = sorted((a.name, b.name), key=lambda n: len(n.split()))
        # "Alan" is "Alan Whitcombe"; "Lin" (from "Dr. Lin") is "Helen Lin"
        return a.name == b.name or len(short.split()) == 1 and short in (long_.split()[0], long_.split()[-1])
    return not a.name and not b.name and a.title.lower() == b.title.lower() and a.side == b.side
