"""The word lists actor recognition reads: countries (pycountry's ISO names plus our table of
news names, demonyms and capitals), places that are not actors, common English words, and the
words that mark titles, organisations, companies, places and events inside a name."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from explorer.resources import resource


def wordlist(text: str) -> frozenset[str]:
    """A word list written as running text (one long string reads better than 100 quotes)."""
    return frozenset(text.split())


@dataclass(frozen=True)
class Country:
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]


@dataclass(frozen=True)
class Lexicon:
    countries: tuple[Country, ...]
    country_of: dict[str, str] = field(default_factory=dict)  # name or alias -> country
    demonym_of: dict[str, str] = field(default_factory=dict)  # "Kenyan" -> Kenya
    capital_of: dict[str, str] = field(default_factory=dict)  # "Nairobi" -> Kenya
    places: frozenset[str] = frozenset()
    common: frozenset[str] = frozenset()
    name_words: frozenset[str] = frozenset()  # the words of multiword country names


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    countries = _countries()
    country_of: dict[str, str] = {}
    demonym_of: dict[str, str] = {}
    capital_of: dict[str, str] = {}
    for c in countries:
        for alias in (c.name, *c.aliases):
            country_of.setdefault(alias, c.name)
        for d in c.demonyms:
            demonym_of.setdefault(d, c.name)
        for cap in c.capitals:
            capital_of.setdefault(cap, c.name)
    places = frozenset(_lines("places.txt")) | REGIONS
    common = frozenset(_lines("common_words.txt"))
    name_words = frozenset(
        w for name in (*country_of, *demonym_of) if " " in name for w in name.split()
    )
    return Lexicon(countries, country_of, demonym_of, capital_of, places, common, name_words)


def _lines(name: str) -> list[str]:
    text = resource("actors", name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]


def _countries() -> tuple[Country, ...]:
    import pycountry

    table: dict[str, list[str]] = {}
    for line in _lines("countries.tsv"):
        cols = (line.split("\t") + [""] * 5)[:5]
        table[cols[0]] = cols
    out: list[Country] = []
    for iso in pycountry.countries:
        code = iso.alpha_2
        cols = table.pop(code, [code, "", "", "", ""])
        common = getattr(iso, "common_name", None)
        short = iso.name if "," not in iso.name else None
        name = cols[1] or common or short or iso.name
        names = [iso.name, getattr(iso, "official_name", None), common, short]
        aliases = [n for n in names if n and n != name and "," not in n]
        aliases += _split(cols[4])
        out.append(Country(name, tuple(dict.fromkeys(aliases)), _split(cols[2]), _split(cols[3])))
    for code, cols in table.items():  # in our table but not ISO 3166 (Kosovo)
        out.append(Country(cols[1] or code, _split(cols[4]), _split(cols[2]), _split(cols[3])))
    return tuple(out)


def _split(cell: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in cell.split(";") if x.strip())


REGIONS = wordlist("""Europe Asia Africa Antarctica Oceania Eurasia Arctic Balkans Caucasus Scandinavia
    Siberia Sahara Sahel Maghreb Levant Mediterranean Atlantic Pacific Baltic Caribbean
    Crimea Donbas Donbass Kashmir Tibet Xinjiang Gaza Chechnya Darfur Kurdistan Catalonia
    Scotland Wales England Bavaria Quebec Ontario Texas California Florida""") | frozenset(
    [
        "Middle East", "Far East", "Near East", "Latin America", "South America",
        "North America", "Central America", "Central Asia", "South Asia", "East Asia",
        "Southeast Asia", "West Africa", "East Africa", "North Africa", "Southern Africa",
        "Horn of Africa", "Western Europe", "Eastern Europe", "Central Europe", "West Bank",
        "Gaza Strip", "Persian Gulf", "the Gulf", "South China Sea", "East China Sea",
        "Black Sea", "Red Sea", "Baltic Sea", "Indian Ocean", "Pacific Ocean", "Atlantic Ocean",
        "Northern Ireland", "Golan Heights", "Korean Peninsula", "Silicon Valley", "Wall Street",
        "Indo-Pacific", "Asia-Pacific", "Arctic Ocean", "Washington D.C.", "Washington DC",
        # US states as datelines abbreviate them
        "Ala.", "Ariz.", "Ark.", "Calif.", "Colo.", "Conn.", "Del.", "Fla.", "Ga.", "Ill.",
        "Ind.", "Kan.", "Kans.", "Ky.", "La.", "Md.", "Mass.", "Mich.", "Minn.", "Miss.", "Mo.",
        "Mont.", "Neb.", "Nev.", "N.H.", "N.J.", "N.M.", "N.Y.", "N.C.", "N.D.", "Okla.",
        "Ore.", "Pa.", "R.I.", "S.C.", "S.D.", "Tenn.", "Tex.", "Va.", "Vt.", "Wash.", "Wis.",
        "Wyo.", "D.C.",
    ]
)  # fmt: skip

# Words before a name that say a person follows (and are never part of the name).
TITLES = wordlist("""Mr Mr. Mrs Mrs. Ms Ms. Miss Dr Dr. Prof Prof. Professor Sir Dame Lord Lady President
    Vice Premier Chancellor Minister Secretary Ambassador Envoy General Gen. Gen Lt. Lt Col.
    Col Maj. Major Capt. Captain Sgt. Sergeant Adm. Admiral Cmdr. Commander Marshal Senator
    Sen. Sen Rep. Rep Representative Congressman Congresswoman Governor Gov. Gov Mayor Judge
    Justice King Queen Prince Princess Emperor Empress Pope Cardinal Archbishop Bishop
    Rev. Rev Reverend Father Sister Brother Rabbi Imam Ayatollah Sheikh Sheik Emir Sultan
    Chairman Chairwoman Chairperson Chair Chief Director Spokesman Spokeswoman Spokesperson
    Leader Coach Detective Inspector Officer Agent Prosecutor Attorney Lawyer Deputy Acting
    Interim Former Foreign Defence Defense Finance Interior Prime First Opposition
    Crown Supreme Speaker Colonel Lieutenant Corporal Private Chancellor Magistrate
    Councillor Councilman Councilwoman Commissioner Secretary-General Superintendent Saint St.
    Patriarch Metropolitan CEO Chief-Executive Founder President-elect Vice-President Mme
    Mme. Herr Monsieur Madame Senor Señor Don""")
# Titles that make a person of a single following name ("Mr. Clinton", "Sen. Kerry").
PERSONAL_TITLES = wordlist("Mr Mr. Mrs Mrs. Ms Ms. Miss Dr Dr. Sen. Sen Rep. Gov. Gen. Lt. Col. Capt. Sgt. Adm. "
    "Prof. Sir Dame Lord Lady Mme Mme. President Senator Governor Judge Ayatollah Sheikh "
    "Pope Chancellor Premier Minister Secretary King Queen Prince Princess")
# The last word of an organisation's name, or a word inside it.
ORG_WORDS = wordlist("""Ministry Department Agency Administration Commission Council Committee Party Union
    Organization Organisation Association Federation Confederation League Alliance Coalition
    Front Movement Bank Fund Institute Institution University College Academy School Court
    Tribunal Parliament Congress Senate Assembly Duma Knesset Cabinet Government Police
    Army Navy Marines Guard Guards Forces Force Command Corps Brigade Battalion Regiment
    Service Services Office Authority Board Bureau Secretariat Directorate Inspectorate
    Foundation Trust Society Club Team Church Mosque Temple Synagogue Hospital Clinic
    Laboratory Laboratories Lab Labs Museum Library Orchestra Theatre Theater Opera Ballet
    Times Post Journal News Herald Tribune Gazette Telegraph Guardian Observer Magazine
    Press Radio Television TV Broadcasting Network Channel Agency Agencies Council Caucus
    Centre Center Observatory Group Network Exchange Reserve
    Commonwealth Secretariat Brotherhood Taliban Hezbollah Hamas Jihad Brigades Militia
    Rebels Junta Politburo Presidium Kremlin Pentagon Interpol Europol Parliament Ministries
    Council Consortium Cooperative Co-operative Syndicate Chamber Registry Embassy Consulate
    Railways Railway Airlines Airline Airways Motors Energy Oil Petroleum Gas Telecom
    Communications Pharmaceuticals Industries Holdings Partners Capital Investments
    Securities Insurance Electric Steel Mining Technologies Technology Systems Software
    Entertainment Studios Records Pictures Media Publishing Foods Brands Stores Markets
    Archive Archives Conservatory Conservatoire Seminary Monastery Abbey Order Dynasty""")
COMPANY_WORDS = wordlist("""Inc Inc. Corp Corp. Corporation Co Co. Company Ltd Ltd. Limited LLC PLC plc AG SA GmbH
    NV BV Holdings Group Airlines Airline Airways Motors Industries Technologies Systems
    Software Pharmaceuticals Petroleum Oil Energy Telecom Communications Securities Insurance
    Capital Investments Partners Entertainment Studios Records Pictures Media Publishing Foods
    Brands Stores Markets Steel Mining Electric Bancorp Financial""")
# A name holding one of these is a place or a thing, not an actor.
PLACE_WORDS = wordlist("""Street St Road Avenue Ave Boulevard Square Plaza Bridge Tunnel Highway Airport Station
    Port Harbour Harbor Sea Ocean River Lake Bay Gulf Strait Straits Channel Canal Island
    Islands Isle Peninsula Mountain Mountains Mount Mt Hill Hills Valley Desert Forest Park
    Coast Province Region County District State Territory Prefecture Oblast City Town
    Village Stadium Arena Hall Palace Castle Tower Building Cathedral
    Basilica Field Fields Beach Falls Canyon Plain Plains Heights Base Camp Prison Jail
    Airfield Reservoir Dam Mine Refinery Plant Cemetery Memorial Monument Square Gardens
    Garden Zoo Mall Market Bazaar""")
EVENT_WORDS = wordlist("""War Wars Revolution Games Olympics Olympic Cup Championship Championships Tournament
    League Open Festival Prize Award Awards Treaty Agreement Accord Accords Pact Act
    Convention Charter Declaration Protocol Doctrine Plan Initiative Summit Conference Forum
    Talks Crisis Affair Scandal Day Week Year Christmas Easter Ramadan Eid Olympiad Expo
    Marathon Election Elections Referendum Constitution Budget Report Index Fair Show
    Exhibition Program Programme Project Series Mission Operation Campaign""")
MONTHS = wordlist("January February March April May June July August September October November December "
    "Jan Jan. Feb Feb. Mar Mar. Apr Apr. Jun Jun. Jul Jul. Aug Aug. Sep Sep. Sept Sept. Oct "
    "Oct. Nov Nov. Dec Dec.")
WEEKDAYS = wordlist("Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Tues Wed Thu Thur Thurs "
    "Fri Sat Sun")
# Words that join the capitalised words of one name ("Bank of England", "Osama bin Laden").
# "es" of "Dar es Salaam", "ul" of "Zia ul Haq": particles of places and names alike.
CONNECTORS = wordlist("of for the de del della der den di da do dos du la le van von bin ibn al el es ul")
PERSON_PARTICLES = wordlist("de del della der den di da do dos du la le van von bin ibn al el ul")
# A lower-case particle that opens a name written without its first name ("bin Laden's aides",
# "de Gaulle said"): few enough English words look like these.
LEADING_PARTICLES = wordlist("bin ibn al el de da van von")
# Closed-class words: capitalised only where a sentence or a title starts, never a name.
FUNCTION_WORDS = wordlist("""the a an this that these those it its he she we they i i'm i’m you his her their our my
    your in on at for with by from to of and but or nor as if when while after before since
    until because although though so then there here also both all some many most several
    such no not yet what who whom whose which where why how each every either neither any
    other another into onto upon over under about against between among through during
    without within despite per via than be is are was were has have had do does did will
    would can could may might must shall should""")
# Capitalised words that name no actor: languages, faiths and their people, common acronyms.
NOT_ACTORS = wordlist("""English Latin Arabic Hebrew Greek Spanish French German Russian Chinese Mandarin
    Cantonese Japanese Korean Hindi Urdu Persian Farsi Turkish Portuguese Italian Dutch
    Swahili Islam Islamic Muslim Muslims Christian Christians Christianity Catholic Catholics
    Protestant Protestants Orthodox Jewish Jew Jews Judaism Hindu Hindus Hinduism Buddhist
    Buddhists Buddhism Sikh Sikhs Shia Shiite Shiites Sunni Sunnis God Allah Jesus Christ
    Bible Koran Quran Torah Hajj Ramadan Eid Christmas Easter Internet Web TV PhD Ph.D
    East West North South Midwest Orient Occident Northeast Northwest Southeast Southwest
    OK AM PM GMT UTC BC AD CEO CFO MP MPs PM VIP IQ GDP DNA HIV AIDS COVID Covid""")
