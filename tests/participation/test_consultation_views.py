"""The classic pages: the consultation (numbered draft, how to comment,
the comment form and its errors, published opinions, the feedback), the
add form's dates, the moderation page and the index."""

from datetime import timedelta
from plone import api
from plone.namedfile.file import NamedBlobFile
from plone.protect.authenticator import createToken
from tests.helpers import auth
from tests.helpers import body
from tests.helpers import PATH_TO
from tests.participation.consultation_helpers import add_opinion
from tests.participation.consultation_helpers import make_consultation
from zhengwu import clock
from zhengwu.participation.consultation_views import ConsultationView
import pytest
import re
import requests
import transaction


@pytest.fixture
def consultation(functional_portal):
    consultation = make_consultation(functional_portal)
    transaction.commit()
    return consultation


def test_the_page_numbers_the_draft_and_has_the_form(consultation):
    response = requests.get(consultation.absolute_url(), timeout=60)
    assert response.status_code == 200
    text = body(response)
    assert 'id="section-2"' in text and "第二章 禁止吸烟场所" in text
    assert 'id="zhengwu-opinion-form"' in text
    assert 'name="website"' in text  # the honeypot
    assert "fzb@example.gov.cn" in text
    assert "测试局" in text  # the drafting department
    assert "no-store" not in response.headers["Cache-Control"]


def test_a_section_link_chooses_the_section(consultation):
    response = requests.get(consultation.absolute_url(), params={"section": "3"}, timeout=60)
    assert re.search(r'<option value="3"\s+selected="selected"', body(response))


def test_the_classic_form_stores_an_opinion(consultation):
    response = requests.post(
        consultation.absolute_url(),
        data={"text": "建议增加吸烟区指引标识。", "section": "1", "form.submitted": "1"},
        timeout=60,
    )
    assert response.status_code == 200
    assert 'id="zhengwu-opinion-receipt"' in body(response)
    transaction.begin()
    [opinion] = [o for o in consultation.objectValues() if o.portal_type == "Opinion"]
    assert opinion.tracking_number in body(response)
    assert opinion.section == "1"


def test_the_classic_form_shows_errors_at_the_field(consultation):
    response = requests.post(
        consultation.absolute_url(),
        data={"text": "", "contact": "c" * 101, "form.submitted": "1"},
        timeout=60,
    )
    assert response.status_code == 400
    text = body(response)
    assert 'id="zhengwu-text-error"' in text
    assert 'aria-invalid="true"' in text
    transaction.begin()
    assert not consultation.objectIds()


def test_a_closed_consultation_shows_no_form(functional_portal):
    today = clock.today()
    closed = make_consultation(
        functional_portal, opens=today - timedelta(days=40), closes=today - timedelta(days=2)
    )
    transaction.commit()
    response = requests.get(closed.absolute_url(), timeout=60)
    text = body(response)
    assert 'id="zhengwu-opinion-form"' not in text
    assert 'id="zhengwu-opinion-closed"' in text
    assert (today - timedelta(days=2)).isoformat() in text
    posted = requests.post(
        closed.absolute_url(), data={"text": "迟到的意见", "form.submitted": "1"}, timeout=60
    )
    assert posted.status_code == 403
    transaction.begin()
    assert not closed.objectIds()


def test_published_opinions_and_feedback_are_shown(functional_portal):
    today = clock.today()
    consultation = make_consultation(
        functional_portal, opens=today - timedelta(days=40), closes=today - timedelta(days=2)
    )
    with clock.fixed(clock.now() - timedelta(days=5)):
        published = add_opinion(consultation, "published")
        add_opinion(consultation, "pending", text="待审核的意见")
    with api.env.adopt_user(username="author"):
        feedback = api.content.create(
            container=consultation,
            type="ConsultationFeedback",
            id="feedback",
            title="意见采纳情况",
            received=2,
            adopted=0,
            partly_adopted=1,
            not_adopted=1,
            decisions="建议扩大禁烟范围 | 部分采纳 | 公交站台纳入\n建议全面禁烟 | 未采纳 | 超出立法权限",
        )
    transaction.commit()
    text = body(requests.get(consultation.absolute_url(), timeout=60))
    assert published.text in text and "待审核的意见" not in text
    assert "超出立法权限" not in text  # the feedback is not published yet
    for transition, userid in PATH_TO["published"]:
        with api.env.adopt_user(username=userid):
            api.content.transition(feedback, transition=transition, comment="同意")
    transaction.commit()
    text = body(requests.get(consultation.absolute_url(), timeout=60))
    assert 'id="zhengwu-feedback"' in text and "超出立法权限" in text
    assert "zhengwu-decision-partly_adopted" in text


def test_editors_are_warned_of_a_short_period(functional_portal):
    today = clock.today()
    short = make_consultation(functional_portal, opens=today, closes=today + timedelta(days=9))
    transaction.commit()
    for userid, warned in (("author", True), ("Anonymous", False)):
        text = body(requests.get(short.absolute_url(), auth=auth(userid), timeout=60))
        assert ('id="zhengwu-consultation-short"' in text) is warned, userid


def _authenticator(html, userid="author"):
    """The CSRF token plone.protect expects from ``userid`` (its transform
    adds it to the rendered form in a browser)."""
    found = re.search(r'name="_authenticator" value="([^"]+)"', html)
    if found:
        return found.group(1)
    with api.env.adopt_user(username=userid):
        return createToken()


def test_the_add_form_refuses_closes_before_opens_at_the_field(functional_portal):
    dept = functional_portal["zh-cn"]["dept"]
    transaction.commit()
    session = requests.Session()
    session.auth = auth("author")
    add_url = f"{dept.absolute_url()}/++add++Consultation"
    page = session.get(add_url, timeout=60)
    assert page.status_code == 200
    assert "form.widgets.closes" in body(page)
    today = clock.today()
    response = session.post(
        add_url,
        data={
            "_authenticator": _authenticator(page.text),
            "form.widgets.IBasic.title": "倒置日期的征集",
            "form.widgets.department:list": dept.UID(),
            "form.widgets.department-empty-marker": "1",
            "form.widgets.opens": today.isoformat(),
            "form.widgets.closes": (today - timedelta(days=3)).isoformat(),
            "form.widgets.channels:list": "online",
            "form.buttons.save": "保存",
        },
        timeout=60,
    )
    text = body(response)
    match = re.search(r'id="formfield-form-widgets-closes".*?</div>\s*</div>', text, re.S)
    assert match, text[-3000:]
    field = match.group(0)
    assert "cannot close" in field or "不能早于" in field, field
    transaction.begin()
    assert "倒置日期的征集" not in [o.Title() for o in dept.objectValues()]


def test_moderation_page_lists_and_links_transitions(consultation):
    opinion = add_opinion(consultation, "pending")
    transaction.commit()
    page = requests.get(
        f"{consultation.absolute_url()}/@@consultation-moderation", auth=auth("handler"), timeout=60
    )
    text = body(page)
    assert opinion.tracking_number in text
    assert f"{opinion.absolute_url()}/@@zhengwu-transition?workflow_action=publish" in text
    assert f"{opinion.absolute_url()}/@@zhengwu-transition?workflow_action=refuse" in text
    link = body(requests.get(consultation.absolute_url(), auth=auth("handler"), timeout=60))
    assert 'id="zhengwu-moderation-link"' in link
    anon = body(requests.get(consultation.absolute_url(), timeout=60))
    assert 'id="zhengwu-moderation-link"' not in anon


def test_the_index_groups_and_filters(functional_portal):
    today = clock.today()
    make_consultation(functional_portal, title="开放中的征集")
    make_consultation(
        functional_portal,
        title="待反馈的征集",
        opens=today - timedelta(days=60),
        closes=today - timedelta(days=20),
    )
    transaction.commit()
    root = functional_portal["zh-cn"].absolute_url()
    response = requests.get(f"{root}/@@consultation-index", timeout=60)
    assert response.status_code == 200
    text = body(response)
    open_part = text.split('id="zhengwu-consultations-open"')[1].split("</section>")[0]
    awaiting = text.split('id="zhengwu-consultations-awaiting"')[1].split("</section>")[0]
    assert "开放中的征集" in open_part and "待反馈的征集" not in open_part
    assert "待反馈的征集" in awaiting
    filtered = body(
        requests.get(f"{root}/@@consultation-index", params={"year": "1999"}, timeout=60)
    )
    assert "开放中的征集" not in filtered


def test_published_opinions_come_in_pages(consultation, monkeypatch):
    monkeypatch.setattr(ConsultationView, "PAGE", 2)
    texts = [f"第{n}条公开意见" for n in range(3)]
    for text in texts:
        add_opinion(consultation, "published", text=text)
    transaction.commit()
    first = body(requests.get(consultation.absolute_url(), timeout=60))
    assert texts[0] in first and texts[1] in first and texts[2] not in first
    assert "b_start:int=2" in first or "b_start=2" in first
    for params in ({"b_start": "2"}, {"b_start:int": "2"}):
        second = body(requests.get(consultation.absolute_url(), params=params, timeout=60))
        assert texts[2] in second and texts[0] not in second
    bad = requests.get(consultation.absolute_url(), params={"b_start": "x"}, timeout=60)
    assert bad.status_code == 200 and texts[0] in body(bad)


def test_the_drafts_files_are_listed_and_downloaded(functional_portal):
    pdf = b"%PDF-1.4\n% the draft\n%%EOF\n"
    consultation = make_consultation(
        functional_portal,
        attachments=[NamedBlobFile(data=pdf, filename="征求意见稿.pdf")],
    )
    transaction.commit()
    page = body(requests.get(consultation.absolute_url(), timeout=60))
    link = f"{consultation.absolute_url()}/@@attachment/0/征求意见稿.pdf"
    assert link in page
    download = requests.get(link, timeout=60)
    assert download.status_code == 200 and download.content == pdf
    assert download.headers["Content-Type"].startswith("application/pdf")
    rest = requests.get(
        consultation.absolute_url(), headers={"Accept": "application/json"}, timeout=60
    ).json()
    assert rest["attachments"][0]["download"] == link


def test_saving_a_short_period_warns(functional_portal):
    dept = functional_portal["zh-cn"]["dept"]
    transaction.commit()
    session = requests.Session()
    session.auth = auth("author")
    add_url = f"{dept.absolute_url()}/++add++Consultation"
    page = session.get(add_url, timeout=60)
    today = clock.today()
    response = session.post(
        add_url,
        data={
            "_authenticator": _authenticator(page.text),
            "form.widgets.IBasic.title": "短期征集",
            "form.widgets.department:list": dept.UID(),
            "form.widgets.department-empty-marker": "1",
            "form.widgets.opens": today.isoformat(),
            "form.widgets.closes": (today + timedelta(days=6)).isoformat(),
            "form.widgets.channels:list": "online",
            "form.buttons.save": "保存",
        },
        timeout=60,
    )
    assert response.status_code == 200
    text = body(response)
    assert "statusmessage-warning" in text  # the message after saving
    assert "7" in text and ("30 days" in text or "30日" in text)
    assert 'id="zhengwu-consultation-short"' in text
    transaction.begin()
    assert "短期征集" in [o.Title() for o in dept.objectValues()]


def test_the_outline_counts_published_opinions_per_section(consultation):
    add_opinion(consultation, "published", section="2")
    add_opinion(consultation, "published", section="2")
    add_opinion(consultation, "pending", section="3")
    transaction.commit()
    text = body(requests.get(consultation.absolute_url(), timeout=60))
    outline = text.split('class="zhengwu-sections"')[1].split("</ol>")[0]
    items = outline.split("<li")[1:]
    assert "zhengwu-section-count" not in items[0]
    assert "2" in items[1].split("zhengwu-section-count")[1]
    assert "zhengwu-section-count" not in items[2]  # the pending one is not counted
