"""REST: POST and GET <consultation>/@opinions, GET @consultations, and
the consultation's dates through plone.restapi's content endpoints —
bad input (400 naming the field), floods (429), consultations not open
(403 with a sentence saying why)."""

from datetime import timedelta
from plone import api
from tests.helpers import auth
from tests.helpers import body
from tests.participation.consultation_helpers import add_opinion
from tests.participation.consultation_helpers import CONTACT
from tests.participation.consultation_helpers import make_consultation
from tests.participation.consultation_helpers import OPINION
from zhengwu import clock
import pytest
import requests
import transaction


JSON = {"Accept": "application/json", "Content-Type": "application/json"}


@pytest.fixture
def consultation(functional_portal):
    consultation = make_consultation(functional_portal)
    transaction.commit()
    return consultation


def post(consultation, data, userid=None, **kw):
    return requests.post(
        f"{consultation.absolute_url()}/@opinions",
        json=data,
        headers=JSON,
        auth=auth(userid) if userid else None,
        timeout=60,
        **kw,
    )


def get(url, params=None, userid=None):
    return requests.get(
        url, params=params, headers=JSON, auth=auth(userid) if userid else None, timeout=60
    )


def stored(consultation):
    transaction.begin()
    return [o for o in consultation.objectValues() if o.portal_type == "Opinion"]


def test_anyone_comments(consultation):
    response = post(consultation, OPINION)
    assert response.status_code == 201, response.text
    receipt = response.json()
    assert receipt["tracking_number"].startswith("YJ")
    assert receipt["state"] == "pending"
    [opinion] = stored(consultation)
    assert opinion.tracking_number == receipt["tracking_number"]
    assert opinion.contact == CONTACT
    assert opinion.section == "2"
    assert api.content.get_state(opinion) == "pending"


def test_control_characters_are_removed(consultation):
    response = post(consultation, {"text": "建议\x07增加\x00公交站台"})
    assert response.status_code == 201
    [opinion] = stored(consultation)
    assert opinion.text == "建议增加公交站台"


@pytest.mark.parametrize(
    "data, field",
    [
        ({}, "text"),
        ({"text": "   "}, "text"),
        ({"text": 12}, "text"),
        ({"text": ["a"]}, "text"),
        ({"text": "长" * 5001}, "text"),
        ({"text": "意见", "section": "99"}, "section"),
        ({"text": "意见", "section": 2}, "section"),
        ({"text": "意见", "author_name": "名" * 51}, "author_name"),
        ({"text": "意见", "contact": "c" * 101}, "contact"),
        ({"text": "意见", "colour": "red"}, "colour"),
    ],
)
def test_bad_input_names_the_field(consultation, data, field):
    response = post(consultation, data)
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert field in [e["field"] for e in error["errors"]]
    assert stored(consultation) == []


@pytest.mark.parametrize("raw", ["{not json", "[1, 2]", '"text"'])
def test_a_body_that_is_no_object(consultation, raw):
    response = requests.post(
        f"{consultation.absolute_url()}/@opinions", data=raw, headers=JSON, timeout=60
    )
    assert response.status_code == 400
    assert response.json()["error"]["type"] == "BadRequest"


def test_the_honeypot_refuses(consultation):
    response = post(consultation, dict(OPINION, website="http://spam.example"))
    assert response.status_code == 400
    assert stored(consultation) == []


def test_a_flood_from_one_client_is_stopped(consultation):
    codes = [post(consultation, {"text": f"第{n}条意见"}).status_code for n in range(7)]
    assert codes[:5] == [201] * 5 and codes[5:] == [429, 429]
    response = post(consultation, {"text": "再来一条"})
    assert response.status_code == 429
    assert int(response.headers["Retry-After"]) >= 1
    assert len(stored(consultation)) == 5


def test_a_closed_consultation_says_so(functional_portal):
    today = clock.today()
    closed = make_consultation(
        functional_portal, opens=today - timedelta(days=40), closes=today - timedelta(days=1)
    )
    transaction.commit()
    response = post(closed, OPINION)
    assert response.status_code == 403
    error = response.json()["error"]
    assert error["type"] == "ConsultationClosed"
    assert (today - timedelta(days=1)).isoformat() in error["message"]
    assert stored(closed) == []


def test_a_consultation_not_yet_open_says_so(functional_portal):
    today = clock.today()
    upcoming = make_consultation(
        functional_portal, opens=today + timedelta(days=3), closes=today + timedelta(days=40)
    )
    transaction.commit()
    response = post(upcoming, OPINION)
    assert response.status_code == 403
    assert (today + timedelta(days=3)).isoformat() in response.json()["error"]["message"]


def test_a_private_consultation_takes_nothing(functional_portal):
    private = make_consultation(functional_portal, state="private")
    transaction.commit()
    assert post(private, OPINION).status_code == 401  # Anonymous does not see it
    response = post(private, OPINION, userid="author")
    assert response.status_code == 403
    assert stored(private) == []


def test_closing_is_the_clock_of_china(functional_portal, set_clock):
    """The last day counts whole, in Beijing time."""
    today = clock.today()
    consultation = make_consultation(
        functional_portal, opens=today - timedelta(days=30), closes=today
    )
    transaction.commit()
    set_clock(clock.now().replace(hour=23, minute=59))
    assert post(consultation, OPINION).status_code == 201
    set_clock(clock.now() + timedelta(minutes=2))
    assert post(consultation, OPINION).status_code == 403


def test_published_opinions_are_listed(consultation):
    first = add_opinion(consultation, "published")
    add_opinion(consultation, "pending", text="待审核的意见")
    add_opinion(consultation, "refused", text="不予公开的意见")
    second = add_opinion(consultation, "published", section=None, author_name=None)
    transaction.commit()
    response = get(f"{consultation.absolute_url()}/@opinions")
    assert response.status_code == 200
    data = response.json()
    assert data["items_total"] == 2
    assert [i["tracking_number"] for i in data["items"]] == [
        first.tracking_number,
        second.tracking_number,
    ]
    assert data["items"][0]["section"] == "2"
    assert data["items"][0]["section_title"] == "2. 第二章 禁止吸烟场所"
    assert data["items"][0]["author_name"] == "王先生"
    text = body(response)
    assert CONTACT not in text and "contact" not in text
    assert "待审核的意见" not in text and "不予公开的意见" not in text
    page = get(f"{consultation.absolute_url()}/@opinions", {"b_size": 1}).json()
    assert len(page["items"]) == 1 and "next" in page["batching"]
    one = get(f"{consultation.absolute_url()}/@opinions", {"section": 2}).json()
    assert [i["tracking_number"] for i in one["items"]] == [first.tracking_number]


@pytest.mark.parametrize(
    "params, field", [({"b_size": "0"}, "b_size"), ({"section": "x"}, "section")]
)
def test_listing_bad_parameters(consultation, params, field):
    response = get(f"{consultation.absolute_url()}/@opinions", params)
    assert response.status_code == 400
    assert response.json()["error"]["field"] == field


def test_consultations_index(functional_portal, set_clock):
    today = clock.today()
    open_ = make_consultation(functional_portal, title="开放中的征集")
    awaiting = make_consultation(
        functional_portal,
        title="待反馈的征集",
        opens=today - timedelta(days=60),
        closes=today - timedelta(days=20),
    )
    make_consultation(functional_portal, state="private", title="草稿")
    transaction.commit()
    root = functional_portal.absolute_url()
    data = get(f"{root}/@consultations").json()
    assert {i["title"] for i in data["items"]} == {"开放中的征集", "待反馈的征集"}
    by_title = {i["title"]: i for i in data["items"]}
    assert by_title["开放中的征集"]["phase"] == "open"
    assert by_title["开放中的征集"]["days_left"] == 19
    assert by_title["待反馈的征集"]["phase"] == "awaiting_feedback"
    dept = functional_portal["zh-cn"]["dept"].UID()
    assert by_title["开放中的征集"]["department"] == dept
    phases = {f["value"]: f["count"] for f in data["facets"]["phase"]}
    assert phases == {"open": 1, "awaiting_feedback": 1}
    only_open = get(f"{root}/@consultations", {"phase": "open"}).json()
    assert [i["@id"] for i in only_open["items"]] == [open_.absolute_url()]
    assert get(f"{root}/@consultations", {"department": dept}).json()["items_total"] == 2
    assert get(f"{root}/@consultations", {"department": "nobody"}).json()["items_total"] == 0
    year = get(f"{root}/@consultations", {"year": str(awaiting.opens.year)}).json()
    assert year["items_total"] >= 1
    assert get(f"{root}/@consultations", {"year": "1999"}).json()["items_total"] == 0


@pytest.mark.parametrize(
    "params, field",
    [({"year": "x"}, "year"), ({"phase": "later"}, "phase"), ({"b_start": "-1"}, "b_start")],
)
def test_consultations_bad_parameters(functional_portal, params, field):
    response = get(f"{functional_portal.absolute_url()}/@consultations", params)
    assert response.status_code == 400
    assert response.json()["error"]["field"] == field


def test_closes_before_opens_through_rest(functional_portal):
    consultation = make_consultation(functional_portal, state="private")
    transaction.commit()
    today = clock.today()
    response = requests.patch(
        consultation.absolute_url(),
        json={"closes": (today - timedelta(days=20)).isoformat()},
        headers=JSON,
        auth=auth("author"),
        timeout=60,
    )
    assert response.status_code == 400, response.text
    assert "closes" in body(response)
    dept = functional_portal["zh-cn"]["dept"]
    response = requests.post(
        dept.absolute_url(),
        json={
            "@type": "Consultation",
            "title": "倒置日期",
            "opens": today.isoformat(),
            "closes": (today - timedelta(days=1)).isoformat(),
        },
        headers=JSON,
        auth=auth("author"),
        timeout=60,
    )
    assert response.status_code == 400, response.text
    assert "closes" in body(response)
    transaction.begin()
    assert "倒置日期" not in [o.Title() for o in dept.objectValues()]


def test_the_consultation_in_rest_says_what_a_front_end_needs(consultation, set_clock):
    data = get(consultation.absolute_url()).json()
    assert data["phase"] == "open" and data["days_left"] == 19
    assert data["accepts_opinions"] is True and data["refusal"] is None
    assert data["sections"][1] == {"number": "2", "title": "第二章 禁止吸烟场所"}
    assert data["department"]["token"] == consultation.department
    assert data["closes"] == consultation.closes.isoformat()
    set_clock(clock.now() + timedelta(days=20))
    data = get(consultation.absolute_url()).json()
    assert data["phase"] == "awaiting_feedback" and data["accepts_opinions"] is False
    assert consultation.closes.isoformat() in data["refusal"]


def test_one_feedback_once_closed(consultation, set_clock):
    def add_feedback():
        return requests.post(
            consultation.absolute_url(),
            json={"@type": "ConsultationFeedback", "title": "意见采纳情况", "received": 0},
            headers=JSON,
            auth=auth("author"),
            timeout=60,
        )

    assert add_feedback().status_code in (401, 403)  # still open
    set_clock(clock.now() + timedelta(days=20))
    assert add_feedback().status_code == 201
    assert add_feedback().status_code in (401, 403)  # never a second
    transaction.begin()
    assert [o.portal_type for o in consultation.objectValues()] == ["ConsultationFeedback"]
    page = body(requests.get(consultation.absolute_url(), auth=auth("author"), timeout=60))
    assert 'id="zhengwu-add-feedback"' not in page


def test_moderation_through_rest(consultation):
    first = add_opinion(consultation)
    second = add_opinion(consultation, text="第二条意见")
    transaction.commit()

    def transition(opinion, name, userid, comment=None):
        return requests.post(
            f"{opinion.absolute_url()}/@workflow/{name}",
            json={"comment": comment} if comment is not None else {},
            headers=JSON,
            auth=auth(userid) if userid else None,
            timeout=60,
        )

    assert transition(first, "publish", None).status_code in (401, 403, 404)
    assert transition(first, "publish", "author").status_code in (401, 403, 404)
    assert transition(first, "publish", "handler").status_code == 200
    refused = transition(second, "refuse", "handler")
    assert refused.status_code == 400, refused.text
    assert transition(second, "refuse", "handler", "与征求意见无关").status_code == 200
    transaction.begin()
    assert api.content.get_state(first) == "published"
    assert api.content.get_state(second) == "refused"
    listed = get(f"{consultation.absolute_url()}/@opinions").json()
    assert [i["tracking_number"] for i in listed["items"]] == [first.tracking_number]
