"""The demo's portal (part of ``zhengwu:demo``): site identity, the
departments with their users (one for every role of the design), the
sections later features fill, a few news items and the front page."""

from pathlib import Path
from plone import api
from plone.app.textfield.value import RichTextValue
from plone.formwidget.namedfile.converter import b64encode_file
from zhengwu.demo.publishing import publish
from zhengwu.site.department_groups import group_id
import zhengwu.theme


DEMO_PASSWORD = "zhengwu-demo"
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

NEWS = (
    (
        "zwgk-gzhy",
        "示例市召开2026年政务公开工作会议",
        "会议部署全年政务公开重点工作，要求各部门按时更新政府信息公开目录。",
    ),
    (
        "zwfw-zmfw",
        "示例市政务服务中心延长周末服务时间",
        "自12月起，政务服务中心周六上午提供不动产登记、社保等高频事项办理服务。",
    ),
    (
        "szxx-202611",
        "市长信箱11月份留言办理情况通报",
        "11月共收到留言312件，已按期答复298件，按期答复率95.5%。",
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
    for news_id, title, description in NEWS:
        if news_id not in news:
            publish(
                api.content.create(
                    container=news,
                    type="News Item",
                    id=news_id,
                    title=title,
                    description=description,
                )
            )


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
