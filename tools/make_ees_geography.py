"""Make model/data/ees_geography.csv: the geographies Explore Education Statistics accepts.

The EES data screener (eesyscreener) checks country, region and local authority code/name
combinations against the lookups of DfE's screener app repository,
dfe-analytical-services/dfe-published-data-qa: data/country.csv, data/regions.csv,
data/las.csv and data/universal_geog_options.csv. This script copies them into one table,
adding the Ofsted region each ONS region belongs to (Ofsted joins North East and Yorkshire
and The Humber; Inner and Outer London are in London).

    python tools/make_ees_geography.py PATH_TO_dfe-published-data-qa > \
        src/inspection_outcomes/model/data/ees_geography.csv
"""

from __future__ import annotations

import csv
import sys
from datetime import datetime
from pathlib import Path

OFSTED_REGIONS = {
    "E12000001": "North East, Yorkshire and the Humber",
    "E12000002": "North West",
    "E12000003": "North East, Yorkshire and the Humber",
    "E12000004": "East Midlands",
    "E12000005": "West Midlands",
    "E12000006": "East of England",
    "E12000007": "London",
    "E12000008": "South East",
    "E12000009": "South West",
    "E13000001": "London",
    "E13000002": "London",
}

COLUMNS = (
    "geographic_level",
    "code",
    "name",
    "old_la_code",
    "region_code",
    "ofsted_region",
    "valid_from",
    "valid_to",
)


def _iso(text: str) -> str:
    return datetime.strptime(text, "%d/%m/%Y").date().isoformat() if text else ""


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def rows(repo: Path) -> list[dict[str, str]]:
    data = repo / "data"
    out = [
        {"geographic_level": "National", "code": r["country_code"], "name": r["country_name"]}
        for r in _read(data / "country.csv")
    ]
    out += [
        {
            "geographic_level": "Regional",
            "code": r["region_code"],
            "name": r["region_name"],
            "ofsted_region": OFSTED_REGIONS.get(r["region_code"], ""),
        }
        for r in _read(data / "regions.csv")
    ]
    out += [
        {
            "geographic_level": "Local authority",
            "code": r["new_la_code"],
            "name": r["la_name"],
            "old_la_code": r["old_la_code"],
            "region_code": r["parent_geography_code"],
            "valid_from": _iso(r["date_of_operation"]),
            "valid_to": _iso(r["date_of_termination"]),
        }
        for r in _read(data / "las.csv")
    ]
    out += [
        {"geographic_level": "Any", "code": r["code"], "name": r["name"]}
        for r in _read(data / "universal_geog_options.csv")
    ]
    return [{c: r.get(c, "") for c in COLUMNS} for r in out]


def main() -> None:
    w = csv.DictWriter(sys.stdout, COLUMNS, lineterminator="\n")
    w.writeheader()
    w.writerows(rows(Path(sys.argv[1])))


if __name__ == "__main__":
    main()
