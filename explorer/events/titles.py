"""Headline titles: who did what, from the clause that holds the date.

A sentence in an article carries more than its event: a discourse opener ("Be that as it may,",
"However,"), an attribution frame ("He said", "according to officials"), asides in brackets or
between dashes, quotations, and the date itself. The title keeps the clause's subject, verb and
object, drops the rest, and is cut at a phrase boundary to about twelve words (a clause of up
to eighteen is kept whole rather than cut before its object), never inside a word, never in
the middle of a quotation.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from explorer.actors.lexicon import TITLES, lexicon, wordlist
from explorer.language.english import IRREGULAR_PAST
from explorer.resources import resource

TARGET_WORDS = 12  # a headline's length: longer titles are cut at a phrase boundary within it
MAX_WORDS = 18  # ... or, where none says enough, kept whole up to this: never cut mid-phrase
_OVER_WORDS = 6  # ... or, failing that, to a phrase boundary this many words further
LONGEST = MAX_WORDS + _OVER_WORDS  # no title is longer
_MIN_WORDS = 3

# Between clauses: semicolons, colons, dashes, and the bullets of a list of highlights run
# into one line ("* Ferry traffic up sharply * Fares rise").
_CLAUSE_BREAK = re.compile(r"\s*(?:;|:\s|—|–|\s-\s|(?:^|\s)\\?[*•]\s)\s*")  # "\*": escaped
# A second verb phrase of one subject: "was announced on 4 June but was only meant to take
# effect in August".
_VP_COORDINATION = re.compile(
    r"(?:,?\s+(?:but|and|yet)|,)\s+(?=(?:was|were|is|are|has|had|have|will|would|could|did|then|also"
    r"|later|only|never|still)\b)"
)
# Two clauses joined: ", and the parliament ratified …", ", while …", ", but …".
# Without a comma only "but" and "whereas", and only before a subject of their own ("… were
# not available but two traders estimated …"), not a second verb ("… but was only meant …").
_COORDINATION = re.compile(
    r"(?:,\s+(?:and|but|while|whereas|yet)|\s+(?:but|whereas)(?=\s+(?!(?:was|were|is|are|has|had"
    r"|have|will|would|could|can|did|do|does|also|then|only|never|still|not|later|soon)\b)"
    r"(?:the|a|an|two|three|some|many|most|[A-Z])))\s+(?=(?:the|a|an|[A-Z]|\w+\s))"
)
_ASIDE = re.compile(
    r"\s*\([^()]*\)|\s*—[^—]{1,120}—|\s*–[^–]{1,120}–|\s+--\s(?:(?!--)[^,;]){1,120}\s--(?=\s)"
    r"|\s+-\s(?:(?!\s-\s)[^,;]){1,120}\s-(?=\s)"  # "Admiral Allen - the official in charge - said"
)


def wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Typewriter quotes too: wire copy writes ``so'' for "so".
_QUOTES = re.compile(r"``|''|[\"“”«»`]|(?<!\w)['‘]|['’](?!\w)")
_QUOTE_CHARACTERS = "\"“”«»'‘’`"
# Openers that say how the writer sees the sentence, not what happened.
_OPENER = re.compile(
    r"^(?:(?:and|but|or|so|yet|also|however|meanwhile|moreover|furthermore|indeed|thus|hence"
    r"|still|instead|nevertheless|nonetheless|conceivably|clearly|obviously|importantly"
    r"|interestingly|notably|significantly|similarly|likewise|besides|finally|first|second"
    r"|then|now|today|here|in\s+fact|in\s+turn|of\s+course|after\s+all|above\s+all"
    r"|be\s+that\s+as\s+it\s+may|that\s+said|to\s+be\s+sure|in\s+other\s+words|what\s+is\s+more"
    r"|(?:most|more|equally)\s+(?:important(?:ly)?|significant(?:ly)?|interesting(?:ly)?)"
    r"|on\s+the\s+other\s+hand|in\s+any\s+case|at\s+the\s+same\s+time|for\s+(?:his|her|its|their)"
    r"\s+part)\b[\s,]*)+",
    re.IGNORECASE,
)
# "He said that …", "DSM said net income rose": the frame around what was said. A pronoun or a
# nameless source goes; a named one stays as the headline's "DSM: …".
_SAYING = (
    r"(?:said|says|told\s+(?:(?:a|an|the)\s+(?:\w+\s+){0,2}\w+|\w+(?:\s+\w+)?)|added|noted"
    r"|stated|announced|declared|stressed"
    r"|insisted|argued|warned|wrote|reported|claimed|believes|thinks|estimates?|expects)"
    r"(?:\s+(?:privately|publicly|separately|today|yesterday|earlier|later|on\s+\w+"
    r"|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
    r"|in\s+(?:an?\s+|the\s+|his\s+|her\s+|its\s+)?(?:[\w-]+\s+)?[\w-]+))?"  # "in an e-mail"
    r"(?:\s*,|\s+that\b)?\s+"
)
_FRAME_BEFORE = re.compile(
    r"^(?P<who>(?:(?:the\s+)?[A-Z][\w.'’&-]*(?:\s+[\w.'’&-]+){0,8}?)|he|she|they|it|we|i),?\s+"
    # "Mike Lind, in an interview, said that …"
    r"(?:(?:in|during|at)\s+[^,]{2,50},\s+)?" + _SAYING
)
# "The disaster response chief, Admiral Mara Lind, said …": the speaker is the name in apposition.
_FRAME_APPOSED = re.compile(
    r"^(?:(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s[^,]{2,60},\s+"
    r"(?P<who>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,4})"
    # "Thad Allen, head of the Coast Guard, told …": the name first, then its role
    r"|(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,4}),\s+(?:[a-z][^,]{2,60}))"
    r",?\s+" + _SAYING
)
_NAMELESS = re.compile(
    r"^(?:he|she|they|it|we|i|you|officials?|the\s+\w+|an?\s+\w+(?:\s+\w+)?|reports?"
    r"|sources?|analysts?|experts?|witnesses|diplomats?|police|residents|critics)$",
    re.IGNORECASE,
)
# "ADDIS ABABA, Ethiopia_", "MOSCOW (AP) —": an agency dateline.
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]{2,40}(?:,\s*[A-Z][\w. ]{1,30})?\s*(?:\([\w ]+\))?\s*[_—–-]+\s*")
# "late Thursday or early Friday": the second date of a pair goes with the first.
_OR_ANOTHER_DATE = re.compile(
    r"^\s*(?:or|and|to)\s+(?:(?:early|late|mid)[\s-]*)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day"
    r"|january|february|march|april|may|june|july|august|september|october|november|december"
    r"|(?:19|20)\d\d)\b(?:\s+(?:morning|afternoon|evening|night|\d{1,2}\b))?",
    re.IGNORECASE,
)
_SAYING_OPENER = re.compile(r"\s*(?:Interviewed|Asked|Questioned|Quizzed|Pressed)\s")
_PAST_PARTICIPLE_OPENER = re.compile(
    r"\s*[A-Z][a-z]+(?:ed|en)\s+(?:by|on|with|in|from|to|at|for|about|after)\b(?:[^,]|,(?=\d)){0,80},(?!\d)\s*"
)
# A photo's credit run into the text after it: "Jane Doe/Reuters Bad management by the …".
_LEADING_CREDIT = re.compile(
    # "BP, via AP PENSACOLA, Fla. -- …": a picture's source run into the dateline
    r"^(?:[A-Z][\w&.]*(?:\s+[A-Z][\w&.]*){0,3},?\s+via\s+(?:AP|Reuters|AFP|Getty\s+Images)\s+"
    r"(?=[A-Z]))|^(?:(?:Photograph|Photo|Picture)s?:\s*)?(?:[A-Z][\w.'’-]+\s+){0,3}[A-Z][\w.'’-]+\s*/\s*"
    r"(?:AP|Reuters|REUTERS|AFP|Getty\s+Images|Rex\s+Features|Rex|EPA|PA|Corbis|Bloomberg|Alamy"
    r"|Xinhua|Shutterstock)\s+(?=[A-Z\"“])"
)
# "Citing an example, …", "Speaking in Geneva, …", "Based on the new figures, …", "Cheered by
# the vote, …": a participle that only sets the scene.
_PARTICIPLE = re.compile(
    r"^(?:[A-Za-z][a-z]+ing\b|[A-Z][a-z]+(?:ed|en)\s+(?:by|on|with|in|from|to|at|for|about|after)\b)"
    r"(?:[^,]|,(?=\d)){0,80},(?!\d)\s*"
)
_FRAME_AFTER = re.compile(
    # "…, said the minister", "… according to the firm"; not "were first reported by the AP"
    r"(?:,?\s*according\s+to\b[^,]*|,\s*(?:(?:said|says|told|reported|added|noted)\b[^,]*"
    r"|(?:[\w.'’-]+\s+){1,9}(?:said|says|reported|added|noted|told\s+\w+)))\s*[.!?]?$",
    re.IGNORECASE,
)
_ACCORDING = re.compile(r"^according\s+to\s+(?:[^,]|,(?=\d)){1,120},(?!\d)\s*", re.IGNORECASE)
# A leading phrase or subordinate clause that sets a scene ("In conditions of growing
# turbulence, ...", "Lest it gets overlooked, ...") when a full clause follows it.
_SCENE = re.compile(
    r"^(?:in|on|at|of|amid|amidst|after|before|during|despite|with|without|for|since|by|under"
    r"|following|given|as|while|when|unlike|like|against|through|within|beyond|over|from"
    r"|lest|if|although|though|because|unless|once|whether|whereas|even\s+if|even\s+though"
    # "In Grand Isle, La., …": a place with its state's abbreviation is one scene
    r"|to)\b(?:[^,]|,(?=\d)){0,140}(?:,\s+[A-Z][a-z]{1,4}\.)?,(?!\d)\s*",
    re.IGNORECASE,
)
# "Lyle Goldstein, an expert on China, said": the apposition says who, not what happened.
# ", a former judge,", ", who …,", ", Kessa's chief engineer,": asides.
_APPOSITION = re.compile(r",\s+(?:(?:an?|the|who|whose|which)\s+|[A-Z][\w.&-]*['’]s\s+)[^,]{2,140},\s*")
# "… the plan for military cooperation, which the two countries signed on November 23": the
# event is the relative clause's, and its object is the noun phrase before it.
_RELATIVE = re.compile(
    # The last noun phrase after a preposition, else the sentence's first: "enforcement of the
    # decree that broke up …" is about the decree.
    r"(?:.*\b(?:of|for|within|on|in|to|with|at|about|into|under|over|by|from|said|says|that)\s+|^)"
    r"(?P<np>(?:the|a|an|its|their|his|her)\s+[^,;:]{3,90}?"
    # … or a name: "said Mara Lind, who arrived from Oslo on Thursday"
    r"|(?-i:[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})"
    # … or a plain noun phrase that opens the sentence: "Opposition councillors, who voted …"
    r"|(?-i:^[A-Z][a-z][\w'’-]*(?:\s+[a-z][\w'’-]+){1,2})),?\s+(?P<pronoun>which|that|who)\s+"
    r"(?P<clause>(?:[\w’'-]+\s+){0,5}?[\w’'-]+)\s*$",
    re.IGNORECASE,
)
_DATE_PREP = re.compile(
    r"(?:\b(?:on|in|at|by|since|from|until|till|during|of|through|throughout|for|between|as\s+of|as\s+early\s+as"
    r"|prior\s+to|ahead\s+of|up\s+to|up\s+until|near|around|toward|towards|over"
    r"|early|late|mid|back\s+in|earlier|later)\s+)+$",
    re.IGNORECASE,
)
# Where a clause can be cut and still read whole: before a relative or adverbial clause.
_BOUNDARY = re.compile(
    r",\s+|\s+(?=(?:which|who|whom|whose|where|while|because|although|though|as|after|before"
    r"|since|until|when|if|unless|whereas|and|but|amid|amidst|despite|following|according|once)\b)"
)
_WEAK_WORDS = (
    r"the|a|an|of|to|in|on|at|by|for|from|with|and|or|but|as|that|which|who|its|his"
    r"|her|their|our|this|these|those|is|are|was|were|be|been|has|have|had|will|would|can"
    r"|could|should|may|might|must|very|more|most|than|into|onto|about|between|amid|not|no"
    # not "it" or "you": mostly objects at the end ("the drug used to treat it")
    r"|he|she|they|we|i|where|when|whose|while|during|after|before|since|until|over"
    r"|under|across|through|against|without|within|among|per|via|following|amid"
    r"|towards|toward|around|near|beyond|despite|upon|throughout|behind|except|less|fewer|early|usually|largely|mainly|partly|mostly|chiefly|partly"
    # words that took the date as their complement: "payable [Dec. 7]", "the six months ended
    # [Oct. 1]", "effective [Feb. 1]", "compared [with a year ago]"
    r"|payable|effective|compared|ended|ending|dated|due|beginning|starting|--"
)
_WEAK_END = re.compile(rf"(?:\s+(?:{_WEAK_WORDS}))+$", re.IGNORECASE)  # all of them
_LAST_WEAK_WORD = re.compile(rf"\s+(?:{_WEAK_WORDS})$", re.IGNORECASE)  # the last one


def _opens_clause(text: str) -> bool:
    """Whether ``text`` opens with a subject (not "in the north, was struck …")."""
    first = text.split(None, 1)[0] if text.strip() else ""
    return bool(first) and not (
        first.lower() in _PREPOSITIONS or first.lower() in _FINITE_AUXILIARIES or _has_verb(first)
    )


# "On Sunday, the third anniversary of her election, …": an apposition naming the day.
_WHERE_CLAUSE = re.compile(r",\s+where\s+(?P<clause>[^,;:]+)$")
_DATE_APPOSITION = re.compile(
    r"\s*,\s+(?:the|a|an|his|her|its|their)\s(?:[\w'’-]+\s){0,3}?(?:anniversary|day|eve"
    r"|birthday|holiday|deadline|date|festival|weekend|night)\b[^,]{0,80},\s*",
    re.I,
)
_BETWEEN_END = re.compile(r"\s+between\s+[^,]{1,30}?\s+and$", re.IGNORECASE)
_WHEN_AFTER = re.compile(r"\s*,\s+when\s+(?P<clause>[^,;:]+)")
_TIME_PREPOSITION_END = re.compile(r"\s+(?:after|before)$", re.IGNORECASE)


# '"We have much to do," the chairman, Mara Lind, said on Tuesday': a quotation first, then who
# said it and when. The date is the saying's; the title is who said what.
_QUOTE_FIRST = re.compile(
    r"^\s*(?:``|[\"“])(?P<quote>[^\"“”]{12,400}?)[,.!?]?\s*(?:''|[\"”])\s*,?\s+"
    r"(?P<who>[^,\"“”]{2,80}?)(?:,\s+(?P<name>[A-Z][^,\"“”]{2,40}),)?\s+"
    r"(?:said|says|told\s+\w+|added|wrote|writes|insisted|warned|argued|noted|stated|explained"
    r"|declared|recalled|asked|conceded|acknowledged)\b"
)


_QUOTE_THEN_SAID = re.compile(
    r"^\s*(?:``|[\"“])(?P<quote>[^\"“”]{12,400}?)[,.!?]?\s*(?:''|[\"”])\s*,?\s+"
    r"(?:said|says|added|wrote|asked)\s+(?P<who>(?-i:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}))"
    r"(?P<name>)"
)


def _quote_first(sentence: str, start: int) -> str | None:
    m = _QUOTE_FIRST.match(sentence) or _QUOTE_THEN_SAID.match(sentence)
    if m is None or start < m.end("quote"):
        return None  # the date is inside the quotation: its own clause is the event
    if re.search(r",\s+(?:who|which|whose)\s", sentence[m.end() : start]):
        return None  # '… said Mara Lind, who arrived on Thursday': the date is the relative's
    quote = _tidy(m["quote"])
    if len(quote.split()) < _MIN_WORDS + 1 and not _has_verb(quote):
        return None  # "Never," she said: nothing said to make a headline of
    who = _tidy(m["name"] or m["who"])
    if _NAMELESS.match(who) or len(who.split()) > 6 or not who[:1].isupper():
        return quote  # "he said", "the official said": what was said says it
    return f"{_compress(who)}: {quote}"


def make_title(sentence: str, start: int, end: int) -> str:
    """A headline for the event ``sentence[start:end]`` dates."""
    life = _lifespan(sentence, start, end)
    if life is not None:
        return life
    quoted = _quote_first(sentence, start)
    if quoted is not None:
        return _finish(quoted, sentence)
    opening = sentence.rfind("(", 0, start)
    if opening > 0 and sentence.find(")", opening) in (-1, *range(end, len(sentence))):
        # "… the upcoming Winter Olympics (4-20 February)": the bracket dates what precedes it.
        tail = _tail(_tidy(sentence[:opening]))
        if len(tail.split()) >= _MIN_WORDS:
            return _finish(tail, sentence)
    named = _dated_noun_phrase(sentence, start, end) or _event_of_date(sentence, start, end)
    if named is not None:
        return _finish(named, sentence)
    c_start, c_end = _clause(sentence, start, end)
    opener = _PAST_PARTICIPLE_OPENER.match(sentence, c_start)
    if opener is not None and _SAYING_OPENER.match(sentence, c_start):
        # "Interviewed on television yesterday, Obama suggested …": what he said then
        c_start, opener = opener.end(), None
    if opener is not None and opener.end() > end:
        # "Based on an updated timeline Allen released Wednesday, the crane could …": the
        # date is the opener's, and so is the event
        c_end = sentence.rindex(",", 0, opener.end())
    c_start = _past_leading_clause(sentence, c_start, start)
    c_start, c_end, subject = _verb_phrase(sentence, c_start, c_end, start, end)
    before = subject + _without_date_prep(sentence[c_start:start]).rstrip(" ,")
    after = _OR_ANOTHER_DATE.sub("", sentence[end:c_end], count=1)
    apposed = _DATE_APPOSITION.match(after) if not before.strip() else None
    if apposed is not None and _opens_clause(after[apposed.end() :]):
        after = " " + after[apposed.end() :]  # "On Sunday, the third anniversary of …, he began"
    if _ATTRIBUTIVE.search(before) and after.startswith(","):
        after = after[1:]  # "the Sept. 11, 2001, terrorist attacks": the date's own comma
    possessive = _POSSESSIVE.match(after)
    if possessive:
        # "arrested in Saturday's demonstration": the date was a determiner; "the" stands in.
        before = sentence[c_start:start].rstrip(" ,")
        after = " the " + after[possessive.end() :]
    lead_in = _LEAD_IN.match(sentence, c_start)
    if lead_in and "," not in sentence[c_start:start] and "," in sentence[end:c_end]:
        # "Since Russia's pivot to the East in 2014, Russia has …": the date belongs to the
        # phrase that opens the sentence, so that phrase is the event.
        rest = re.sub(r"^['’]s\s+", " ", sentence[end : sentence.index(",", end)])
        phrase = _tidy(sentence[lead_in.end() : start] + rest)  # "Since Saturday's figures …"
        phrase = _without_date_prep(phrase).strip(" ,")
        if len(phrase.split()) >= _MIN_WORDS:
            return _finish(phrase, sentence)
    when = _WHEN_AFTER.match(sentence, end)
    if (
        when is not None
        and _has_verb(sentence[c_start:start])  # "In 1918, when …, Lind advised": a scene
        and _has_verb(when["clause"])
        and len(when["clause"].split()) >= _MIN_WORDS
    ):
        # "… followed the president's on Saturday, when he blamed the spill on BP": the
        # when-clause tells what happened then.
        return _finish(_tidy(when["clause"]), sentence)
    scene = _leading_clause(sentence, c_start, c_end, start, end)
    if scene is not None:
        return _finish(scene, sentence)
    reported = _after_that_and_date(sentence, start, end, c_end)
    if reported is not None:
        return _finish(reported, sentence)
    witnessed = _date_as_subject(sentence, start, end, c_end)
    if witnessed is not None:
        return _finish(witnessed, sentence)
    where = _WHERE_CLAUSE.search(before) if ", where " in before else None
    if where is not None and _has_verb(where["clause"] + after):
        # "…, where the head of the agency resigned today": the where-clause's event
        told = _tidy(where["clause"] + " " + after)
        if len(told.split()) >= _MIN_WORDS:
            return _finish(told, sentence)
    relative = _relative(before) if _HAS_RELATIVE.search(before) else None
    turned = _turn_relative(relative, before, after) if relative else None
    if turned is not None and len(turned.split()) >= _MIN_WORDS:
        return _finish(turned, sentence)
    subordinate = _subordinate(sentence, c_start, c_end, start, end)
    if subordinate is not None:
        return _finish(subordinate, sentence)
    side = _side_clause(sentence, c_start, c_end, start, end)
    if side is not None:
        return _finish(side, sentence)
    # "acres seeded after mid-May usually lose …": with the date gone, so goes its preposition,
    # and "between April and [July]" goes whole.
    if not possessive:  # "before Friday's purchases": "before the purchases" stays whole
        before = _BETWEEN_END.sub("", _TIME_PREPOSITION_END.sub("", before))
    that = _THAT_CLAUSE.search(before) if " that " in before else None
    if that and _has_verb(before[that.end() :]):
        before = before[that.end() :]  # "… is such that the offensive began": the that-clause
    text = _tidy(f"{before} {after}")
    if len(text.split()) > TARGET_WORDS:
        text = _compress(text)  # titles before names give way first
    if len(text.split()) > TARGET_WORDS:
        # Too long: where the date stood is a phrase boundary too, if a clause precedes it.
        head = _tidy(before)
        if (
            len(head.split()) >= 4
            and not _ATTRIBUTIVE.search(before)  # "the 1952 flood maps": inside a noun phrase
            and _has_verb(head)
            and not _noun_phrase(head)  # "A clearly frustrated President Obama"
            and not _REPORTING_END.search(head)
            and not _FRAME_BEFORE.match(head)  # "X said its loss for the slow [quarter]"
            and not _SUBORDINATE_START.match(head)
            # "would begin trying [later on Thursday] to position a cap": the date stood
            # between a verb and its complement
            and not re.match(r"\s*,?\s*(?:to|that)\s", after)
        ):
            text = head
    if c_start > 0 and not _has_verb(text):
        # "…: from 10 percent in 2013": a fragment after a colon; the clause before says it.
        text = _tidy(_without_date_prep(sentence[:start]).rstrip(" ,") + " " + after)
    said = _SAID_END.search(text)
    if said and sentence[c_end : c_end + 2].lstrip().startswith(":"):
        # "The harbour master said on Friday: "The channel will reopen …"": what was said, and who said it.
        content = _tidy(sentence[sentence.index(":", c_end) + 1 :])
        who = text[: said.start()].strip(" ,")
        if len(content.split()) >= _MIN_WORDS and who:
            text = f"{who}: {content[:1].lower() + content[1:] if content[1:2].islower() else content}"
    if len(text.split()) < _MIN_WORDS:  # the clause is only the date: take the whole sentence
        whole = _without_date_prep(sentence[:start]).rstrip(" ,") + " " + sentence[end:]
        text = _tidy(whole)
    if len(text.split()) < _MIN_WORDS:
        text = " ".join(_QUOTES.sub("", sentence).split()[:TARGET_WORDS])
    return _finish(text, sentence)


# "Karl Lindqvist (12 May 1950 – 3 June 2011) was a composer": a person's dates in brackets
# after the name that opens a biography's sentence are a birth and a death, or a life.
_NAME_BEFORE = re.compile(
    r"^\s*(?P<name>(?-i:[A-Z][\w.'’-]*)(?:\s+(?:(?-i:[A-Z][\w.'’-]*)|of|de|da|van|von|bin|al|la|le|y)){0,6})"
    r"\s*\($"
)
_LIFE_SEPARATOR = re.compile(r"\s[–—-]\s|\s*[–—]\s*|;")
_BORN = re.compile(r"\b(?:born|b\.)\s*$", re.IGNORECASE)
_DIED = re.compile(r"\b(?:died|d\.)\s*$", re.IGNORECASE)


def _lifespan(sentence: str, start: int, end: int) -> str | None:
    opening = sentence.rfind("(", 0, start)
    closing = sentence.find(")", end)
    if opening < 0 or closing < 0 or ")" in sentence[opening:start]:
        return None
    name = _NAME_BEFORE.match(sentence[: opening + 1])
    if name is None:
        return None
    who = name.group("name").strip()
    inside_before = sentence[opening + 1 : start]
    inside_after = sentence[end:closing]
    if _BORN.search(inside_before):
        return f"{who} is born"
    if _DIED.search(inside_before):
        return f"{who} dies"
    split_before = _LIFE_SEPARATOR.search(inside_before)
    split_after = _LIFE_SEPARATOR.search(inside_after)
    if split_before is None and split_after is not None:
        return f"{who} is born"
    if split_before is not None and split_after is None:
        return f"{who} dies"
    if split_before is None and split_after is None and _LIFE_SEPARATOR.search(
        sentence[start:end]
    ):
        return f"Life of {who}"
    return None


# "He says that in 2003 and 2004, the crews were sent to …": a date between "that" and a comma
# opens the reported clause, and dates what follows the comma.
_THAT_BEFORE = re.compile(r"\bthat\s+(?:(?:in|on|at|by|during|until|since|from)\s+)?$", re.I)
_MORE_DATES = re.compile(r"(?:\s*(?:,|and|or|to)\s+[^,]{1,30}?)?,\s+", re.I)


def _after_that_and_date(sentence: str, start: int, end: int, c_end: int) -> str | None:
    if not _THAT_BEFORE.search(sentence[max(0, start - 30) : start]):
        return None
    comma = _MORE_DATES.match(sentence, end)
    if comma is None:
        return None
    clause = _tidy(sentence[comma.end() : max(c_end, comma.end())])
    if len(clause.split()) < _MIN_WORDS or not _has_verb(clause):
        return None
    return clause


# Clauses a date can sit in beside the main one, each told as its own headline:
# "…, telling reporters that the company would have a system in place by the end of June";
# "… much like the storms of 2005 washed away the marshes in 2005"; "… a $20 billion fund the
# company created last month"; "… the record set by the Lorvan spill three decades ago".
_TELLING_THAT = re.compile(
    r",\s+(?:telling|saying|adding|warning|noting|insisting|arguing|promising|predicting)\b"
    r"[^,]{0,40}?\bthat\s+",
    re.IGNORECASE,
)
_LIKE = re.compile(r"(?:,|\s--?)\s+(?:(?:much|just|very\s+much)\s+)?like\s+(?=\S)", re.IGNORECASE)
_PARTICIPLES = wordset(
    "set cut hit put run shut spread cast beaten hidden done written given taken shown seen "
    "known chosen driven broken spoken drawn grown thrown flown ridden stolen sworn torn worn "
    "begun won held built made led paid sold told found brought bought caught fought taught "
    "kept left lost meant sent spent struck laid"
)
_ZERO_RELATIVE = re.compile(
    r"(?P<np>\b(?:a|an|the)\s+(?:[\w$.'’-]+\s+){0,5}?[\w$.'’-]+)\s+"
    r"(?P<subject>(?:the|its|their|his|her)\s+[a-z]+|(?-i:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})"
    r"|he|she|they|we)\s+(?P<verb>[a-z]+)\s*$",
    re.IGNORECASE,
)
_NAME_APPOSITION_WHO = re.compile(
    r"(?:^|[,;]\s+)(?P<name>(?-i:[A-Z][\w.'’-]+)(?:\s+(?-i:[A-Z][\w.'’-]+)){1,3}),\s+(?:an?|the)\s+"
    r"[^,]{2,80}?\s+who\s+(?P<clause>[^,]{3,140})$"
)
_REDUCED_AFTER_COMMA = re.compile(
    r"(?P<np>\b(?:the|a|an|its|their|his|her|(?-i:[A-Z][\w'’-]*)['’]s)\s+[^,]{2,80}?),\s+"
    r"(?P<part>[a-z]+)$",
    re.IGNORECASE,
)
_BY_AGENT = re.compile(
    r"(?P<np>\b(?:the|a|an|its|their|his|her)\s+(?:[\w$.'’-]+\s+){0,4}?[\w$.'’-]+)\s+"
    r"(?P<verb>[a-z]+)\s+by\s+(?P<agent>(?:the\s+|an?\s+)?[^,;:]{2,60}?)\s*$",
    re.IGNORECASE,
)


def _participle(word: str) -> bool:
    return word.lower() in _PARTICIPLES or _past_verb(word)


_DETERMINER_START = re.compile(r"^(?:the|a|an|its|his|her|their)\s", re.IGNORECASE)


def _noun_phrase(text: str) -> bool:
    """Whether a determiner's phrase has no verb but its modifiers: "A clearly frustrated
    President Obama", "The newly elected council" (a past form after an adverb or a
    determiner modifies a noun)."""
    if not _DETERMINER_START.match(text) or _finite(text):
        return False
    words = text.split()
    for previous, word in zip(words, words[1:], strict=False):
        if _has_verb(word) and not (
            previous.lower().endswith("ly") or _DETERMINER_START.match(previous + " ")
        ):
            return False
    return True


def _finite(phrase: str) -> bool:
    """Whether a determiner's phrase holds a clause ("the plan was approved"), not only
    modifiers ("an updated plan", "the expected rise")."""
    words = [w.lower() for w in phrase.split()]
    return any(w in _AUXILIARIES or w in ("has", "have", "had") for w in words)


def _last(pattern: re.Pattern[str], text: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
    """The last match of ``pattern`` in ``text[start:end]``, or None."""
    found = None
    for found in pattern.finditer(text, start, len(text) if end is None else end):  # noqa: B007
        pass
    return found


def _side_clause(sentence: str, c_start: int, c_end: int, start: int, end: int) -> str | None:
    before = _without_date_prep(sentence[c_start:start]).rstrip(" ,")
    after = sentence[end:c_end]
    telling = _last(_TELLING_THAT, sentence, c_start, start)
    if telling is not None:
        said = _without_date_prep(sentence[telling.end() : start]).rstrip(" ,")
        content = _tidy(f"{said} {after}")
        if len(content.split()) >= _MIN_WORDS + 1 and _has_verb(content):
            return content
    like = _last(_LIKE, before)
    if like is not None and " -- " not in before[like.end() :] + after:
        rest = _tidy(before[like.end() :] + " " + after)
        if len(rest.split()) >= _MIN_WORDS + 1 and _has_verb(rest):
            return rest  # "… -- much like hurricanes washed away the marshes in 2005"
    if after.strip(" .,;:!?") and not after.lstrip().startswith(","):
        return None  # the date is inside its clause: what follows is the same clause's
    zero = _ZERO_RELATIVE.search(before)
    if (
        zero is not None
        and _past_verb(zero.group("verb"))
        and not _HAS_FRAME.search(zero.group("verb"))  # "…, the Coast Guard said Thursday"
        and not _finite(zero.group("np"))
        and not _WEAK_END.search(zero.group("np"))  # "a letter to the | Coast Guard dated"
        and "." not in zero.group("np")
        and zero.group("subject").lower() not in _NOT_A_START
        # "the talk-show host Mara Lind deadpanned": a noun before a name describes it, so
        # only a common subject ("the company", "they") makes a relative without a pronoun
        and not zero.group("subject")[:1].isupper()
    ):
        np = zero.group("np")
        return _tidy(f"{zero.group('subject')} {zero.group('verb')} {np[:1].lower()}{np[1:]}")
    who = _NAME_APPOSITION_WHO.match(before)
    if who is not None:  # "Lyle Lind, an expert who served at the college until October"
        text = _tidy(f"{who.group('name')} {who.group('clause')} {after.split(',', 1)[0]}")
        if len(text.split()) >= _MIN_WORDS + 1 and _has_verb(who.group("clause")):
            return text
    reduced = _REDUCED_AFTER_COMMA.search(before)
    if reduced is not None and _participle(reduced.group("part")) and not _finite(reduced.group("np")):
        # "… a revised version of the 10-year strategy, released on November 25": headline
        # style drops the "was"
        return _tidy(f"{reduced.group('np')} {reduced.group('part')}")
    agent = _BY_AGENT.search(before)
    if agent is not None and _participle(agent.group("verb")) and not _finite(agent.group("np")):
        np = agent.group("np")
        return _tidy(f"{np} {agent.group('verb')} by {agent.group('agent')}")
    return None


# "This past week marked the opening of the gallery": a date that is the subject of such a verb
# only frames the event its object names.
_FRAMED_BY_DATE = re.compile(
    r"^\s+(?:marked|marks|saw|sees|brought|brings|witnessed|witnesses)\s+(?P<event>(?:the|a|an)\s.+)",
    re.IGNORECASE,
)


_LEADING_CLAUSE_START = re.compile(
    r"\s*(?:while|although|though|when|as|if|because|since|after|before|even\s+as)\b", re.I
)
_DATE_THEN_BE = re.compile(
    r"\s+(?:was|is|will\s+be|has\s+been|had\s+been|became|becomes|remains|remained)\s", re.I
)


def _date_as_subject(sentence: str, start: int, end: int, c_end: int) -> str | None:
    opens = sentence[:start].strip(" \"'“‘") in ("", "And", "But")
    after_scene = sentence[:start].rstrip().endswith(",") and _LEADING_CLAUSE_START.match(sentence)
    # "While there were crises then, the early 20th century was marked by trust"
    if _DATE_THEN_BE.match(sentence, end) and (opens or after_scene) and _has_verb(
        sentence[end:c_end]
    ):
        return sentence[start:end] + " " + _tidy(sentence[end:c_end])
    if not opens:
        return None
    if _DATE_THEN_BE.match(sentence, end) and _has_verb(sentence[end:c_end]):
        # "September 11th was like Pearl Harbor": the date is the subject, and stays (not
        # read as the opener "Today, …")
        return sentence[start:end] + " " + _tidy(sentence[end:c_end])
    framed = _FRAMED_BY_DATE.match(sentence[end:c_end])
    if framed is None:
        return None
    event = _tidy(framed.group("event"))
    return event if len(event.split()) >= _MIN_WORDS else None


# A clause that opens the sentence and sets the scene for the main one: "When the gap was smaller
# in 2010, …", "And if in 2014 the council had an alternative, …".
_LEADING_CLAUSE = re.compile(
    r"\s*(?:(?:and|but|so|yet)\s+)?(?:if|when|while|although|though|because|unless|once|whereas"
    r"|even\s+if|even\s+though)\s+",
    re.IGNORECASE,
)


# The comma that closes a clause; a quotation may close before it ('called it "tough," Mr. …').
_CLAUSE_COMMA = re.compile(r",[\"”’']?\s+")


def _past_leading_clause(sentence: str, c_start: int, start: int) -> int:
    """Where the main clause begins when a leading clause ("When the gap was smaller, …")
    ends before the date: the date dates the main clause."""
    lead = _LEADING_CLAUSE.match(sentence, c_start)
    if lead is None:
        return c_start
    comma = _CLAUSE_COMMA.search(sentence, lead.end(), start)
    if comma is None or not _has_verb(sentence[lead.end() : comma.start()]):
        return c_start
    return comma.end()


def _leading_clause(sentence: str, c_start: int, c_end: int, start: int, end: int) -> str | None:
    """The clause a date sits in when it opens the sentence and a main clause follows its
    comma: the date dates what that clause says ("When the gap was smaller in 2010, the
    council could bargain" -> "The gap was smaller"), not the main clause."""
    lead = _LEADING_CLAUSE.match(sentence, c_start)
    if lead is None or lead.end() > start or "," in sentence[lead.end() : start]:
        return None
    comma = _CLAUSE_COMMA.search(sentence, end, c_end)
    if comma is None or not _has_verb(sentence[comma.end() : c_end]):
        return None
    phrase = _without_date_prep(sentence[lead.end() : start]).rstrip(" ,")
    text = _tidy(f"{phrase} {sentence[end : comma.start()]}")
    if len(text.split()) < _MIN_WORDS + 1 or not _has_verb(text):
        return None
    return text


# Words that open a clause (or a phrase) of its own inside the main one: a date inside it dates
# it, not the main clause ("… no new licences until a panel delivers its report by 28 May").
_SUBORDINATOR = re.compile(
    r"\s(?:until|till|when|after|before|because|once|unless|whereas|as\s+soon\s+as"
    r"|by\s+the\s+time|since)\s+",
    re.IGNORECASE,
)


# "after the close of trading yesterday": a time of day, not an event.
_TIME_NOUN = re.compile(
    r"(?:the|its|their)\s+(?:close|end|start|beginning|middle|opening|session|time)\b", re.I
)


_BY_DOING = re.compile(r"\s+(?:by|through|thereby)\s+[a-z]+ing\b")
_AUXILIARY_START = re.compile(
    r"\s*(?:would|will|could|can|may|might|must|should|was|were|is|are|has|have|had)\s", re.I
)


def _subordinate(sentence: str, c_start: int, c_end: int, start: int, end: int) -> str | None:
    """The clause or phrase a date sits in when a subordinator opens it after the main
    clause's verb: "grant no licences until a panel delivers its report by 28 May" -> "A
    panel delivers its report"; "bar the firm after the blow-out at its well in April" -> "The
    blow-out at its well". None when there is none, or it says too little."""
    found = None
    for m in _SUBORDINATOR.finditer(sentence, c_start, start):
        found = m
    if found is None or not _has_verb(sentence[c_start : found.start()]):
        return None
    inside = sentence[found.end() : start]
    if "," in inside:
        return None  # the subordinate clause ended before the date
    rest = sentence[end:c_end].split(",", 1)[0]
    possessive = _POSSESSIVE.match(rest)
    if possessive:  # "before next week's talks in Geneva": the talks
        return _tidy("the " + rest[possessive.end() :]) if not inside.strip() else None
    if not inside.strip():
        return None  # "acres seeded after mid-May usually lose …": a preposition, not a clause
    if (another := _SUBORDINATOR.search(rest)) is not None:
        rest = rest[: another.start()]  # "… in 1998 until the auditors report …": another
    if (means := _BY_DOING.search(rest)) is not None:
        rest = rest[: means.start()]  # "when the well exploded in April | by creating …"
    # "the workers missing since the blast on Tuesday night would be rescued": a noun phrase
    # after the subordinator, and the verb after the date is the main clause's
    noun_phrase = not _has_verb(inside) and bool(_AUXILIARY_START.match(rest))
    if _has_verb(inside + rest) and not noun_phrase:
        text = _tidy(_without_date_prep(inside).rstrip(" ,") + " " + rest)
    elif (
        found.group(0).strip().lower() in ("after", "before", "since")
        and (_DETERMINER.match(inside.lstrip()) or _POSSESSIVE_LEAD.match(inside.lstrip()))
        and not _TIME_NOUN.match(inside.lstrip())
    ):  # a noun phrase: "after the blow-out at its offshore well in April", "after Alaska's spill"
        text = _tidy(_without_date_prep(inside).rstrip(" ,"))
    else:
        return None
    words = text.split()
    named_event = len(words) >= _MIN_WORDS and words[-1].lower() in _EVENT_NOUNS
    if (
        (len(words) < _MIN_WORDS + 1 and not named_event)  # "Alaska's Valdez spill" says it
        or words[0].lower() in _NOT_A_START
        or words[0].lower().endswith("ing")  # "selling its stake": whose doing is not said
        or words[0][:1].isdigit()
    ):
        return None
    return text


# Nouns that name an event: a date written before one ("an April 20 pipeline explosion", "a 2007
# study") dates that event, whatever the clause around it says.
_EVENT_NOUNS = wordset(
    "explosion explosions blast attack attacks bombing bombings shooting massacre crash collapse "
    "earthquake quake tsunami storm hurricane flood floods fire fires spill leak outbreak "
    "election elections vote referendum poll summit talks meeting conference visit trip speech "
    "address agreement deal treaty accord ceasefire truce pact ruling verdict decision law "
    "study report survey census invasion war coup uprising revolution protest protests riot riots "
    "strike strikes merger acquisition takeover announcement launch arrest trial hearing "
    "resignation appointment inauguration assassination kidnapping raid offensive "
    "blowout disaster accident sinking grounding eruption pandemic epidemic scandal crisis"
)
_NP_END = re.compile(
    r"[,;:.!?()]|\s(?:by|of|in|at|on|from|for|with|to|into|over|under|that|which|who)\s", re.I
)


def _dated_noun_phrase(sentence: str, start: int, end: int) -> str | None:
    """The event a date written inside a noun phrase dates: "the spill, caused by an April 20
    pipeline explosion, …" -> "A pipeline explosion"; "since the 20 April Kessa dam explosion
    that killed six workers" -> "The Kessa dam explosion that killed six workers". None unless the phrase's head names an event."""
    own = _LEADING_DETERMINER.match(sentence, start, end)  # the expression "the 20 April"
    det = own or _ATTRIBUTIVE.search(sentence, max(0, start - 8), start)
    modifiers = ""
    if det is None:  # "the 11 million-gallon 1989 Kessa Star oil spill": modifiers first
        det = _DETERMINER_AND_MODIFIERS.search(sentence, max(0, start - 40), start)
        if det is None or _has_verb(det.group("mods")) or _POSSESSIVE.match(sentence[end:]):
            return None
        if any(w.lower() in _PREPOSITIONS or w.lower() in _NOT_A_START for w in det.group("mods").split()):
            return None  # "the two sides before next week's talks": no modifiers of one noun
        modifiers = det.group("mods")
    rest = sentence[end:]
    stop = _NP_END.search(rest)
    head_part = rest[: stop.start()] if stop else rest
    words = head_part.split()
    if modifiers:  # the head may come before the phrase ends: "… oil spill off Lorvan as …"
        heads = [k for k, w in enumerate(words[:6]) if re.sub(r"['’]s?$", "", w.lower()) in _EVENT_NOUNS]
        if not heads:
            return None
        # up to the end of the head word, however the text spaces its words
        head_end = list(re.finditer(r"\S+", head_part))[heads[0]].end()
        head_part = head_part[:head_end]
        words = head_part.split()
    if not 1 <= len(words) <= 6 or re.sub(r"['’]s?$", "", words[-1].lower()) not in _EVENT_NOUNS:
        return None
    article = det.group("det") if modifiers else det.group(0).strip()
    if article.lower() in ("a", "an"):  # "a April 20 inquiry" -> "an inquiry"
        following = (modifiers or head_part).split()[0]
        article = "an" if following[:1].lower() in "aeiou" else "a"
    phrase = article + " " + modifiers + head_part.strip()
    more = rest[len(head_part) :]
    relative = re.match(r"\s+(?:that|which|who)\s+[^,;:!?]{3,80}?(?=[,;:!?]|\.\s|\.$|$)", more)
    if relative and _has_verb(relative.group(0)):
        phrase += relative.group(0)  # "… explosion that killed six workers"
    else:
        of = _OF_PHRASE.match(more)
        if of and not _has_verb(of.group(0)):
            phrase += of.group(0)  # "a study by the river commission"
    phrase = _tidy(phrase)
    return phrase if len(phrase.split()) >= _MIN_WORDS else None


_LEADING_DETERMINER = re.compile(r"(?:the|a|an|its|his|her|their)\s+(?=\S)", re.IGNORECASE)
# "… like the Spanish flu pandemic of 1918-1919, which killed …", "during the Sars outbreak of
# 2003": an event noun dated by "of"/"in", inside a phrase of the clause (not its subject).
_EVENT_OF_DATE = re.compile(
    r"\b(?:during|after|since|before|like|following|from|amid|despite|than|of|to|with)\s+"
    r"(?P<np>(?:the|a|an|its|their|his|her|[A-Z][\w'’-]*['’]s)\s+(?:[\w'’-]+\s+){0,4}?"
    r"(?P<head>[\w'’-]+))\s+(?:of|in)\s+$",
    re.IGNORECASE,
)
_RELATIVE_AFTER = re.compile(r",?\s+(?:which|that|who)\s+[^,;:!?]{3,80}?(?=[,;:!?]|\.\s|\.$|$)")


def _event_of_date(sentence: str, start: int, end: int) -> str | None:
    m = _EVENT_OF_DATE.search(sentence, max(0, start - 90), start)
    if m is None or m["head"].lower() not in _EVENT_NOUNS:
        return None
    phrase = m["np"]
    relative = _RELATIVE_AFTER.match(sentence, end)
    if relative is not None and _has_verb(relative.group(0)):
        longer = phrase + relative.group(0)
        if len(longer.split()) <= TARGET_WORDS:
            phrase = longer  # "the pandemic of 1918, which killed millions"
    phrase = _tidy(phrase)
    return phrase if len(phrase.split()) >= _MIN_WORDS else None
_DETERMINER_AND_MODIFIERS = re.compile(
    r"\b(?P<det>the|a|an|its|his|her|their)\s+(?P<mods>(?:[\w.,'’-]+\s+){1,3})$", re.IGNORECASE
)
# A phrase after the head: a few words, up to punctuation or the next clause.
_OF_PHRASE = re.compile(
    r"\s+(?:by|of|in|at|on|against)\s+(?:(?!(?:until|when|after|before|which|that|and|but)\b)"
    r"[\w'’.&-]+\s*){1,7}?(?=[,;:!?]|\s(?:until|when|after|before|which|that|and|but)\b|\.\s|\.$|$)"
)


def phrase_title(sentence: str, start: int, end: int) -> str | None:
    """The phrase a date closes, as its title, when the sentence's clause tells another date:
    "… sets the stage for the mayor's visit as guest of honour at the regional games from 4 to
    20 June" -> "The guest of honour at the regional games". None when the date
    does not end its clause, or the phrase before it is too short to say anything."""
    c_start, c_end = _clause(sentence, start, end)
    if sentence[end:c_end].strip(" .,;:!?)\"'”’"):
        return None
    phrase = _tail(_tidy(_without_date_prep(sentence[c_start:start]).rstrip(" ,")))
    words = phrase.split()
    if len(words) < _MIN_WORDS or words[0].lower() in _NOT_A_START or _WEAK_END.search(phrase):
        return None  # "Or 12 cents a share, compared with …", "Which fell to …": no headline
    return _finish(phrase, sentence)


# Words a phrase cut from the middle of a sentence starts with when it is no noun phrase.
_NOT_A_START = wordset(
    "or and but nor which who whom whose that than from with to by for of as while when "
    "compared up down after before since until because although if whether"
)


_DATE_WORD = re.compile(
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Today|Yesterday|Tomorrow|January|February"
    r"|March|April|May|June|July|August|September|October|November|December"
)


def _turn_relative(relative: re.Match[str], before: str, after: str) -> str | None:
    """The main clause a date's relative clause makes: "the plan …, which the two countries
    signed on 23 November" -> "The two countries signed the plan …"; "the flood, which began on
    3 March when …" -> "The flood began when …". None where the relative names which of them is
    the subject of a verb after it ("the shops that closed last month rose to 40")."""
    clause, np = relative.group("clause"), relative.group("np")
    if not _has_verb(clause) or _has_verb(np) or _DATE_WORD.fullmatch(np):
        return None  # "said Saturday that its board …": a date, not what "that" stands for
    words = clause.split()
    first = words[0]
    # "the agency that oversees offshore drilling": a present verb the lists may lack,
    # told by what follows it (not "the plan that officials signed")
    present = (
        len(first) > 3
        and first.lower().endswith("s")
        and first.lower() not in _NOT_SUBJECT_VERB
        and len(words) > 1
        and not _has_verb(words[1])
    )
    if present and any(_past_verb(w) for w in words[1:]):
        return None  # "the agency that oversees drilling resigned": the main verb follows
    if (present or _has_verb(first)) and first.lower() not in _NOT_SUBJECT_VERB:
        own = after.split(",", 1)[0]
        restrictive = "," not in before[relative.end("np") : relative.start("clause")]
        if restrictive and _has_verb(own):
            return None  # "the shops that closed last month rose …": a subject
        # The relative clause ends at its comma ("…, which closed on Friday, reopened …").
        return _tidy(f"{np} {clause} {'' if restrictive else own}")
    if relative.group("pronoun").lower() == "who":
        return None  # "officials who watch the border …": a person is no object to turn round
    return _tidy(f"{clause} {np} {after}")


# A relative clause the date was cut out of, left with a word or two: "…for the Games, which run".
_DANGLING_RELATIVE = re.compile(r",?\s+(?:which|who|that|where|when)(?:\s+[\w’'-]+){0,2}$", re.I)


# "he was promoted in 1678, was appointed to the high command in 1679": a verb phrase that
# shares its subject with the one before it borrows that subject.
_SUBJECTLESS = re.compile(r"(?:was|were|had|has|have|is|are|will|would|could)\s+[a-z]", re.I)
_SUBJECT_BEFORE = re.compile(
    r"(?:^|[,;]\s+|\s)(?P<subject>(?-i:he|she|they|He|She|They)|(?-i:[A-Z][\w.'’-]+)(?:\s+(?-i:[A-Z][\w.'’-]+)){0,3})"
    r"\s+(?:was|were|had|has|have|is|are|will|would|could|(?P<verb>[a-z]+))\b"
)


_COORDINATED = re.compile(r",\s*(?:and\s+|but\s+|then\s+)?$|\s(?:and|but|then)\s+$")


def _past_verb(word: str) -> bool:
    w = word.lower()
    # "died", "ended"; not "need" or "speed"
    return w in IRREGULAR_PAST or (
        len(w) >= 4 and w.endswith("ed") and not w.endswith("eed") and w not in _NOT_PAST
    )


def _borrowed_subject(text: str, sentence: str) -> str:
    first = text.split(" ", 1)[0]
    if not _SUBJECTLESS.match(text) and not _past_verb(first):
        return text
    at = sentence.lower().find(" ".join(text.split()[:3]).lower())
    if at <= 0 or sentence[at : at + 1].isupper():
        return text  # the sentence writes it capitalised: it opens the sentence, or a name
    found = [
        m
        for m in _SUBJECT_BEFORE.finditer(sentence, 0, at)
        if (m.group("verb") is None or _past_verb(m.group("verb")))
        # the borrowing verb phrase is coordinated with the one before ("…, was appointed",
        # "…, and died"), not the main verb after an aside ("as the Guardian reported could")
        and _COORDINATED.search(sentence, m.end(), at)
    ]
    if not found:
        return text
    subject = found[-1].group("subject")
    return f"{subject} {text[:1].lower()}{text[1:]}"


_DETERMINERS_AND_PRONOUNS = wordset(
    "the a an your his her its their our my this these those he she it they we i you no some "
    "any every each all"
)


def _finish(text: str, sentence: str) -> str:
    """The title made of ``text``: shortened, with a borrowed subject and no dangling
    relative."""
    text = _borrowed_subject(_shorten(text), sentence)
    dangling = _DANGLING_RELATIVE.search(text)
    # "…, which run" lost its clause; "Are we really that careless" did not: "that" may be
    # an adverb, so it goes only before a verb
    words = dangling.group().split() if dangling is not None else []
    if words and words[0] == ",":
        words = words[1:]
    adverb = (  # "that careless": "that" before an adjective, not a relative or a "that"-clause
        len(words) >= 2
        and words[0].lower() == "that"
        and words[1][:1].islower()
        and words[1].lower() not in _NOT_A_START
        and words[1].lower() not in _DETERMINERS_AND_PRONOUNS
        and not _has_verb(" ".join(words[1:]))
    )
    if dangling is not None and not adverb:
        trimmed = text[: dangling.start()]
        if len(trimmed.split()) >= _MIN_WORDS + 1:
            text = trimmed
    return text[:1].upper() + text[1:] if text else " ".join(sentence.split()[:TARGET_WORDS])


@lru_cache(maxsize=1)
def _verbs() -> frozenset[str]:
    path = resource("actors", "verbs.txt")
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and line[0] != "#")


def _has_verb(text: str) -> bool:
    verbs = _verbs()
    for word in re.findall(r"[A-Za-z’']+", text):
        w = word.lower()
        if (
            w in verbs
            or w in IRREGULAR_PAST
            or (len(w) > 4 and w.endswith("ed") and w not in _NOT_PAST)
            or _third_person(w, verbs)
        ):
            return True
    return False


_NOT_PAST = wordset("naked sacred wicked hundred kindred ragged rugged wretched")


def _third_person(w: str, verbs: frozenset[str]) -> bool:
    """"delivers", "closes", "reaches": a present form of a verb whose past the list holds. A
    plural noun with such a past ("reports", "claims") passes too: the callers ask whether a
    stretch of words holds a verb at all, where that costs least."""
    if len(w) < 5 or not w.endswith("s") or w.endswith(("ss", "us", "is", "ics")):
        return False
    stem = w[:-1]
    return stem + "ed" in verbs or stem + "d" in verbs or (
        w.endswith("es") and w[:-2] + "ed" in verbs
    )


def _relative(before: str) -> re.Match[str] | None:
    """``_RELATIVE.search(before)``. Without a line break, a match found from any place is
    found from the start too (``.*`` reaches every later place), so only the start is tried:
    a search would try each place of a long sentence in turn, each over the rest of it."""
    return _RELATIVE.search(before) if "\n" in before else _RELATIVE.match(before)


_HAS_RELATIVE = re.compile(r"\s(?:which|that|who)\s+(?:[\w’'-]+\s+){0,5}[\w’'-]+\s*$", re.IGNORECASE)
# Words the verb list holds that open a relative clause's subject, not its verb ("which US
# officials said", "that police found").
_NOT_SUBJECT_VERB = wordset("us police officials people government troops forces he she they it we i")
_HAS_FRAME = re.compile(r"\b(?:said|says|told|reported|added|noted|according)\b", re.IGNORECASE)
_TAIL = 120  # characters: what a trailing date preposition or attribution can take


_ATTRIBUTIVE = re.compile(r"\b(?:the|a|an|its|his|her|their|our|this|that)\s*$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s\s+(?=[a-z])")


def _without_date_prep(text: str) -> str:
    """``text`` without the preposition(s) that led into the date ("signed on")."""
    head, tail = text[:-_TAIL], text[-_TAIL:]
    return head + _DATE_PREP.sub("", tail)


def _without_frame_after(text: str) -> str:
    """``text`` without a trailing attribution (", officials said")."""
    if not _HAS_FRAME.search(text[-_TAIL:]):
        return text
    head, tail = text[:-_TAIL], text[-_TAIL:]
    return head + _FRAME_AFTER.sub("", tail)


_POSSESSIVE_LEAD = re.compile(r"[A-Z][\w.&-]*['’]s\s")
_SCENE_OPENING = re.compile(r"\s*(?:in|at|on|from|near|outside|inside)\b", re.IGNORECASE)


def _aside_or_list(m: re.Match[str]) -> str:
    """An apposition goes, unless what follows its closing comma is the end of the same list
    ("its first animal, a heron covered in thick, black oil")."""
    rest = m.string[m.end() :]
    if len(rest.split()) < 3 and not _has_verb(rest):
        return m.group(0)
    before = m.string[: m.start()]
    if not before.strip():
        return m.group(0)  # ", the town of Lorvan, …" opens the text: the subject, no aside
    if _SCENE_OPENING.match(before) and not _has_verb(before):
        return m.group(0)  # "In Lorvan, the valley's capital, the mayor …": the scene goes whole
    inside = m.group(0).strip(" ,")
    if _POSSESSIVE_LEAD.match(inside) and (_has_verb(inside) or len(inside.split()) > 8):
        return m.group(0)  # ", Kessa's shares were up 2 pence,": a clause, not an aside
    return " "


def _tidy(text: str) -> str:
    if "\\" in text:  # text saved with its escapes: "BERGEN\/OSLO", "\*"
        text = text.replace("\\/", "/").replace("\\*", "*")
    # Each pattern needs a character a long run of words may well lack: looked for first.
    if "(" in text or "—" in text or "–" in text or " -- " in text or " - " in text:
        text = _ASIDE.sub("", text)
    if ", " in text:
        # a leading comma (the date and its preposition went) would open an apposition
        text = _APPOSITION.sub(_aside_or_list, text.lstrip(" ,"))
    if any(q in text for q in _QUOTE_CHARACTERS):
        text = _QUOTES.sub("", text)
    text = re.sub(r"\s+([,.;:])", r"\1", " ".join(text.split()))
    text = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", text).strip(" ,.;:!?_*•")
    for _ in range(3):  # openers, frames and scenes come stacked: "However, he said that, in …"
        previous = text
        text = _DATELINE.sub("", text)
        text = _LEADING_CREDIT.sub("", text)
        text = _OPENER.sub("", text)
        text = _ACCORDING.sub("", text)
        participle = _PARTICIPLE.sub("", text)
        if len(participle.split()) >= _MIN_WORDS + 1 and _has_verb(participle):
            text = participle
        text = _unframe(text)
        scene = _SCENE.sub("", text)
        if len(scene.split()) >= _MIN_WORDS and scene != text and _has_verb(scene):
            text = scene
        text = text.strip(" ,.;:!?_*•")
        if text == previous:
            break
    unframed = _without_frame_after(text).strip(" ,.;:!?")
    if len(unframed.split()) >= _MIN_WORDS:
        text = unframed
    return text


_LEAD_IN = re.compile(
    r"\s*(?:(?:soon|shortly|just|long|right|immediately|only|even)\s+)?"
    r"(?:since|after|following|during|amid|amidst|with|despite|before|until)\s+",
    re.IGNORECASE,
)
_REPORTING_END = re.compile(
    r"\b(?:said|says|told|reported|added|noted|announced|stated|expects?|expected)$", re.IGNORECASE
)
_SAID_END = re.compile(
    r"\b(?:said|says|told(?:\s+[\w.]+){0,2}|added|noted|announced|stated|declared|wrote)$",
    re.IGNORECASE,
)
_SUBORDINATE_START = re.compile(
    r"^(?:since|if|while|when|although|though|because|unless|as|after|before|until|of|in|on"
    r"|at|from|by|for|with)\b",
    re.IGNORECASE,
)
_THAT_CLAUSE = re.compile(r"^.*\b(?:such|so|said|says|believes?|thinks?|reports?|shows?)\s+that\s+")
_TAIL_START = re.compile(r"(?:^|[,;]\s+|\s+(?:as|at|for|to|in|on|with|by|of)\s+)")


_WORD = re.compile(r"\S+")  # a word as str.split() sees one
_DETERMINER = re.compile(r"(?:the|a|an|his|her|its|their|our)\s", re.IGNORECASE)


def _tail(text: str) -> str:
    """The end of a phrase, from a boundary that leaves at most TARGET_WORDS words."""
    words = text.split()
    if len(words) <= TARGET_WORDS:
        return text
    # How many words follow each place: those ending after it (no suffix copied to count).
    ends = [m.end() for m in _WORD.finditer(text)]
    fits = [
        m.end()
        for m in _TAIL_START.finditer(text)
        if 3 <= len(ends) - bisect.bisect_right(ends, m.end()) <= TARGET_WORDS
    ]
    # Best from a noun phrase's start ("the guest of honour at …"), else the longest.
    for at in fits:
        if _DETERMINER.match(text, at):
            return text[at:]
    return text[fits[0] :] if fits else " ".join(words[-TARGET_WORDS:])


# "Her appointment was announced on 4 June": a passive, not someone announcing.
_AUXILIARIES = wordset("was were is are be been being")


# "As one analyst put it, the council has run out of money": the same frame, opened by "as".
_AS_FRAME = re.compile(
    r"^(?:(?:Or|And|But),?\s+)?[Aa]s\s+(?P<who>[^,]{2,60}?)\s+(?:put\s+it|said|says|noted|wrote"
    r"|writes|observed|remarked|explained|argued|warned|added|recalled|asked|quipped|joked"
    r"|deadpanned|told\s+\w+)\b[^,]{0,12},\s*"
)


# A speaker is a noun phrase: one that holds a conjunction or an auxiliary is a clause and more.
_CLAUSE_IN_SPEAKER = re.compile(
    r"\s(?:but|while|whereas|because|although|was|were|is|are|has|had|have|will|would)\s"
)


def _speaker(m: re.Match[str]) -> str:
    """Who speaks in a frame: "BP has said …" is BP's."""
    groups = m.groupdict()
    who = str(groups.get("who") or groups.get("name") or "")
    head, _, last = who.rpartition(" ")
    return head if head and last.lower() in ("has", "have", "had") else who


# not "it is time", "it was likely": "it" there stands for nobody
_PRONOUN_SUBJECT = re.compile(
    r"(?:it|they|he|she)\s+(?=(?:would|will|had|has|have|could|can|expects?|plans?|intends?)\b)",
    re.IGNORECASE,
)


def _unframe(text: str) -> str:
    framed = _AS_FRAME.match(text)
    if framed is not None:
        rest = text[framed.end() :].strip(" ,")
        if len(rest.split()) >= 4 and _has_verb(rest):
            who = framed.group("who")
            if _NAMELESS.match(who) or len(who.split()) > 6:
                return rest
            return f"{who}: {rest}"
    m = _FRAME_APPOSED.match(text) or _FRAME_BEFORE.match(text)
    if m is None or _speaker(m).split()[-1].lower() in _AUXILIARIES:
        return text
    if len(_speaker(m).split()) < 2 and _speaker(m).lower() in ("has", "have", "had"):
        return text
    if _CLAUSE_IN_SPEAKER.search(_speaker(m)):
        return text  # "The outbreak appeared to be stabilizing but officials warned …"
    rest = text[m.end() :].strip(" ,")
    if len(rest.split()) < 4 or not _has_verb(rest):
        return text  # "Bush said on Monday": nothing said to make a headline of
    who = _speaker(m)
    pronoun = _PRONOUN_SUBJECT.match(rest)
    if pronoun is not None and who[:1].isupper() and len(who.split()) <= 5:
        # "The airline said it would send a flight": the speaker is the pronoun's subject
        return f"{who} {rest[pronoun.end():]}"
    if _NAMELESS.match(who) or len(who.split()) > 6:
        return rest
    return f"{who}: {rest}"


def _compress(text: str) -> str:
    """Headline style: "Russian Defence Minister Sergei Shoigu and his Chinese counterpart Wei
    Fenghe" -> "Sergei Shoigu and Wei Fenghe": a name says who; its titles can go."""
    demonyms = lexicon().demonym_of
    words = text.split()
    distinct = set(words)
    if (
        distinct.isdisjoint(TITLES)
        and demonyms.keys().isdisjoint(distinct)
        and _TITLE_NOUNS.isdisjoint({w.lower() for w in distinct})
    ):
        return " ".join(words)  # no title to drop: what follows would keep every word
    count = len(words)
    # A run: capitalised words (and title nouns) from a place on; where each run ends.
    run_end = [count] * (count + 1)
    for k in range(count - 1, -1, -1):
        w = words[k]
        run_end[k] = run_end[k + 1] if w[:1].isupper() or w.lower() in _TITLE_NOUNS else k
    # A title: a title word followed by two capitalised words. The last title before each
    # place, and how many titles that are not demonyms come before it.
    last_title = [-1] * (count + 1)
    not_demonyms = [0] * (count + 1)
    for t in range(count):
        w = words[t]
        title = (
            (w in TITLES or w.lower() in _TITLE_NOUNS or w in demonyms)
            and t + 2 < count
            and words[t + 1][:1].isupper()
            and words[t + 2][:1].isupper()
        )
        last_title[t + 1] = t if title else last_title[t]
        not_demonyms[t + 1] = not_demonyms[t] + (1 if title and w not in demonyms else 0)
    out: list[str] = []
    i = 0
    while i < count:
        # A run of capitalised words (a possessive may open it) that holds a title and ends
        # in a name of two words: "Kenyan Transport Minister Amina Odhiambo".
        j = i + 1 if words[i].lower() in ("his", "her", "their", "its") else i
        end = run_end[j]
        # Titles t with j <= t and t + 2 < end: those before end - 2.
        upto = max(j, end - 2)
        last = last_title[upto]
        if last >= j and not_demonyms[upto] > not_demonyms[j]:
            i = last + 1  # drop up to the last title; the name stays
            if out and out[-1].lower() in _TITLE_MODIFIERS:
                out.pop()  # "former Daimler-Benz Chairman Juergen Schrempp": "former" too
            out.append(words[i])
            i += 1
            continue
        out.append(words[i])
        i += 1
    return " ".join(out)


_TITLE_MODIFIERS = wordset("former then late acting outgoing incoming interim deputy")
_TITLE_NOUNS = wordlist(
    "counterpart counterparts spokesman spokeswoman spokesperson leader chief envoy minister"
    " president premier chancellor secretary ambassador"
)


def _shorten(text: str) -> str:
    if len(text.split()) > TARGET_WORDS:
        text = _compress(text)
    words = text.split()
    if len(words) <= TARGET_WORDS:
        return _strip_weak_end(text)
    # The last phrase boundary that keeps the title within TARGET_WORDS and says enough;
    # failing that, the whole clause if it is not too long ("Fears that an outbreak could
    # become a pandemic brought" reads broken at twelve words), then a boundary within
    # MAX_WORDS; only then a cut between words, at MAX_WORDS.
    # (Cutting a clause of 13 to 18 words at its last prepositional phrase was read blind twice
    # and lost both times: "extend a moratorium | on deep-water drilling" says less.)
    best = _boundary_within(text, TARGET_WORDS)
    if not best and len(words) <= MAX_WORDS:
        best = text
    if not best:
        best = _boundary_within(text, MAX_WORDS)
    if not best:
        # A few words over is better than a phrase cut before its verb ("… after the ferry").
        best = _boundary_within(text, MAX_WORDS + _OVER_WORDS)
    if not best:  # a cut between words: before a prepositional phrase, where one starts
        best = _before_preposition(words, MAX_WORDS) or " ".join(words[:MAX_WORDS])
    return _strip_weak_end(best)


_PROGRESSIVE = re.compile(r"\b(?:be|been|is|are|was|were)\s+(?:ending|beginning|starting)$", re.I)


def _strip_weak_end(text: str) -> str:
    """The text without the function words it ends on ("… pledged to"), unless that leaves
    it saying nothing ("It may not" is a clause; "It" is not)."""
    text = text.strip(" ,")
    shorter = text
    while (weak := _LAST_WEAK_WORD.search(shorter)) and len(shorter[: weak.start()].split()) >= _MIN_WORDS:
        if _PROGRESSIVE.search(shorter):
            return shorter  # "appeared to be ending": a verb, not "the six months ending [Oct. 1]"
        shorter = shorter[: weak.start()].strip(" ,")
    if _LAST_WEAK_WORD.search(shorter):  # stopped short on a weak word ("The split will")
        stripped = _WEAK_END.sub("", text).strip(" ,")
        # "The meeting [and]" still names something; "It [may not]" does not
        return stripped if len(stripped.split()) >= 2 else text
    return shorter


# Where a phrase ends and another begins: a cut before one of these leaves whole phrases ("…
# have taken ill | with swine flu"), a cut anywhere else may split one ("with swine | flu").
# (A conjunction too: "the grain business | and its barge unit".)
_PREPOSITIONS = wordset(
    "in on at for with from by after before during over under into onto across near as than "
    "against among amid between through throughout toward towards within without despite via "
    "and or but"
)


_ANOTHER_DATE = re.compile(
    r"(?:\d{4}|(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\b)"
)


def _before_preposition(words: list[str], limit: int) -> str:
    """The longest start of ``words`` within ``limit`` that ends where a prepositional phrase
    begins, holds a verb and keeps most of the limit (a cut that leaves "The auto giant paid"
    says less than one mid-phrase), or "". A cut that would leave a verb without its object
    ("to start bringing | at least some oil"), the title's verb after it ("a woman who was
    waiting | at the pier was hurt") or another date's words after it is taken only if no
    other is found."""
    careful = _prepositional_cut(words, limit, careful=True)
    return careful or _prepositional_cut(words, limit, careful=False)


def _prepositional_cut(words: list[str], limit: int, careful: bool) -> str:
    for n in range(min(limit, len(words) - 1), limit // 2, -1):
        following = words[n + 1] if n + 1 < len(words) else ""
        inside_name = words[n - 1][:1].isupper() and following[:1].isupper()
        if (  # "House of Lords", "Organization of Petroleum Exporting Countries": one name
            words[n].lower() not in _PREPOSITIONS
            or words[n - 1].endswith(",")
            or inside_name
        ):
            continue
        head = " ".join(words[:n])
        if not _has_verb(head) or _WEAK_END.search(head):
            continue
        if careful and (
            words[n - 1].lower().endswith("ing")
            or _past_verb(words[n - 1])
            or (n >= 2 and words[n - 2].lower() == "to")
            or _ANOTHER_DATE.match(following)
            or any(w.lower() in _FINITE_AUXILIARIES or _past_verb(w) for w in words[n : n + 8])
        ):
            continue
        return head
    return ""


def _boundary_within(text: str, limit: int) -> str:
    """The text up to its last phrase boundary within ``limit`` words that leaves a verb and
    at least five words (a subject alone says nothing happened), or ""."""
    best = ""
    for m in _BOUNDARY.finditer(text):
        head = text[: m.start()].strip(" ,")
        n = len(head.split())
        if n > limit:
            break
        if n >= 5 and _has_verb(head) and not _joins_words(text, m) and not _adverb_before_verb(text, m):
            best = head
    return best


def _adverb_before_verb(text: str, boundary: re.Match[str]) -> bool:
    """Whether the boundary's word is an adverb before the main verb, not a conjunction: "a
    strain never seen before | has killed 60 people"."""
    rest = text[boundary.end() :].split(None, 2)
    return len(rest) >= 2 and rest[0].lower() in ("before", "since", "after") and (
        rest[1].lower() in _FINITE_AUXILIARIES
    )


_CONJUNCTION = re.compile(r"\s+(?:and|or)\s+")


def _joins_words(text: str, boundary: re.Match[str]) -> bool:
    """Whether an "and" joins words, not clauses: "her senior housing and transport officials"
    is one phrase (no verb follows within a few words), "… and sank" is a second clause."""
    if "," in boundary.group(0):
        return False
    m = _CONJUNCTION.match(text, boundary.start())
    if m is None:
        return False
    return not _has_verb(" ".join(text[m.end() :].split()[:4]))


# ", health officials said on": a trailing attribution that the date right after it belongs to.
_FRAMED_DATE = re.compile(
    r",\s+(?:[\w.'’-]+\s+){0,6}(?:said|says|told\s+\w+|reported|added|announced)"
    r"(?:\s+\w+){0,3}?\s+(?:on|in|at|late|early)?\s*$",
    re.IGNORECASE,
)


_LAST_SUBORDINATE = re.compile(
    r".*\b(?:since|when|after|before|because|while|although|though|until|once|as)\s+(?=\S)",
    re.IGNORECASE,
)
_AUXILIARY_BEFORE = re.compile(r"\b(?:was|were|is|are|be|been|being|had|has|have)\s+\S+$", re.I)
# "He developed a fever and took a taxi to hospital on Thursday": a second past verb of one subject.
_AND_PAST = re.compile(r"\s+(?:and|but)\s+(?=(?P<verb>[a-z]+)\s)")


def _verb_phrase(
    sentence: str, c_start: int, c_end: int, start: int, end: int
) -> tuple[int, int, str]:
    """Within a clause of two verb phrases of one subject, the one holding the date, and the
    subject to put before the second: "Her appointment was announced on 4 June | but was only
    meant to take effect in August" -> "Her appointment " + "was only meant …"."""
    clause = sentence[c_start:c_end]
    if " but " not in clause and " and " not in clause and ", " not in clause:
        return c_start, c_end, ""
    joins = list(_VP_COORDINATION.finditer(sentence, c_start, c_end))
    joins += [
        m
        for m in _AND_PAST.finditer(sentence, c_start, c_end)
        if _past_verb(m["verb"])
        and m.end() <= start  # the date in the second: with it in the first, both stay
        # "formed and funded by …", "was born and raised in …": two verbs of one phrase
        and not _past_verb(sentence[c_start : m.start()].rsplit(None, 1)[-1])
        and not _AUXILIARY_BEFORE.search(sentence, max(c_start, m.start() - 24), m.start())
    ]
    for m in sorted(joins, key=lambda m: m.start()):
        if m.group().startswith(",") and "," in sentence[c_start : m.start()]:
            continue  # "Unisys, whose revenue rose, had a loss": the comma closed an aside
        if m.start() >= end:
            if _has_verb(sentence[c_start:start]):
                return c_start, m.start(), ""  # the date is in the first: the second goes
            break
        if m.end() <= start:
            first = sentence[c_start : m.start()]
            if _HAS_FRAME.search(first):
                break  # "Aides said she will … and is to …": whose verb phrase is unclear
            if _FRAMED_DATE.search(sentence, m.end(), start):
                # "X has killed 60 people and also appeared in Y, officials said on Friday":
                # the date is the saying's, and what was said is both verb phrases.
                break
            # "Lind returned since the rig exploded and sank on 20 April": the verb phrase
            # before "and" is the since-clause's, and so is its subject
            local = _LAST_SUBORDINATE.search(first)
            subject = _subject(first[local.end() :]) if local is not None else ""
            subject = subject or _subject(first)
            if subject:
                return m.end(), c_end, subject + " "
    return c_start, c_end, ""


_FINITE_AUXILIARIES = wordset("was were is are has have had will would could can may must")
_SUBJECT_PRONOUNS = wordset("he she it they we i")


def _subject(clause: str) -> str:
    """The words before a clause's first verb, when they are a short subject, else ""."""
    words = clause.split()
    for n, w in enumerate(words):
        if ("-" in w or w[:1].isupper()) and n > 0:
            continue  # "the BP-operated rig": a compound or a name, not the verb
        if w.lower() in _AUXILIARIES or w.lower() in ("has", "have", "had") or _has_verb(w):
            auxiliary = next(
                (k for k in range(n + 1, min(len(words), 9)) if words[k].lower() in _FINITE_AUXILIARIES),
                None,
            )
            if auxiliary is not None and w.lower() not in _FINITE_AUXILIARIES and _participle(w):
                n = auxiliary  # "A strain never seen before has killed": a reduced relative
            while n > 1 and words[n - 1].lower().endswith("ly"):
                n -= 1  # "It rarely reaches …": the adverb is the verb's
            subject = " ".join(words[:n])
            if "," in clause:  # "But as the craze died, Coleco failed …": the main clause's
                main = _subject(clause.rsplit(",", 1)[1])
                if main:
                    return main
            if "," in subject:  # "A geologist by training, he joined …": after the opener
                subject = subject.rsplit(",", 1)[1].strip()
                return subject if 1 <= len(subject.split()) <= 4 else ""
            return subject if 1 <= n <= 8 else ""
    if words and words[0].lower() in _SUBJECT_PRONOUNS:
        return words[0]  # "It currently only rarely infects people": a verb the lists lack
    return ""


def _clause(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The clause holding the expression: between the semicolons, colons or dashes around it,
    and between the coordinated clauses around it ("…, and the parliament ratified it on 17
    April"), where both sides have a verb of their own."""
    c_start, c_end = 0, len(sentence)
    if any(c in sentence for c in ";:—–-*•"):
        paired: set[int] = set()
        for m in _CLAUSE_BREAK.finditer(sentence):
            if sentence.rfind("(", 0, m.start()) > sentence.rfind(")", 0, m.start()):
                continue  # "(ID: nL728) Sanofi has …": a colon inside brackets
            if m.start() in paired:
                continue
            dash = m.group().strip()
            if dash in ("-", "—", "–", "--"):
                # "Admiral Lind - the official in charge - said …": a pair of dashes holds an
                # aside, not a clause break, unless the date is inside it
                second = sentence.find(f" {dash} ", m.end(), m.end() + 120)
                if second == -1 and dash != "-":
                    second = sentence.find(dash, m.end(), m.end() + 120)
                if second != -1 and not m.end() <= start < second:
                    paired.update(range(second - 1, second + 2))
                    continue
            if m.end() <= start:
                c_start = m.end()
            elif m.start() >= end:
                c_end = m.start()
                break
    clause = sentence[c_start:c_end]
    if ", " not in clause and " but " not in clause and " whereas " not in clause:
        return c_start, c_end
    for m in _COORDINATION.finditer(sentence, c_start, c_end):
        # Each side keeps a verb of its own, the date's side too.
        if m.end() <= start:
            if _has_verb(sentence[c_start : m.start()]) and _has_verb(
                sentence[m.end() : start] + sentence[end:c_end]
            ):
                c_start = m.end()
        elif _has_verb(sentence[m.end() : c_end]) and _has_verb(
            sentence[c_start:start] + sentence[end : m.start()]
        ):
            c_end = m.start()
            break
    return c_start, c_end
