"""The demo's portal (part of ``zhengwu:demo``): site identity, the
departments with their users (one for every role of the design), the
sections later features fill, news, notices, policy interpretations and
topics with distinct publication dates, and the front page showing the
portal's home page."""

from DateTime import DateTime
from datetime import datetime
from datetime import timedelta
from pathlib import Path
from plone import api
from plone.app.textfield.value import RichTextValue
from plone.formwidget.namedfile.converter import b64encode_file
from Products.CMFCore.indexing import processQueue
from z3c.relationfield import RelationValue
from zhengwu import clock
from zhengwu.demo.publishing import publish
from zhengwu.site.department_groups import group_id
from zope.component import getUtility
from zope.intid.interfaces import IIntIds
from zope.lifecycleevent import modified
import zhengwu.theme


DEMO_PASSWORD = "Zhengwu-demo-2026"
DEMO_LOGO = Path(zhengwu.theme.__file__).parent / "static" / "logo-placeholder.svg"

IDENTITY = {
    "sponsor": "示例市人民政府办公室",
    "organizer": "示例市大数据发展中心",
    "site_code": "9999000001",
    "icp_number": "示ICP备20260001号-1",
    "police_number": "示公网安备99010002000001号",
    "contact_address": "示例市人民大道1号",
    "contact_phone": "0999-12345678",
    "contact_email": "webmaster@example.gov.cn",
    "error_report_url": "https://zfwzzc.www.gov.cn/",
}

# id, title, organization code (valid check characters), short name, phone
DEPARTMENTS = (
    ("bgs", "示例市人民政府办公室", "11999900MB0000010H", "示政办", "0999-12345601"),
    ("fgw", "示例市发展和改革委员会", "11999900MB0000020J", "示发改", "0999-12345602"),
    ("jyj", "示例市教育局", "11999900MB0000030K", "示教", "0999-12345603"),
    ("gaj", "示例市公安局", "11999900MB0000040L", "示公", "0999-12345604"),
    ("czj", "示例市财政局", "11999900MB0000050M", "示财", "0999-12345605"),
    ("wjw", "示例市卫生健康委员会", "11999900MB0000060N", "示卫健", "0999-12345606"),
)

# user id, full name, department, group suffix ('' = site-wide role), site-wide roles
USERS = (
    ("siteadmin", "王管理", None, None, ("Site Administrator",)),
    ("inspector", "何监管", None, None, ("Inspector",)),
    ("editor", "李信息", "bgs", "editors", ()),
    ("reviewer1", "张初审", "bgs", "first-reviewers", ()),
    ("reviewer2", "刘复审", "bgs", "second-reviewers", ()),
    ("approver", "陈签发", "bgs", "final-approvers", ()),
    ("handler", "杨受理", "bgs", "petition-handlers", ()),
    ("responder", "赵答复", "fgw", "responders", ()),
    ("officer", "孙公开", "bgs", "disclosure-officers", ()),
    ("fgw_editor", "周信息", "fgw", "editors", ()),
    ("fgw_handler", "吴受理", "fgw", "petition-handlers", ()),
    ("wjw_handler", "郑受理", "wjw", "petition-handlers", ()),
    ("wjw_responder", "钱答复", "wjw", "responders", ()),
)

# id, title, description, column type (site supervision, the ColumnType page tag)
SECTIONS = (
    ("xxgk", "政府信息公开", "政府信息公开目录、依申请公开和政府信息公开年度报告。", "other"),
    ("bsfw", "办事服务", "办事指南：按主题、按部门查找行政许可和公共服务事项。", "service"),
    ("hdjl", "互动交流", "市长信箱、部门信箱和留言答复选登。", "interaction"),
    ("xwzx", "新闻中心", "政务要闻、部门动态和通知公告。", "news"),
)

# id, title, summary, publication: (days, hours) before now (distinct dates)
NEWS = (
    (
        "zwgk-gzhy",
        "示例市召开2026年政务公开工作会议",
        "会议部署全年政务公开重点工作，要求各部门按时更新政府信息公开目录。",
        (1, 2),
    ),
    (
        "zwfw-zmfw",
        "示例市政务服务中心延长周末服务时间",
        "自12月起，政务服务中心周六上午提供不动产登记、社保等高频事项办理服务。",
        (3, 5),
    ),
    (
        "szxx-202611",
        "市长信箱11月份留言办理情况通报",
        "11月共收到留言312件，已按期答复298件，按期答复率95.5%。",
        (6, 1),
    ),
    (
        "yshj-tjh",
        "示例市召开优化营商环境工作推进会",
        "会议通报营商环境评价情况，部署下一阶段改革任务。",
        (9, 3),
    ),
    (
        "ylfw-sd",
        "示例市新建社区养老服务站30个",
        "今年新建的社区养老服务站已全部投入使用，提供助餐、助浴和日间照料服务。",
        (13, 4),
    ),
    (
        "jy-zs",
        "示例市义务教育阶段学校招生工作平稳有序",
        "全市义务教育阶段学校招生实行网上报名，报名、审核和录取均在网上完成。",
        (18, 2),
    ),
    (
        "ws-jkxc",
        "示例市开展全民健康素养宣传月活动",
        "活动期间各医疗机构开展义诊、健康讲座和健康知识竞赛。",
        (24, 6),
    ),
)

# Columns nested in the sections: id, section, title, description, column type
COLUMNS = (
    ("tzgg", "xwzx", "通知公告", "示例市人民政府及其部门发布的通知、公告。", "notice"),
    ("zcjd", "xxgk", "政策解读", "对市政府及其部门出台政策的解读。", "interpretation"),
)

# id, title, summary, publication (days, hours) before now
NOTICES = (
    (
        "tz-tdjx",
        "关于元旦期间政务服务中心办公时间安排的公告",
        "元旦假期政务服务中心暂停窗口服务，网上办理不受影响。",
        (2, 1),
    ),
    (
        "tz-gkzp",
        "示例市2026年下半年事业单位公开招聘工作人员公告",
        "全市事业单位公开招聘工作人员210名，报名采取网上报名方式。",
        (5, 3),
    ),
    (
        "tz-zjyj",
        "关于公开征求《示例市城市更新条例（草案）》意见的通知",
        "征求意见时间为30日，公众可通过信函、电子邮件等方式提出意见。",
        (11, 2),
    ),
    (
        "tz-tdsg",
        "关于人民大道部分路段施工期间交通管制的通告",
        "施工期间人民大道中段实行单向通行，请过往车辆提前绕行。",
        (16, 5),
    ),
)

# id, title, summary, publication (days, hours) before now, the interpreted
# document (catalog, item) in 政府信息公开
INTERPRETATIONS = (
    (
        "jd-zwgk-yd",
        "图解：示例市2026年政务公开工作要点",
        "一图读懂全年政务公开重点任务。",
        (4, 2),
        ("szf", "zwgk-yd"),
    ),
    (
        "jd-zdxm",
        "市发展改革委负责人解读2026年重大建设项目清单",
        "介绍重大建设项目的遴选原则、投资结构和保障措施。",
        (8, 4),
        ("fgw", "zdxm-2026"),
    ),
    (
        "jd-jjsh",
        "《示例市2026年国民经济和社会发展计划》政策问答",
        "以问答形式解读发展计划的主要目标和重点任务。",
        (15, 3),
        ("fgw", "jjsh-jh"),
    ),
)

# 专题专栏: the column and its topics (id, title, description, page text)
TOPIC_COLUMN = ("ztzl", "专题专栏", "围绕市委市政府中心工作开设的专题。")
TOPICS = (
    (
        "yshj",
        "优化营商环境",
        "政策措施、办事指南和工作动态，一站集中发布。",
        "<p>本专题集中发布示例市优化营商环境的政策措施和工作动态。</p>",
    ),
    (
        "zwgk-2026",
        "2026年政务公开",
        "政务公开工作要点、基层政务公开标准目录和工作进展。",
        "<p>本专题集中发布示例市2026年政务公开工作的部署和进展。</p>",
    ),
)


def set_identity(portal):
    api.portal.set_registry_record("plone.site_title", "示例市人民政府")
    portal.title = "示例市人民政府"
    for name, value in IDENTITY.items():
        api.portal.set_registry_record(f"zhengwu.identity.{name}", value)
    # The logo: the theme's neutral placeholder, as an office uploads its own
    # in the site-identity control panel (Plone's plone.site_logo record).
    api.portal.set_registry_record(
        "plone.site_logo", b64encode_file(DEMO_LOGO.name, DEMO_LOGO.read_bytes())
    )
    # The language folders are the navigation roots: their titles head every page.
    for language, title in (
        ("zh-cn", "示例市人民政府"),
        ("en", "Example City People's Government"),
    ):
        if language in portal.objectIds():
            portal[language].title = title
            portal[language].reindexObject()


def create_departments(root):
    if "departments" not in root:
        folder = api.content.create(
            container=root,
            type="Folder",
            id="departments",
            title="政府部门",
            description="示例市人民政府组成部门和直属机构。",
        )
        publish(folder)
    folder = root["departments"]
    result = {}
    for dept_id, title, code, short_name, phone in DEPARTMENTS:
        if dept_id not in folder:
            dept = api.content.create(
                container=folder,
                type="Department",
                id=dept_id,
                title=title,
                organization_code=code,
                short_name=short_name,
                phone=phone,
                address="示例市人民大道1号",
                postal_code="999000",
                email=f"{dept_id}@example.gov.cn",
                office_hours="工作日 9:00–12:00，13:30–17:30",
            )
            publish(dept)
        result[dept_id] = folder[dept_id]
    return result


def create_users(departments):
    for userid, fullname, dept_id, suffix, roles in USERS:
        if api.user.get(username=userid) is None:
            api.user.create(
                username=userid,
                email=f"{userid}@example.gov.cn",
                password=DEMO_PASSWORD,
                roles=("Member",) + tuple(roles),
                properties={"fullname": fullname},
            )
        if dept_id:
            api.group.add_user(groupname=group_id(departments[dept_id], suffix), username=userid)


def create_sections(root):
    for section_id, title, description, column_type in SECTIONS:
        if section_id not in root:
            publish(
                api.content.create(
                    container=root,
                    type="Folder",
                    id=section_id,
                    title=title,
                    description=description,
                    column_type=column_type,
                )
            )
    news = root["xwzx"]
    for news_id, title, description, ago in NEWS:
        if news_id not in news:
            _article(news, "News Item", news_id, title, description, ago)
    set_listing(news)


def published_at(ago):
    """A publication time ``(days, hours)`` before now, on the product's
    clock but never after the machine's: the catalog hides from visitors
    what takes effect later than the machine's clock (docs/development.md)."""
    days, hours = ago
    base = min(clock.now(), datetime.now(clock.CHINA)).replace(second=0, microsecond=0)
    return DateTime((base - timedelta(days=days, hours=hours)).isoformat())


def _article(container, portal_type, item_id, title, description, ago, text=None):
    """An article with its publication date set, online through the reviews."""
    item = api.content.create(
        container=container,
        type=portal_type,
        id=item_id,
        title=title,
        description=description,
        text=RichTextValue(
            text or "<p>（示例内容，仅供演示。）</p>", "text/html", "text/x-html-safe"
        ),
    )
    item.setEffectiveDate(published_at(ago))
    # The demo stands for content written back then: created on the day it
    # is dated (the pre-publish checks refuse a date before the creation day).
    item.creation_date = item.effective_date
    item.reindexObject(idxs=["created", "effective", "effectiveRange"])
    publish(item)
    return item


def set_listing(folder):
    """News-like columns list their items with dates (``@@news-listing``)."""
    if folder.getLayout() != "news-listing":
        folder.setLayout("news-listing")


def create_columns(root):
    """通知公告 in 新闻中心, 政策解读 in 政府信息公开 (linked to the policies
    they interpret), and 专题专栏 with two topics; after the disclosure
    catalogs, whose documents the interpretations name."""
    for column_id, section_id, title, description, column_type in COLUMNS:
        section = root[section_id]
        if column_id not in section:
            publish(
                api.content.create(
                    container=section,
                    type="Folder",
                    id=column_id,
                    title=title,
                    description=description,
                    column_type=column_type,
                )
            )
        set_listing(section[column_id])
    notices = root["xwzx"]["tzgg"]
    for item_id, title, description, ago in NOTICES:
        if item_id not in notices:
            _article(notices, "Document", item_id, title, description, ago)
    readings = root["xxgk"]["zcjd"]
    intids = getUtility(IIntIds)
    for item_id, title, description, ago, (catalog_id, document_id) in INTERPRETATIONS:
        if item_id in readings:
            continue
        reading = _article(readings, "Document", item_id, title, description, ago)
        document = root["xxgk"].get(catalog_id, {}).get(document_id)
        if document is not None:
            document.interpretations = list(document.interpretations or []) + [
                RelationValue(intids.getId(reading))
            ]
            modified(document)
    column_id, title, description = TOPIC_COLUMN
    if column_id not in root:
        publish(
            api.content.create(
                container=root,
                type="Folder",
                id=column_id,
                title=title,
                description=description,
                column_type="topic",
            )
        )
    column = root[column_id]
    for topic_id, title, description, text in TOPICS:
        if topic_id not in column:
            topic = api.content.create(
                container=column,
                type="Folder",
                id=topic_id,
                title=title,
                description=description,
                column_type="topic",
            )
            publish(topic)
            _article(topic, "Document", "index", title, description, (7, 0), text)
    # Index now, while the site is set: a profile applied during a test
    # layer's set-up is committed after the site is unset, and the policy
    # documents' indexers look the departments up in the site.
    processQueue()


FRONT_PAGE = """
<p>示例市人民政府门户网站是示例市人民政府在互联网上发布政务信息、提供在线服务、
与公众互动交流的官方平台。</p>
<ul>
  <li><a href="xxgk">政府信息公开</a>：政府信息公开目录、依申请公开、年度报告</li>
  <li><a href="bsfw">办事服务</a>：办事指南，按主题和部门查找</li>
  <li><a href="hdjl">互动交流</a>：市长信箱、部门信箱、留言选登</li>
  <li><a href="xwzx">新闻中心</a>：政务要闻和通知公告</li>
</ul>
"""


def create_front_page(root):
    if "front-page" not in root:
        page = api.content.create(
            container=root,
            type="Document",
            id="front-page",
            title="示例市人民政府门户网站",
            description="发布政务信息，提供在线服务，回应公众关切。",
            text=RichTextValue(FRONT_PAGE, "text/html", "text/x-html-safe"),
        )
        publish(page)
        root.setDefaultPage("front-page")
    # The front page shows the portal's home page (Display → 门户首页).
    if root["front-page"].getLayout() != "portal-home":
        root["front-page"].setLayout("portal-home")
