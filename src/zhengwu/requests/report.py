"""The statistics of the annual report on government information disclosure
(政府信息公开工作年度报告, 条例 Art. 49–50), in the State Council's uniform
format (国办公开办函〔2021〕30号):

- part two, proactive disclosure: rules (规章) and administrative normative
  documents (行政规范性文件) issued, repealed and in force, from the
  disclosure catalog, with the number of items published;
- part three, requests received and answered, per kind of applicant.

Part three balances by construction: every registered request received by
the end of the year and not answered before it started is counted once on
each side, so (new + carried over) = answered total + carried forward, in
every column. The figures are public; nothing personal is read.
"""

from datetime import date
from plone import api
from zhengwu import _
from zhengwu import clock
from zhengwu.i18n import translated
from zhengwu.requests.kinds import ORGANIZATION_TYPES
from zhengwu.requests.kinds import OUTCOMES
from zhengwu.requests.kinds import REASONS
from zhengwu.rest import BadRequest
from zhengwu.rest import integer
from zhengwu.rest import single
from zhengwu.site.department import organ_titles


CITIZEN = "citizen"
# Part two's rows the catalog can count.
PROACTIVE_ROWS = (
    ("rules", _("Rules")),  # 规章
    ("normative_documents", _("Administrative normative documents")),  # 行政规范性文件
)
COLUMNS = (
    (CITIZEN, _("Natural persons")),
    *ORGANIZATION_TYPES,
    ("total", _("Total")),
)
# Outcomes whose reasons the table counts row by row (区分处理的只计部分公开).
ITEMIZED = ("not_disclosed", "not_exist", "not_processed", "other")


def _rows():
    """(row id, title, level) in the table's order."""
    rows = [
        ("new", _("Requests received this year"), 0),
        ("carried_over", _("Requests carried over from last year"), 0),
        ("outcomes", _("Outcomes this year"), 0),
    ]
    for outcome, title in OUTCOMES:
        rows.append((outcome, title, 1))
        if outcome in ITEMIZED:
            rows += [
                (f"{outcome}.{reason}", reason_title, 2)
                for reason, reason_title in REASONS[outcome]
            ]
    rows += [
        ("answered", _("Total answered"), 1),
        ("carried_forward", _("Carried forward to next year"), 0),
    ]
    return rows


ROWS = _rows()


def _blank():
    return {row: dict.fromkeys((c for c, _title in COLUMNS), 0) for row, _title, _level in ROWS}


def count_requests(year, organ=None):
    """{row id: {column: count}} of part three."""
    catalog = api.portal.get_tool("portal_catalog")
    query = {"portal_type": "DisclosureRequest"}
    if organ:
        query["request_organ"] = organ
    first, last = date(year, 1, 1), date(year, 12, 31)
    table = _blank()

    def add(row, column):
        table[row][column] += 1
        table[row]["total"] += 1

    for brain in catalog.unrestrictedSearchResults(**query):
        received, answered = brain.received_date, brain.answered_date
        if received is None or received > last:
            continue  # not registered yet, or after the year
        if answered is not None and answered < first:
            continue  # done before the year began
        column = brain.applicant_category or CITIZEN
        add("new" if received >= first else "carried_over", column)
        if answered is not None and answered <= last:
            outcome = brain.request_outcome
            add(outcome, column)
            if outcome in ITEMIZED and brain.request_reason:
                add(f"{outcome}.{brain.request_reason}", column)
            add("answered", column)
        else:
            add("carried_forward", column)
    return table


def count_documents(year, organ=None):
    """Part two: ``{"published": n, "rule": {...}, "normative": {...}}``,
    each kind with ``issued``, ``repealed`` and ``in_force`` (at the year's end)."""
    catalog = api.portal.get_tool("portal_catalog")
    base = {"portal_type": "DisclosureItem", "review_state": "published"}
    if organ:
        base["disclosure_organ"] = organ
    published = len(catalog.unrestrictedSearchResults(disclosure_year=year, **base))
    first, last = date(year, 1, 1), date(year, 12, 31)
    out = {"published": published}
    for kind in ("rule", "normative"):
        issued = repealed = in_force = 0
        for brain in catalog.unrestrictedSearchResults(disclosure_kind=kind, **base):
            item = brain._unrestrictedGetObject()
            on = item.publication_date
            ended = item.validity_date if item.validity != "valid" else None
            if item.validity in ("repealed", "expired") and ended and first <= ended <= last:
                repealed += 1
            if on is None or on > last:
                continue
            if on >= first:
                issued += 1
            if ended is None or ended > last:
                in_force += 1
        out[kind] = {"issued": issued, "repealed": repealed, "in_force": in_force}
    return out


def balanced(table):
    return all(
        table["new"][c] + table["carried_over"][c]
        == table["answered"][c] + table["carried_forward"][c]
        for c, _title in COLUMNS
    )


def report(year, organ=None, request=None):
    """The JSON of ``@disclosure-annual-report``."""
    table = count_requests(year, organ)
    documents = count_documents(year, organ)

    return {
        "year": year,
        "organ": organ,
        "proactive": {
            "items_published": documents["published"],
            "rules": documents["rule"],
            "normative_documents": documents["normative"],
        },
        "requests": {
            "columns": [{"id": c, "title": translated(t, request)} for c, t in COLUMNS],
            "rows": [
                {
                    "id": row,
                    "title": translated(title, request),
                    "level": level,
                    "cells": table[row],
                }
                for row, title, level in ROWS
                if row != "outcomes"
            ],
            "balanced": balanced(table),
        },
    }


def report_year(form):
    """``(year, organ)`` from a request's parameters; ``BadRequest`` for a
    year outside 2000 to this year or an organ that is no department.
    The default is last year: the report is due by 31 January."""
    this_year = clock.today().year
    year = integer(form, "year", this_year - 1, 2000, this_year)
    organ = single(form, "organ")
    if organ is not None and organ not in organ_titles():
        raise BadRequest(_("organ must be the UID of a department."), "organ")
    return year, organ
