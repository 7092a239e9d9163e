"""`hikeshi calendar holidays` against the PyPI `holidays` package.

For 2020-2035 and each of JP, KR, US and CN, the set of dates the binary prints must equal
`holidays.country_holidays(code, years=year)` (default categories). No server is needed.
The `holidays` package is a hard requirement (requirements.txt): if it is missing the tests fail.
"""

from __future__ import annotations

import datetime
import json
import subprocess

import pytest

COUNTRIES = ("JP", "KR", "US", "CN")
YEARS = range(2020, 2036)


def _python_holidays():
    try:
        import holidays
    except ImportError as error:  # a failure, not a skip: requirements.txt installs it
        pytest.fail(f"the `holidays` package is required (pip install -r Tests/conformance/requirements.txt): {error}", pytrace=False)
    return holidays


def _hikeshi_holidays(hikeshi_bin: str, country: str, year: int) -> list[dict]:
    result = subprocess.run(
        [hikeshi_bin, "calendar", "holidays", "--country", country, "--year", str(year), "--json"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, f"hikeshi calendar holidays failed ({result.returncode}):\n{result.stderr}"
    return json.loads(result.stdout)


@pytest.mark.parametrize("country", COUNTRIES)
def test_holiday_dates_match_python_holidays(hikeshi_bin, country):
    holidays = _python_holidays()
    problems = []
    for year in YEARS:
        listed = _hikeshi_holidays(hikeshi_bin, country, year)
        ours = {entry["date"] for entry in listed}
        theirs = {day.isoformat() for day in holidays.country_holidays(country, years=year)}
        if ours != theirs:
            problems.append(f"{country} {year}: missing {sorted(theirs - ours)}, extra {sorted(ours - theirs)}")
    assert not problems, f"holidays {holidays.__version__}:\n" + "\n".join(problems)


def test_json_shape_and_order(hikeshi_bin):
    listed = _hikeshi_holidays(hikeshi_bin, "JP", 2026)
    assert listed[0] == {"date": "2026-01-01", "name": "New Year's Day", "localName": "元日"}
    assert all(set(entry) == {"date", "name", "localName"} for entry in listed)
    dates = [entry["date"] for entry in listed]
    assert dates == sorted(dates) and len(dates) == len(set(dates))
    for date in dates:
        datetime.date.fromisoformat(date)
    assert {"date": "2026-09-22", "name": "National Holiday", "localName": "国民の休日"} in listed


def test_plain_output_one_line_per_holiday(hikeshi_bin):
    result = subprocess.run(
        [hikeshi_bin, "calendar", "holidays", "--country", "kr", "--year", "2025"],
        capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    lines = result.stdout.splitlines()
    assert len(lines) == len(_hikeshi_holidays(hikeshi_bin, "KR", 2025))
    assert "2025-10-08\tAlternative holiday for Chuseok\t추석 대체 휴일" in lines


def test_unknown_country_is_a_usage_error(hikeshi_bin):
    result = subprocess.run(
        [hikeshi_bin, "calendar", "holidays", "--country", "XX", "--year", "2026"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode != 0
    assert "unknown country XX" in result.stderr
