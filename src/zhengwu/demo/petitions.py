"""Demo mailboxes (part of ``zhengwu:demo``): 市长信箱 run by the 办公室 and
two department mailboxes, with messages in every state, submitted the way
the public submits them and handled by the demo users, with dates spread
over the year so that the statistics and the alarm have something to show."""

from datetime import timedelta
from plone import api
from zhengwu import clock
from zhengwu.demo.publishing import publish
from zhengwu.petitions import submission
from zhengwu.submissions import throttle
from zhengwu.workdays import add_working_days
from zope.globalrequest import getRequest


BOXES = (
    # id, title, department, reply limit, notice
    (
        "szxx",
        "市长信箱",
        "bgs",
        10,
        "市长信箱受理群众对本市经济社会发展的意见建议和咨询求助。涉及诉讼、仲裁、信访的事项请通过法定途径反映。",
    ),
    ("fgwxx", "发改委信箱", "fgw", 7, "受理价格、项目审批和营商环境方面的咨询和建议。"),
    ("wjwxx", "卫健委信箱", "wjw", 7, "受理医疗服务、疾病预防和卫生监督方面的咨询、投诉和建议。"),
)

WRITERS = (
    ("王小明", "13800000001"),
    ("李华", "13900000002"),
    ("赵敏", "13700000003"),
    ("陈静", "0999-23456789"),
)

# box, state, category, title, content, reply, days ago, replying department
MESSAGES = (
    (
        "szxx",
        "published",
        "suggestion",
        "建议在人民公园增设夜间照明",
        "人民公园东门到湖边步道晚上很暗，老人散步不安全，建议增加路灯。",
        "市城管局已将人民公园步道照明纳入今年改造计划，预计年底前完成安装。感谢您的建议。",
        120,
        "fgw",
    ),
    (
        "szxx",
        "published",
        "consultation",
        "新生儿落户需要哪些材料",
        "孩子在外地出生，回本市落户需要准备哪些材料？",
        "请携带出生医学证明、父母双方户口簿和身份证、结婚证到户籍所在地派出所办理，详见办事服务栏目“户口迁入登记”指南。",
        95,
        "fgw",
    ),
    (
        "szxx",
        "closed",
        "complaint",
        "小区门口占道经营影响通行",
        "小区门口早晚有摊贩占道经营，影响居民通行。",
        "经核查，相关部门已对占道经营进行整治，并将加强日常巡查。",
        60,
        "fgw",
    ),
    (
        "szxx",
        "answered",
        "help",
        "申请困难群众临时救助",
        "家中老人重病，医疗费用负担重，能否申请临时救助？",
        "您可向户籍所在地街道提出临时救助申请，我们已通知街道工作人员与您联系。",
        20,
        "fgw",
    ),
    (
        "szxx",
        "reply_pending",
        "consultation",
        "公积金提取用于租房的条件",
        "在本市无房租房，提取公积金需要满足什么条件？",
        "无房职工连续足额缴存满3个月，可按月提取用于支付房租。",
        8,
        "fgw",
    ),
    (
        "szxx",
        "assigned",
        "suggestion",
        "建议延长政务服务中心周末开放时间",
        "上班族工作日没时间办事，建议周六全天开放。",
        None,
        5,
        "fgw",
    ),
    (
        "szxx",
        "accepted",
        "consultation",
        "老旧小区加装电梯的补贴政策",
        "我们小区想加装电梯，政府有什么补贴政策？",
        None,
        80,
        None,
    ),
    (
        "szxx",
        "submitted",
        "report",
        "反映某工地夜间违规施工",
        "人民路工地连续多晚凌晨施工，噪音扰民。",
        None,
        1,
        None,
    ),
    (
        "szxx",
        "rejected",
        "complaint",
        "对法院判决结果不服",
        "我对一审判决结果不服，请市长帮忙改判。",
        None,
        30,
        None,
    ),
    (
        "fgwxx",
        "published",
        "consultation",
        "企业投资项目备案如何办理",
        "我公司拟投资建设厂房，项目备案在哪里办理？",
        "企业投资项目备案通过投资项目在线审批监管平台在线办理，信息完整的即时备案。",
        45,
        "fgw",
    ),
    (
        "fgwxx",
        "submitted",
        "suggestion",
        "建议公开停车收费标准",
        "希望公布公共停车场收费标准和依据。",
        None,
        2,
        None,
    ),
    (
        "wjwxx",
        "published",
        "consultation",
        "预防接种证遗失如何补办",
        "孩子的预防接种证丢了，怎么补办？",
        "请携带儿童出生医学证明到原接种单位申请补办，接种记录可从信息系统调取。",
        50,
        "wjw",
    ),
    (
        "wjwxx",
        "assigned",
        "complaint",
        "医院挂号排队时间过长",
        "市第一医院专家号每次都要排很久，希望改进。",
        None,
        3,
        "wjw",
    ),
)

HANDLER = {"bgs": "handler", "fgw": "fgw_handler", "wjw": "wjw_handler"}
RESPONDER = {"fgw": "responder", "wjw": "wjw_responder"}


def create(root, departments):
    section = root["hdjl"]
    for box_id, title, dept_id, limit, intro in BOXES:
        if box_id not in section:
            box = api.content.create(
                container=section,
                type="PetitionBox",
                id=box_id,
                title=title,
                department=departments[dept_id].UID(),
                reply_limit_days=limit,
                intro=intro,
                column_type="interaction",
            )
            publish(box)
    if any(section[box_id].objectIds() for box_id, *_rest in BOXES):
        return  # messages already there
    request = getRequest()
    for number, (box_id, state, category, title, content, reply, days_ago, dept_id) in enumerate(
        MESSAGES
    ):
        box = section[box_id]
        name, phone = WRITERS[number % len(WRITERS)]
        throttle.SUBMISSIONS.reset()
        petition, _code, errors = submission.submit(
            box,
            {
                "category": category,
                "title": title,
                "content": content,
                "submitter_name": name,
                "phone": phone,
                "publish_consent": state != "closed",
            },
            request,
        )
        if errors:
            raise ValueError(errors)
        _handle(petition, box, state, reply, departments[dept_id] if dept_id else None)
        received = clock.today() - timedelta(days=days_ago)
        petition.received_date = received
        petition.due_date = add_working_days(received, box.reply_limit_days).due_date
        if petition.replied_date is not None:
            petition.replied_date = min(
                received + timedelta(days=max(days_ago // 10, 3)), clock.today()
            )
        petition.reindexObject()
    throttle.SUBMISSIONS.reset()


def _do(petition, userid, transition, comment="同意"):
    with api.env.adopt_user(username=userid):
        api.portal.get_tool("portal_workflow").doActionFor(petition, transition, comment=comment)


def _handle(petition, box, state, reply, department):
    handler = HANDLER[_dept_id(box)]
    if state == "submitted":
        return
    if state == "rejected":
        _do(petition, handler, "reject", "该事项属于司法程序，请依法通过上诉等途径解决。")
        return
    _do(petition, handler, "accept", "受理")
    if state == "accepted":
        return
    petition.assigned_department = department.UID()
    _do(petition, handler, "assign", "请按时答复")
    if state == "assigned":
        return
    responder = RESPONDER[department.getId()]
    with api.env.adopt_user(username=responder):
        petition.reply = reply
    _do(petition, responder, "submit_reply", "请审核")
    if state == "reply_pending":
        return
    _do(petition, handler, "approve_reply")
    if state == "answered":
        return
    _do(petition, handler, "publish" if state == "published" else "close")


def _dept_id(box):
    department = api.content.get(UID=box.department)
    return department.getId()
