"""The survey's pages: easyform's form with the survey's rules (one answer
per browser, closed days), the summary with its chart, publishing it, the
CSV of answers."""

from datetime import date
from plone import api
from tests.helpers import auth
from tests.helpers import body
from tests.participation.survey_helpers import answer
from tests.participation.survey_helpers import make_survey
from zhengwu.participation import survey as surveys
from zhengwu.review.audit_log import IAuditLog
from zope.component import getUtility
import pytest
import re
import requests
import transaction


def token(survey, name, value):
    from collective.easyform.api import get_schema

    return get_schema(survey)[name].bind(survey).vocabulary.getTerm(value).token


def submit(session, survey, value="满意"):
    page = session.get(survey.absolute_url(), timeout=60)
    data = {
        "form.widgets.satisfaction:list": token(survey, "satisfaction", value),
        "form.widgets.satisfaction-empty-marker": "1",
        "form.widgets.suggestion": "网上办理很方便",
        "form.buttons.submit": "提交",
    }
    found = re.search(r'<input[^>]*name="_authenticator"[^>]*value="([^"]+)"', page.text)
    if found:
        data["_authenticator"] = found.group(1)
    return session.post(survey.absolute_url(), data=data, timeout=60)


@pytest.fixture
def survey(functional_portal):
    obj = make_survey(functional_portal)
    transaction.commit()
    return obj


def test_one_answer_per_browser_on_the_form(survey):
    session = requests.Session()
    first = submit(session, survey)
    assert first.status_code == 200
    transaction.begin()
    assert len(surveys.answers(survey)) == 1
    second = submit(session, survey)
    assert second.status_code == 409
    assert "已经" in body(second) or "already answered" in body(second)
    transaction.begin()
    assert len(surveys.answers(survey)) == 1


def test_a_closed_survey_shows_why_and_takes_nothing(functional_portal):
    survey = make_survey(functional_portal, opens=date(2026, 5, 1), closes=date(2026, 6, 1))
    transaction.commit()
    page = requests.get(survey.absolute_url(), timeout=60)
    assert page.status_code == 200
    assert 'id="zhengwu-survey-closed"' in body(page)
    assert "2026-06-01" in body(page)
    assert 'name="form.buttons.submit"' not in body(page)
    response = submit(requests.Session(), survey)
    assert response.status_code == 403
    transaction.begin()
    assert surveys.answers(survey) == []


def test_the_summary_page_has_a_table_and_an_inline_chart(survey):
    answer(survey, satisfaction="满意")
    answer(survey, satisfaction="不满意")
    transaction.commit()
    page = requests.get(
        f"{survey.absolute_url()}/@@survey-summary", auth=auth("editor"), timeout=60
    )
    assert page.status_code == 200
    text = body(page)
    assert "<svg" in text and "zhengwu-survey-table" in text
    assert "1 (50%)" in text
    assert 'id="zhengwu-survey-unpublished"' in text
    # no external asset: the chart is drawn in the page
    chart = text[text.index("<svg") : text.index("</svg>")]
    assert "http" not in chart.replace("http://www.w3.org", "")
    anonymous = requests.get(
        f"{survey.absolute_url()}/@@survey-summary", timeout=60, allow_redirects=False
    )
    assert anonymous.status_code in (302, 401, 403)
    assert "1 (50%)" not in body(anonymous)


def publish(survey, user, publish="1"):
    session = requests.Session()
    session.auth = auth(user)
    page = session.get(f"{survey.absolute_url()}/@@survey-summary", timeout=60)
    found = re.search(r'<input[^>]*name="_authenticator"[^>]*value="([^"]+)"', page.text)
    data = {"publish": publish, "_authenticator": found.group(1) if found else ""}
    return session.post(
        f"{survey.absolute_url()}/@@survey-publish-summary",
        data=data,
        timeout=60,
        allow_redirects=False,
    )


def test_a_final_approver_publishes_the_summary_audited(survey):
    response = publish(survey, "final")
    assert response.status_code == 302, response.text[:500]
    transaction.begin()
    assert surveys.published_summary(survey)["by"] == "final"
    log = getUtility(IAuditLog)
    assert any(e["action"] == "survey_summary_published" for e in log.search(path=None))
    assert requests.get(f"{survey.absolute_url()}/@@survey-summary", timeout=60).status_code == 200
    assert publish(survey, "final", "0").status_code == 302
    transaction.begin()
    assert surveys.published_summary(survey) is None


@pytest.mark.parametrize("user", ["author", "editor", "first", "member"])
def test_others_may_not_publish_it(survey, user):
    response = publish(survey, user)
    assert response.status_code in (302, 401, 403)
    if response.status_code == 302:
        assert "require_login" in response.headers["Location"]
    transaction.begin()
    assert surveys.published_summary(survey) is None


def test_the_creator_may_not_publish_the_summary(portal):
    survey = make_survey(portal)
    with api.env.adopt_user(username="final"):
        from zhengwu.participation.survey_views import may_publish_summary

        assert may_publish_summary(survey)
    survey.setCreators(["final"])
    with api.env.adopt_user(username="final"):
        assert not may_publish_summary(survey)


def test_the_csv_neutralises_formulas(survey):
    answer(survey, satisfaction="满意", suggestion="=HYPERLINK(1)", channels={"网站", "窗口"})
    transaction.commit()
    response = requests.get(
        f"{survey.absolute_url()}/@@survey-answers-csv", auth=auth("editor"), timeout=60
    )
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    assert "'=HYPERLINK(1)" in text
    assert "网站|窗口" in text or "窗口|网站" in text
    assert "您对办事服务是否满意" in text.splitlines()[0]
    refused = requests.get(
        f"{survey.absolute_url()}/@@survey-answers-csv",
        auth=auth("final"),
        timeout=60,
        allow_redirects=False,
    )
    assert refused.status_code != 200


def test_a_new_survey_saves_answers_and_has_no_sample_fields(portal):
    from collective.easyform.api import get_schema

    with api.env.adopt_user(username="author"):
        survey = api.content.create(
            container=portal["zh-cn"]["dept"], type="EasyForm", title="问卷"
        )
    assert list(get_schema(survey)) == []
    assert [name for name, _a in surveys.saving_actions(survey)] == ["answers"]
    # a copy keeps its questions
    survey.fields_model = survey.fields_model.replace(
        "<schema />",
        '<schema><field name="q" type="zope.schema.TextLine"><title>问</title></field></schema>',
    )
    with api.env.adopt_roles(["Manager"]):
        copy = api.content.copy(survey, portal["zh-cn"]["dept"], id="copy")
    assert list(get_schema(copy)) == ["q"]
