"""Event identity and merging: which reports are one happening (same sides, root, date window and
place), and the deterministic event id of each group.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

# Interactions whose two sides play the same part: A meets B is B meets A.
# Interactions whose two sides play the same part, so that A with B is B with A: consultations and
# meetings (040, 041 by telephone, 044 at a third place), negotiations (046), a ceasefire between two sides
# (0871). A visit (042), hosting one (043) or mediating (045) has a direction, kept when merging.
SYMMETRIC_EVENT_CODES = frozenset(("040", "041", "044", "046", "0871"))
DATE_TOLERANCE_DAYS = 1


def stable_id(*parts: object) -> str:
    return hashlib.sha256("\x1f".join("" if p is None else str(p) for p in parts).encode()).hexdigest()[:16]


def base_actor(entity_id: str | None) -> str | None:
    """`country:RUS/MIL` -> `country:RUS`: a country's military and the country are one side for merging."""
    return entity_id.split("/")[0] if entity_id else None


def event_identity(event_code: str, actor1_id: str, actor2_id: str | None) -> tuple:
    """What makes two reports one happening, before dates and places are compared: the CAMEO root and
    the two sides (in either order for symmetric interactions)."""
    pair = (base_actor(actor1_id), base_actor(actor2_id) or "")
    if is_symmetric(event_code) and actor2_id:
        pair = tuple(sorted(pair))
    return (event_code[:2], *pair)


def is_symmetric(event_code: str) -> bool:
    """Whether both sides of the interaction play the same part (`SYMMETRIC_EVENT_CODES`), so that a
    report's actor order does not tell two happenings apart."""
    return event_code in SYMMETRIC_EVENT_CODES or event_code[:3] in SYMMETRIC_EVENT_CODES


@dataclass(frozen=True)
class ReportKey:
    """The fields of a report that merging needs: an index into the caller's rows plus identity, date,
    document and place."""

    row: int
    identity: tuple
    event_date: date | None
    document_id: str
    location_id: str | None


def date_windows(dates: Iterable[date], tolerance_days: int = DATE_TOLERANCE_DAYS) -> list[tuple[date, ...]]:
    """Distinct dates in windows of one happening: a window opens at its earliest date and holds the dates
    up to `tolerance_days` after it; the next date opens the next window. Anchoring on the first date
    (rather than chaining day to day) keeps a daily repeated act, such as shelling reported every day for
    a year, from becoming one year-long event, and makes a window depend only on the dates near it, so a
    load re-merges only the windows its reports fall in (`dates_to_merge_again`)."""
    windows: list[list[date]] = []
    for day in sorted(set(dates)):
        if windows and (day - windows[-1][0]).days <= tolerance_days:
            windows[-1].append(day)
        else:
            windows.append([day])
    return [tuple(window) for window in windows]


def dates_to_merge_again(
    before: Iterable[date], now: Iterable[date], changed: Iterable[date], tolerance_days: int = DATE_TOLERANCE_DAYS
) -> set[date]:
    """The dates of one group of reports whose events must be merged again after reports were added or
    removed: those of every window that the change altered (in the windows before or now) or that holds
    a changed report's date. Windows found both before and now, untouched, keep their events."""
    old, new, touched = date_windows(before, tolerance_days), date_windows(now, tolerance_days), set(changed)
    kept = {window for window in set(old) & set(new) if not touched.intersection(window)}
    return {day for window in old + new if window not in kept for day in window}


def window_starts(dates: Iterable[date], tolerance_days: int = DATE_TOLERANCE_DAYS) -> dict[date, date]:
    """Each distinct date's window (`date_windows`), by its first date."""
    return {day: window[0] for window in date_windows(dates, tolerance_days) for day in window}


def first_date_to_compare(stored_window_starts: Iterable[date], earliest_change: date, tolerance_days: int = DATE_TOLERANCE_DAYS) -> date:
    """The date from which a change to a group's reports, on `earliest_change` and later, can alter its
    windows: the first date of the stored window that holds the change's date, or else that date itself,
    as it opens a window. A window depends only on the dates before it through where it opens, so every
    window before this date stays as it is, and `dates_to_merge_again` need compare only the dates from it on."""
    opened = max((start for start in stored_window_starts if start <= earliest_change), default=None)
    return opened if opened is not None and (earliest_change - opened).days <= tolerance_days else earliest_change


def date_clusters(reports: list[ReportKey], tolerance_days: int) -> list[list[ReportKey]]:
    """Reports of one identity grouped by the window of their date (`date_windows`). Undated reports only
    group within their own document: without a date, two reports of a meeting may be years apart."""
    window_of_date = {day: window for window in date_windows((r.event_date for r in reports if r.event_date), tolerance_days) for day in window}
    clusters: dict[tuple, list[ReportKey]] = defaultdict(list)
    for report in sorted(reports, key=lambda r: (r.event_date is None, r.event_date or date.min, r.document_id, r.row)):
        clusters[window_of_date[report.event_date] if report.event_date else ("undated", report.document_id)].append(report)
    return list(clusters.values())


def assign_event_ids(reports: list[ReportKey], tolerance_days: int = DATE_TOLERANCE_DAYS) -> dict[int, str]:
    """Group reports of one happening and give each group a deterministic event id.

    Reports with the same mode, root and acting side, dates in one window (`date_windows`), the same
    target and the same place are one event. A report with no target joins the group's most reported target (`the
    Dutch F-35s escorted them out` is the interception already reported with its target), and a report
    with no place the most reported place; without any, they form their own.
    """
    by_actor: dict[tuple, list[ReportKey]] = defaultdict(list)
    for report in reports:
        by_actor[report.identity[:-1]].append(report)
    event_of_row: dict[int, str] = {}
    for acting, group in by_actor.items():
        for cluster in date_clusters(group, tolerance_days):
            first = cluster[0]
            when = first.event_date.isoformat() if first.event_date else f"undated:{first.document_id}"
            fallback_target = most_common(r.identity[-1] for r in cluster)
            targets: dict[str, list[ReportKey]] = defaultdict(list)
            for report in cluster:
                targets[report.identity[-1] or fallback_target].append(report)
            for target, reports_of_target in targets.items():
                fallback_place = most_common(r.location_id for r in reports_of_target)
                for report in reports_of_target:
                    event_of_row[report.row] = stable_id(*acting, target, when, report.location_id or fallback_place)
    return event_of_row


def most_common(values: Iterable[str | None]) -> str:
    """The most frequent non-empty value ('' if none): ties go to the first seen."""
    counts = Counter(value for value in values if value)
    return counts.most_common(1)[0][0] if counts else ""


def representative_code(codes: Iterable[str]) -> str:
    """The event's code: the most reported; among equals the most specific, then the lowest."""
    counts = Counter(codes)
    return min(counts, key=lambda code: (-counts[code], -len(code), code))
