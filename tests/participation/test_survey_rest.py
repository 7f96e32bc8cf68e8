"""POST <survey>/@survey-answer and GET <survey>/@survey-summary over HTTP:
answers stored by easyform's save-data adapter, bad input, one answer per
client, floods, closed surveys."""

from datetime import date
from tests.helpers import auth
from tests.helpers import body
from tests.participation.survey_helpers import answer
from tests.participation.survey_helpers import make_survey
from tests.participation.survey_helpers import publish_summary
from zhengwu.participation import survey as surveys
from zhengwu.submissions import throttle
import pytest
import requests
import transaction


GOOD = {"satisfaction": "满意", "channels": ["网站", "电话"], "suggestion": "希望延长办理时间"}


@pytest.fixture
def survey(functional_portal):
    obj = make_survey(functional_portal)
    transaction.commit()
    return obj


def post(survey, data, session=None, **options):
    return (session or requests).post(
        f"{survey.absolute_url()}/@survey-answer",
        json=data,
        headers={"Accept": "application/json"},
        timeout=60,
        **options,
    )


def test_an_answer_is_stored_by_the_save_data_adapter(survey):
    response = post(survey, GOOD)
    assert response.status_code == 201, response.text
    assert response.json() == {"received": True}
    transaction.begin()
    rows = surveys.answers(survey)
    assert len(rows) == 1
    assert rows[0]["satisfaction"] == "满意"
    assert set(rows[0]["channels"]) == {"网站", "电话"}
    assert rows[0]["suggestion"] == "希望延长办理时间"


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"channels": ["网站"]}, "satisfaction"),  # required
        ({**GOOD, "satisfaction": "非常好"}, "satisfaction"),  # not a choice
        ({**GOOD, "channels": ["飞鸽"]}, "channels"),
        ({**GOOD, "channels": [1]}, "channels"),
        ({**GOOD, "suggestion": "长" * 6000}, "suggestion"),
        ({**GOOD, "age": 3}, "age"),  # no such question
        ({**GOOD, "suggestion": 5}, "suggestion"),
    ],
)
def test_bad_input_is_400_naming_the_field(survey, data, field):
    response = post(survey, data)
    assert response.status_code == 400, response.text
    assert response.json()["error"]["field"] == field
    transaction.begin()
    assert surveys.answers(survey) == []


def test_a_body_that_is_no_object_is_400(survey):
    response = requests.post(
        f"{survey.absolute_url()}/@survey-answer",
        data="[1]",
        headers={"Accept": "application/json", "Content-Type": "application/json"},
        timeout=60,
    )
    assert response.status_code == 400


def test_control_characters_are_removed(survey):
    assert post(survey, {**GOOD, "suggestion": "好\x00的\x1b"}).status_code == 201
    transaction.begin()
    assert surveys.answers(survey)[0]["suggestion"] == "好的"


def test_the_second_answer_of_one_client_is_refused(survey):
    session = requests.Session()
    assert post(survey, GOOD, session).status_code == 201
    assert session.cookies.get(f"zhengwu-survey-{survey.UID()}") == "1"
    second = post(survey, GOOD, session)
    assert second.status_code == 409
    assert "已经" in body(second) or "already" in body(second)
    # without the cookie, the same address is refused too
    third = post(survey, GOOD)
    assert third.status_code == 409
    transaction.begin()
    assert len(surveys.answers(survey)) == 1


def test_the_limit_per_address_is_a_setting(survey):
    from plone import api

    api.portal.set_registry_record("zhengwu.participation.survey_answers_per_client", 2)
    transaction.commit()
    assert post(survey, GOOD).status_code == 201
    assert post(survey, GOOD).status_code == 201
    assert post(survey, GOOD).status_code == 409


def test_a_flood_is_429_with_retry_after(survey, functional_portal):
    other = make_survey(functional_portal)
    transaction.commit()
    for _i in range(throttle.SUBMISSIONS.limit()):
        throttle.SUBMISSIONS.hit("127.0.0.1")
    response = post(other, GOOD)
    assert response.status_code == 429
    assert int(response.headers["Retry-After"]) >= 1
    transaction.begin()
    assert surveys.answers(other) == []


def test_a_filled_honeypot_is_refused(survey):
    response = post(survey, {**GOOD, "website": "http://spam"})
    assert response.status_code == 400
    transaction.begin()
    assert surveys.answers(survey) == []


@pytest.mark.parametrize(
    ("opens", "closes", "word"),
    [(date(2026, 6, 16), None, "2026-06-16"), (date(2026, 5, 1), date(2026, 6, 14), "2026-06-14")],
)
def test_outside_its_days_a_survey_refuses_with_a_sentence(functional_portal, opens, closes, word):
    survey = make_survey(functional_portal, opens=opens, closes=closes)
    transaction.commit()
    response = post(survey, GOOD)
    assert response.status_code == 403
    error = response.json()["error"]
    assert error["type"] == "Forbidden"
    assert word in error["message"]
    transaction.begin()
    assert surveys.answers(survey) == []


def test_the_last_day_is_open(functional_portal):
    survey = make_survey(functional_portal, opens=date(2026, 6, 15), closes=date(2026, 6, 15))
    transaction.commit()
    assert post(survey, GOOD).status_code == 201


def test_an_unpublished_survey_takes_no_answer_from_the_public(functional_portal):
    survey = make_survey(functional_portal, state="pending_final")
    transaction.commit()
    assert post(survey, GOOD).status_code in (401, 404)


def summary_of(survey, user=None):
    return requests.get(
        f"{survey.absolute_url()}/@survey-summary",
        headers={"Accept": "application/json"},
        auth=auth(user or "Anonymous"),
        timeout=60,
    )


def test_the_summary_counts_choices(survey):
    answer(survey, satisfaction="满意", channels={"网站", "电话"}, suggestion="甲")
    answer(survey, satisfaction="满意", channels={"网站"})
    answer(survey, satisfaction="不满意", channels=set())
    transaction.commit()
    response = summary_of(survey, "editor")
    assert response.status_code == 200, response.text
    data = response.json()
    assert data["total"] == 3
    assert data["published"] is False
    by_name = {q["name"]: q for q in data["questions"]}
    counts = {o["title"]: o["count"] for o in by_name["satisfaction"]["options"]}
    assert counts == {"满意": 2, "基本满意": 0, "不满意": 1}
    channels = {o["title"]: o["count"] for o in by_name["channels"]["options"]}
    assert channels == {"网站": 2, "窗口": 0, "电话": 1}
    assert by_name["suggestion"]["options"] is None
    assert by_name["suggestion"]["answered"] == 1
    assert "甲" not in body(response)  # open answers are counted, never quoted


def test_the_summary_is_public_only_once_published(survey):
    answer(survey, satisfaction="满意")
    transaction.commit()
    refused = summary_of(survey)
    assert refused.status_code == 401
    assert refused.json()["error"]["type"] == "Unauthorized"
    publish_summary(survey)
    transaction.commit()
    response = summary_of(survey)
    assert response.status_code == 200
    assert response.json()["published"] is True
