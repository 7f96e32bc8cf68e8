"""Demo consultations (part of ``zhengwu:demo``): 意见征集 in 互动交流 with
one draft open for comment (opinions sent as the public sends them, some
published by the department's handler, one refused, some waiting) and one
concluded, its feedback (意见采纳情况) published through the three reviews."""

from datetime import datetime
from datetime import timedelta
from plone import api
from plone.app.textfield.value import RichTextValue
from zhengwu import clock
from zhengwu.demo.publishing import publish
from zhengwu.participation import opinion_submission
from zhengwu.submissions import throttle
from zope.globalrequest import getRequest


SECTION = ("yjzj", "意见征集", "规章草案和重大行政决策公开征求意见，以及意见采纳情况。")
HANDLER = {"wjw": "wjw_handler", "fgw": "fgw_handler"}

SMOKING = """
<p>为了减少烟草烟雾危害，保障公众健康，示例市卫生健康委员会起草了《示例市公共场所控制吸烟条例（征求意见稿）》，现向社会公开征求意见。</p>
<h2>第一章 总则</h2>
<p>第一条 为了减少烟草烟雾对人体的危害，保障公众身体健康，创造良好的公共环境，根据有关法律、法规，结合本市实际，制定本条例。</p>
<p>第二条 本市行政区域内公共场所、工作场所的控制吸烟工作，适用本条例。</p>
<h2>第二章 禁止吸烟场所</h2>
<p>第三条 室内公共场所、室内工作场所、公共交通工具内禁止吸烟。</p>
<h3>第四条 室外禁止吸烟区域</h3>
<p>托幼机构、中小学校、妇幼保健机构、儿童医院的室外区域，体育场馆的观众坐席和比赛区域禁止吸烟。</p>
<h2>第三章 法律责任</h2>
<p>第五条 个人在禁止吸烟场所吸烟且不听劝阻的，由卫生健康部门责令改正，处五十元罚款。</p>
"""

BUSINESS = """
<p>为持续优化营商环境，示例市发展和改革委员会起草了《示例市优化营商环境若干规定（征求意见稿）》，现公开征求意见。</p>
<h2>第一章 市场准入</h2>
<p>第一条 本市全面实施市场准入负面清单制度，清单之外的行业、领域、业务，各类市场主体皆可依法平等进入。</p>
<h2>第二章 政务服务</h2>
<p>第二条 政务服务事项应当实现网上可办，申请材料能够通过数据共享获取的，不得要求申请人重复提交。</p>
<h2>第三章 监督保障</h2>
<p>第三条 市场主体可以通过12345热线反映营商环境问题，有关部门应当在五个工作日内答复。</p>
"""

OPEN = {
    "id": "kongyan-tiaoli",
    "title": "《示例市公共场所控制吸烟条例（征求意见稿）》公开征求意见",
    "description": "征求意见时间自发布之日起30日。欢迎社会各界通过网上留言、电子邮件或信函提出意见建议。",
    "department": "wjw",
    "opened_days_ago": 10,
    "days": 30,
    "text": SMOKING,
    "email": "kongyan@wjw.example.gov.cn",
    "postal_address": "示例市人民路1号 示例市卫生健康委员会政策法规科（信封注明“控烟条例意见”）",
    "contact": "示例市卫生健康委员会政策法规科，0999-12345606",
}

CONCLUDED = {
    "id": "yingshang-guiding",
    "title": "《示例市优化营商环境若干规定（征求意见稿）》公开征求意见",
    "description": "征求意见已结束，意见采纳情况已公布。",
    "department": "fgw",
    "opened_days_ago": 80,
    "days": 30,
    "text": BUSINESS,
    "email": "yshj@fgw.example.gov.cn",
    "postal_address": "示例市人民路1号 示例市发展和改革委员会法规科",
    "contact": "示例市发展和改革委员会法规科，0999-12345602",
}

# consultation id, text, section, name, contact, days after opening, state
OPINIONS = (
    (
        "kongyan-tiaoli",
        "建议将公交站台、地铁出入口周边五米范围也列为禁止吸烟区域。",
        "2",
        "王先生",
        "13800000011",
        1,
        "published",
    ),
    (
        "kongyan-tiaoli",
        "第五条的罚款标准偏低，建议提高到二百元，对经营者未劝阻的也应处罚。",
        "4",
        "",
        "",
        2,
        "published",
    ),
    (
        "kongyan-tiaoli",
        "电子烟是否属于本条例所称的吸烟？建议在总则中明确。",
        "1",
        "李女士",
        "lnvshi@example.com",
        3,
        "published",
    ),
    ("kongyan-tiaoli", "欢迎访问我的网店，优惠多多！", "", "", "", 4, "refused"),
    (
        "kongyan-tiaoli",
        "建议在禁止吸烟场所设置统一规范的禁烟标识和投诉电话。",
        "2",
        "赵敏",
        "13700000003",
        6,
        "pending",
    ),
    (
        "kongyan-tiaoli",
        "希望在医院室外设置专门的吸烟区，避免吸烟者聚集在门口。",
        "3",
        "",
        "",
        8,
        "pending",
    ),
    (
        "yingshang-guiding",
        "建议明确数据共享的牵头部门和时限，避免各部门互相推诿。",
        "2",
        "陈静",
        "0999-23456789",
        2,
        "published",
    ),
    (
        "yingshang-guiding",
        "五个工作日答复时限较短，建议区分咨询和投诉分别规定。",
        "3",
        "某商会",
        "shanghui@example.com",
        5,
        "published",
    ),
    ("yingshang-guiding", "建议增加对中小企业融资支持的条款。", "", "", "", 12, "published"),
)

FEEDBACK = {
    "id": "yijian-caina",
    "title": "《示例市优化营商环境若干规定（征求意见稿）》意见采纳情况",
    "received": 3,
    "adopted": 1,
    "partly_adopted": 1,
    "not_adopted": 1,
    "summary": "<p>征求意见期间，共收到社会公众意见3条。经认真研究，采纳1条，部分采纳1条，未采纳1条。感谢社会各界的关心和支持。</p>",
    "decisions": (
        "明确数据共享的牵头部门和时限 | 采纳 | 第二条增加“由市政务服务管理局牵头，十个工作日内完成”\n"
        "区分咨询和投诉的答复时限 | 部分采纳 | 咨询保持五个工作日；投诉延长至十个工作日，以保证调查核实\n"
        "增加中小企业融资支持条款 | 未采纳 | 融资支持已由《示例市中小企业促进办法》专门规定，本规定不再重复"
    ),
}


def _day(days_ago):
    """A day before the product's today, never after the machine's
    (docs/development.md: demo dates)."""
    today = min(clock.today(), datetime.now(clock.CHINA).date())
    return today - timedelta(days=days_ago)


def _consultation(section, departments, spec):
    opens = _day(spec["opened_days_ago"])
    consultation = api.content.create(
        container=section,
        type="Consultation",
        id=spec["id"],
        title=spec["title"],
        description=spec["description"],
        department=departments[spec["department"]].UID(),
        opens=opens,
        closes=opens + timedelta(days=spec["days"] - 1),
        text=RichTextValue(spec["text"].strip(), "text/html", "text/x-html-safe"),
        channels=["online", "email", "post"],
        email=spec["email"],
        postal_address=spec["postal_address"],
        contact=spec["contact"],
    )
    publish(consultation)
    return consultation


def _opinions(section, departments):
    request = getRequest()
    for consultation_id, text, number, name, contact, after, state in OPINIONS:
        consultation = section[consultation_id]
        throttle.SUBMISSIONS.reset()
        # Sent while the consultation was open: on that day's clock.
        sent = datetime.combine(consultation.opens + timedelta(days=after), datetime.min.time())
        with clock.fixed(sent.replace(hour=10, tzinfo=clock.CHINA)):
            opinion, _none, errors = opinion_submission.submit(
                consultation,
                {"text": text, "section": number, "author_name": name, "contact": contact},
                request,
            )
        if errors:
            raise ValueError(errors)
        handler = HANDLER[_department_id(consultation, departments)]
        with api.env.adopt_user(username=handler):
            if state == "published":
                api.content.transition(opinion, transition="publish", comment="已阅")
            elif state == "refused":
                api.content.transition(
                    opinion, transition="refuse", comment="广告信息，与征求意见无关"
                )
    throttle.SUBMISSIONS.reset()


def _department_id(consultation, departments):
    return next(k for k, v in departments.items() if v.UID() == consultation.department)


def create(root, departments):
    hdjl = root["hdjl"]
    section_id, title, description = SECTION
    if section_id not in hdjl:
        folder = api.content.create(
            container=hdjl,
            type="Folder",
            id=section_id,
            title=title,
            description=description,
            column_type="interaction",
        )
        folder.setLayout("consultation-index")
        publish(folder)
    section = hdjl[section_id]
    if OPEN["id"] in section:
        return  # the consultations are there
    _consultation(section, departments, OPEN)
    concluded = _consultation(section, departments, CONCLUDED)
    _opinions(section, departments)
    feedback = api.content.create(
        container=concluded,
        type="ConsultationFeedback",
        id=FEEDBACK["id"],
        title=FEEDBACK["title"],
        received=FEEDBACK["received"],
        adopted=FEEDBACK["adopted"],
        partly_adopted=FEEDBACK["partly_adopted"],
        not_adopted=FEEDBACK["not_adopted"],
        summary=RichTextValue(FEEDBACK["summary"], "text/html", "text/x-html-safe"),
        decisions=FEEDBACK["decisions"],
    )
    publish(feedback)
