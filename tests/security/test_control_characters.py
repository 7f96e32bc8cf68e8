"""Finding 7 of issue 17: control characters and lone surrogates in a
citizen's or an officer's text were stored, and made the .docx letters
malformed (Word refused to open them). One rule now
(``zhengwu.security.text``): removed at intake on every channel, and once
more when a letter is written."""

from io import BytesIO
from plone import api
from tests.helpers import auth
from tests.petitions.helpers import make_box
from tests.requests.helpers import make_catalog
from tests.requests.helpers import make_request
from tests.requests.helpers import move
from xml.etree import ElementTree
from zhengwu.requests import docx
from zhengwu.requests import letters
from zope.event import notify
from zope.globalrequest import getRequest
from zope.lifecycleevent import ObjectModifiedEvent
import pytest
import requests
import transaction
import zipfile


# Every character the rule removes, with text around it.
DIRTY = "甲\x00乙\x01丙\x08丁\x0b戊\x0c己\x0e庚\x1f辛\x7f壬\x85癸\ud800子\udfff丑\ufffe寅\uffff卯"
FORBIDDEN = {chr(c) for c in [*range(0, 9), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)]}
FORBIDDEN |= {"\ud800", "\ufffe", "\uffff"}


def is_clean(text):
    return isinstance(text, str) and not (set(text) & FORBIDDEN)


def test_the_rule():
    from zhengwu.security.text import clean

    assert clean(DIRTY) == "甲乙丙丁 戊 己庚辛壬癸子丑寅卯"
    # tab, line feed and carriage return stay; so does every other character
    kept = "第一行\t制表\r\n第二行 ​é€😀"
    assert clean(kept) is kept
    assert clean(None) is None and clean(5) == 5
    for char in FORBIDDEN:
        assert clean(f"a{char}b") in ("ab", "a b"), repr(char)


def test_a_letter_from_dirty_text_opens():
    """Each part of the .docx is well-formed XML, whatever the text."""
    data = docx.document(DIRTY, [DIRTY, "第二段"], closing=[DIRTY])
    with zipfile.ZipFile(BytesIO(data)) as archive:
        for name in archive.namelist():
            ElementTree.fromstring(archive.read(name))  # raises when malformed
        body = archive.read("word/document.xml").decode("utf-8")
    assert "甲乙丙丁" in body


def test_stored_dirty_text_still_makes_a_letter_that_opens(portal):
    """Text stored before the rule (or set without an event) is cleaned
    when the letter is written."""
    catalog = make_catalog(portal)
    obj, _code = make_request(catalog, "registered")
    move(obj, "answer", outcome="disclosed", reply=f"答复：{DIRTY}")
    obj.requested_information = f"申请：{DIRTY}"  # as stored by an old version
    _filename, data = letters.letter(obj, "answer", getRequest())
    with zipfile.ZipFile(BytesIO(data)) as archive:
        root = ElementTree.fromstring(archive.read("word/document.xml"))
    text = "".join(root.itertext())
    assert "答复：甲乙丙丁" in text and is_clean(text)


def test_a_citizens_petition_is_stored_clean(functional_portal):
    box = make_box(functional_portal, anonymous_submission=True)
    transaction.commit()
    message = {
        "category": "consultation",
        "title": f"标题{DIRTY}",
        "content": f"内容{DIRTY}",
        "submitter_name": "张三\x00丰",
        "phone": "13812345678",
        "publish_consent": True,
    }
    response = requests.post(
        f"{box.absolute_url()}/@petitions",
        json=message,  # json.dumps writes the surrogates as \\ud800 escapes
        headers={"Accept": "application/json"},
        timeout=60,
    )
    assert response.status_code == 201, response.text[:500]
    transaction.begin()
    number = response.json()["tracking_number"]
    petition = next(p for p in box.objectValues() if p.tracking_number == number)
    assert petition.title == "标题甲乙丙丁 戊 己庚辛壬癸子丑寅卯"
    assert is_clean(petition.content) and petition.content.startswith("内容甲乙")
    assert petition.submitter_name == "张三丰"


def test_an_officers_rest_edit_is_stored_clean(functional_portal):
    """PATCH over REST (plone.restapi's deserializer fires the modified event)."""
    catalog = make_catalog(functional_portal)
    obj, _code = make_request(catalog, "registered")
    transaction.commit()
    response = requests.patch(
        obj.absolute_url(),
        json={"reply": f"答复{DIRTY}"},
        headers={"Accept": "application/json"},
        auth=auth("officer"),
        timeout=60,
    )
    assert response.status_code == 204, response.text[:500]
    transaction.begin()
    assert obj.reply.startswith("答复甲乙丙丁") and is_clean(obj.reply)


def test_every_text_field_is_cleaned_when_saved(portal):
    """Any channel that saves content (classic forms, REST, plone.api)
    fires the modified event: titles, descriptions, rich text, lists."""
    from plone.app.textfield.value import RichTextValue

    with api.env.adopt_roles(["Manager"]):
        page = api.content.create(container=portal, type="Document", id="dirty", title=DIRTY)
    assert is_clean(page.title)  # cleaned when added
    page.title = f"再次{DIRTY}"
    page.description = DIRTY
    page.subject = (f"词{DIRTY}", "干净")
    page.text = RichTextValue(f"<p>{DIRTY}</p>", "text/html", "text/x-html-safe")
    notify(ObjectModifiedEvent(page))
    assert is_clean(page.title) and page.title.startswith("再次甲乙")
    assert is_clean(page.description)
    assert all(is_clean(s) for s in page.subject) and "干净" in page.subject
    assert is_clean(page.text.raw) and page.text.raw.startswith("<p>甲乙丙丁")


def test_a_workflow_comment_is_stored_clean(portal):
    catalog = make_catalog(portal)
    obj, _code = make_request(catalog, "received")
    move(obj, "register", comment=f"登记{DIRTY}")
    history = obj.workflow_history["zhengwu_request_workflow"]
    assert history[-1]["comments"].startswith("登记甲乙") and is_clean(history[-1]["comments"])


@pytest.mark.parametrize("char", ["\x01", "\x0b", "\x0c", "\x00", "\ud800"])
def test_each_reported_character_in_a_correction_is_removed(portal, char):
    """The applicant's correction (set by the system user, no form)."""
    from zhengwu.requests import submission

    catalog = make_catalog(portal)
    obj, _code = make_request(catalog, "awaiting_correction")
    assert submission.correct(obj, f"补正{char}内容") is None
    assert is_clean(obj.correction) and obj.correction.startswith("补正")
