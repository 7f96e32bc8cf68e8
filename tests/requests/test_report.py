"""The annual report's tables on a constructed year: every cell of the
requests table (国办公开办函〔2021〕30号, part three), its balance, the
proactive-disclosure counts (part two), the organ filter and the public
REST and HTML forms."""

from DateTime import DateTime
from datetime import date
from plone import api
from tests.disclosure.helpers import make_catalog as make_items_catalog
from tests.disclosure.helpers import make_disclosure_item
from tests.helpers import body
from tests.requests.helpers import apply
from tests.requests.helpers import make_catalog
from tests.requests.helpers import move
from tests.requests.helpers import ORGANIZATION
from zhengwu import clock
from zhengwu.requests import report
import pytest
import requests
import transaction


YEAR = 2025


def organization(kind):
    return dict(ORGANIZATION, organization_type=kind)


def registered(catalog, on, **applicant):
    obj, _code = apply(catalog, **applicant)
    with clock.fixed(on):
        move(obj, "register")
    return obj


def answered(obj, on, outcome, reason=None):
    with clock.fixed(on):
        move(obj, "answer", outcome=outcome, outcome_reason=reason, reply="答复")


def build_year(portal):
    """The requests of the constructed year; see the expected table below."""
    catalog = make_catalog(portal)
    # Carried over from 2024.
    a = registered(catalog, date(2024, 12, 20))
    answered(a, date(2025, 1, 10), "disclosed")
    b = registered(catalog, date(2024, 12, 25), **organization("business"))
    with clock.fixed(date(2025, 1, 15)):
        move(b, "extend", comment="需要调档")
    answered(b, date(2025, 2, 10), "not_disclosed", "state_secret")
    c = registered(catalog, date(2024, 6, 3))  # done within 2024: not counted
    answered(c, date(2024, 7, 1), "disclosed")
    # New in 2025.
    d = registered(catalog, date(2025, 3, 3))
    answered(d, date(2025, 3, 20), "partially_disclosed", "third_party")
    e = registered(catalog, date(2025, 5, 6), **organization("research"))
    answered(e, date(2025, 5, 20), "not_exist", "not_held")
    f = registered(catalog, date(2025, 6, 3))
    with clock.fixed(date(2025, 6, 4)):
        move(f, "request_correction", comment="请写明年份")
    with clock.fixed(date(2025, 7, 1)):
        move(f, "withdraw")  # 逾期不补正: 其他处理 1
    registered(catalog, date(2025, 12, 22), **organization("legal_service"))  # open at year end
    h = registered(catalog, date(2025, 12, 10), **organization("public_welfare"))
    answered(h, date(2026, 1, 5), "not_processed", "repeated")  # answered next year
    i = registered(catalog, date(2025, 8, 1))
    answered(i, date(2025, 8, 15), "not_processed", "petition")
    j = registered(catalog, date(2025, 9, 1), **organization("other"))
    answered(j, date(2025, 9, 10), "other", "other")
    k = registered(catalog, date(2025, 10, 9))
    with clock.fixed(date(2025, 10, 10)):
        move(k, "consult", comment="征求第三方意见")  # still consulting at year end
    apply(catalog)  # received, never registered: not counted
    # Another organ's request.
    other = make_catalog(portal, department="dept2")
    with api.env.adopt_user(username="officer_other"):
        pass
    m, _code = apply(other)
    with clock.fixed(date(2025, 4, 1)):
        move(m, "register", userid="officer_other")
        move(
            m, "answer", userid="officer_other", outcome="disclosed", reply="x", outcome_reason=None
        )
    return catalog


EXPECTED = {
    # row: {column: count}; columns left out are 0
    "new": {"citizen": 4, "research": 1, "legal_service": 1, "public_welfare": 1, "other": 1},
    "carried_over": {"citizen": 1, "business": 1},
    "disclosed": {"citizen": 1},
    "partially_disclosed": {"citizen": 1},
    "not_disclosed": {"business": 1},
    "not_disclosed.state_secret": {"business": 1},
    "not_exist": {"research": 1},
    "not_exist.not_held": {"research": 1},
    "not_processed": {"citizen": 1},
    "not_processed.petition": {"citizen": 1},
    "other": {"citizen": 1, "other": 1},
    "other.no_correction": {"citizen": 1},
    "other.other": {"other": 1},
    "answered": {"citizen": 4, "business": 1, "research": 1, "other": 1},
    "carried_forward": {"citizen": 1, "legal_service": 1, "public_welfare": 1},
}


def build_documents(portal):
    catalog = make_items_catalog(portal)

    def item(kind, published, validity="valid", changed=None, title="文件"):
        obj = make_disclosure_item(catalog, "published", title=title, document_kind=kind)
        obj.setEffectiveDate(DateTime(published.isoformat()))
        obj.validity, obj.validity_date = validity, changed
        obj.reindexObject()
        return obj

    item("rule", date(2025, 2, 1))
    item("rule", date(2023, 5, 1), "repealed", date(2025, 6, 30))
    item("rule", date(2024, 1, 1))
    item("normative", date(2025, 4, 1))
    item("normative", date(2025, 7, 1), "expired", date(2026, 3, 1))
    item("normative", date(2022, 1, 1), "amended", date(2025, 9, 1))
    item(None, date(2025, 5, 1))
    item(None, date(2026, 1, 10))


@pytest.fixture
def year(portal):
    build_year(portal)
    build_documents(portal)
    return portal


def test_every_cell_of_the_requests_table(year):
    dept = year["zh-cn"]["dept"].UID()
    table = report.count_requests(YEAR, dept)
    columns = [c for c, _t in report.COLUMNS if c != "total"]
    for row, _title, _level in report.ROWS:
        expected = EXPECTED.get(row, {})
        for column in columns:
            assert table[row][column] == expected.get(column, 0), (row, column)
        assert table[row]["total"] == sum(expected.values()), row
    assert report.balanced(table)
    # The sub-rows add up to their outcome.
    for outcome in report.ITEMIZED:
        for column in [*columns, "total"]:
            parts = sum(table[k][column] for k in table if k.startswith(f"{outcome}."))
            assert parts == table[outcome][column], (outcome, column)
    outcomes = (
        "disclosed",
        "partially_disclosed",
        "not_disclosed",
        "not_exist",
        "not_processed",
        "other",
    )
    assert sum(table[o]["total"] for o in outcomes) == table["answered"]["total"] == 7


def test_the_site_wide_table_adds_the_other_organ(year):
    table = report.count_requests(YEAR)
    assert table["new"]["total"] == 9 and table["disclosed"]["total"] == 2
    assert report.balanced(table)
    next_year = report.count_requests(YEAR + 1, year["zh-cn"]["dept"].UID())
    # What 2025 carried forward is 2026's carried over.
    assert next_year["carried_over"]["total"] == 3
    assert next_year["not_processed.repeated"]["public_welfare"] == 1
    assert report.balanced(next_year)


def test_proactive_disclosure_counts(year):
    counts = report.count_documents(YEAR, year["zh-cn"]["dept"].UID())
    assert counts["published"] == 4
    assert counts["rule"] == {"issued": 1, "repealed": 1, "in_force": 2}
    assert counts["normative"] == {"issued": 2, "repealed": 0, "in_force": 2}
    assert report.count_documents(YEAR, year["zh-cn"]["dept2"].UID())["published"] == 0


def test_the_public_report_over_rest_and_html(functional_portal):
    build_year(functional_portal)
    transaction.commit()
    site = functional_portal.absolute_url()
    dept = functional_portal["zh-cn"]["dept"].UID()
    response = requests.get(
        f"{site}/@disclosure-annual-report",
        params={"year": YEAR, "organ": dept},
        headers={"Accept": "application/json"},
        timeout=60,
    )
    assert response.status_code == 200, response.text
    data = response.json()
    rows = {r["id"]: r["cells"] for r in data["requests"]["rows"]}
    assert rows["new"]["total"] == 8 and rows["carried_forward"]["total"] == 3
    assert data["requests"]["balanced"] is True
    assert [c["id"] for c in data["requests"]["columns"]][0] == "citizen"
    for params, field in (
        ({"year": "last"}, "year"),
        ({"year": 1990}, "year"),
        ({"organ": "x"}, "organ"),
    ):
        bad = requests.get(
            f"{site}/@disclosure-annual-report",
            params=params,
            headers={"Accept": "application/json"},
            timeout=60,
        )
        assert bad.status_code == 400 and bad.json()["error"]["field"] == field
    page = requests.get(
        f"{site}/@@disclosure-annual-report", params={"year": YEAR, "organ": dept}, timeout=60
    )
    assert page.status_code == 200
    assert 'id="zhengwu-row-new"' in body(page) and "@page" in body(page)
    assert "李秀英" not in body(page)
