"""Demo interviews (part of ``zhengwu:demo``) in 互动交流: one past, with
its question/answer pairs and transcript; one scheduled, with questions
from the public waiting for the moderators. Both published through the
three reviews; the questions sent the way the public sends them."""

from datetime import timedelta
from plone import api
from plone.app.textfield.value import RichTextValue
from zhengwu import clock
from zhengwu.demo.publishing import publish
from zhengwu.participation import interview_questions as questions
from zhengwu.submissions import throttle
from zope.globalrequest import getRequest


GUESTS = ["刘建国｜局长｜示例市发展和改革委员会", "周敏｜副局长｜示例市发展和改革委员会"]
PAST_ID, SCHEDULED_ID = "yshjft", "zwfwft"
PAIRS = (
    (
        "企业开办现在需要几天？",
        "目前企业开办全流程压缩至1个工作日内，营业执照、公章刻制和发票申领可一次办结。",
        "刘建国",
    ),
    (
        "小微企业能享受哪些减税降费政策？",
        "小规模纳税人增值税减按1%征收，具体政策可在政府信息公开目录“财政税收”类查询。",
        "周敏",
    ),
)
WAITING = (
    ("窗口周末能办理社保业务吗？", "市民王先生", "13800000005"),
    ("老年人不会用手机，线下还能办吗？", "", ""),
)


def _text(html):
    return RichTextValue(html, "text/html", "text/x-html-safe")


def _naive(when):
    """Beijing wall time without a zone object (zoneinfo does not pickle)."""
    return when.astimezone(clock.CHINA).replace(tzinfo=None, second=0, microsecond=0)


def create(root):
    section = root["hdjl"]
    now = clock.now()
    if PAST_ID not in section:
        past = api.content.create(
            container=section,
            type="Interview",
            id=PAST_ID,
            title="优化营商环境在线访谈",
            description="市发展改革委负责同志解读优化营商环境政策措施，回答网友提问。",
            start=_naive(now - timedelta(days=30)),
            duration=90,
            guests=GUESTS,
            preview=_text("<p>本期访谈围绕企业开办、减税降费和政务服务“一网通办”展开。</p>"),
            video_url="https://video.example.gov.cn/ft/yshj.mp4",
            transcript=_text(
                "".join(
                    f"<p><strong>网友：</strong>{q}</p><p><strong>{g}：</strong>{a}</p>"
                    for q, a, g in PAIRS
                )
            ),
        )
        for question, answer, guest in PAIRS:
            questions.publish_pair(past, question, answer, guest)
        publish(past)
    if SCHEDULED_ID not in section:
        scheduled = api.content.create(
            container=section,
            type="Interview",
            id=SCHEDULED_ID,
            title="政务服务“一网通办”在线访谈预告",
            description="欢迎网友提前提问，访谈当天由嘉宾在线解答。",
            start=_naive(now + timedelta(days=7)),
            duration=90,
            guests=GUESTS[:1],
            preview=_text("<p>本期访谈介绍政务服务“一网通办”的进展，欢迎提前提问。</p>"),
        )
        publish(scheduled)
        request = getRequest()
        for text, name, contact in WAITING:
            throttle.SUBMISSIONS.reset()
            _id, errors = questions.ask(
                scheduled, {"text": text, "name": name, "contact": contact}, request
            )
            if errors:
                raise ValueError(errors)
        throttle.SUBMISSIONS.reset()
