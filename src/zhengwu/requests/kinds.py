"""The closed lists of disclosure requests (DESIGN.md section 3) and the
categories of the State Council's uniform annual-report table
(国办公开办函〔2021〕30号, part three)."""

from zhengwu import _


APPLICANT_TYPES = (
    ("citizen", _("Natural person")),  # 自然人
    ("organization", _("Legal person or other organization")),  # 法人或其他组织
)

# The table's columns for legal persons and other organizations.
ORGANIZATION_TYPES = (
    ("business", _("Business enterprise")),  # 商业企业
    ("research", _("Research institution")),  # 科研机构
    ("public_welfare", _("Public-welfare organization")),  # 社会公益组织
    ("legal_service", _("Legal-service institution")),  # 法律服务机构
    ("other", _("Other organization")),  # 其他
)

ID_TYPES = (
    ("resident_id", _("Resident identity card")),  # 居民身份证
    ("passport", _("Passport")),
    ("hk_macao_permit", _("Mainland travel permit for Hong Kong and Macao residents")),
    ("taiwan_permit", _("Mainland travel permit for Taiwan residents")),
    ("other", _("Other identity document")),
)

DELIVERY_FORMS = (
    ("paper", _("Paper")),  # 纸质
    ("email", _("Email")),  # 电子邮件
    ("post", _("By post")),  # 邮寄
    ("pickup", _("Collect in person")),  # 当面领取
    ("online", _("Read online")),  # 网上查阅
)

# Outcomes (条例 Art. 36) and, for each, the reasons the uniform table counts.
OUTCOMES = (
    ("disclosed", _("Disclosed")),  # 予以公开
    ("partially_disclosed", _("Partially disclosed")),  # 部分公开
    ("not_disclosed", _("Not disclosed")),  # 不予公开
    ("not_exist", _("Cannot be provided")),  # 无法提供
    ("not_processed", _("Not processed")),  # 不予处理
    ("other", _("Otherwise handled")),  # 其他处理
)

WITHHELD = (
    ("state_secret", _("State secret")),  # 属于国家秘密
    ("law_prohibited", _("Prohibited by other laws or regulations")),
    ("three_safeties", _("Would endanger security or stability")),  # 危及"三安全一稳定"
    ("third_party", _("Protects a third party's lawful rights")),
    ("internal_affairs", _("Internal affairs information")),  # 三类内部事务信息
    ("process_information", _("Process information")),  # 四类过程性信息
    ("enforcement_file", _("Administrative enforcement file")),  # 行政执法案卷
    ("administrative_query", _("Administrative query matter")),  # 行政查询事项
)

REASONS = {
    "disclosed": (),
    # 区分处理的，只计这一情形: the withheld part's reason is kept, not counted.
    "partially_disclosed": WITHHELD,
    "not_disclosed": WITHHELD,
    "not_exist": (
        ("not_held", _("This body does not hold the information")),  # 本机关不掌握
        ("needs_creation", _("No existing information; it would have to be created")),
        ("still_unclear", _("Still unclear after correction")),  # 补正后申请内容仍不明确
    ),
    "not_processed": (
        ("petition", _("A petition, report or complaint")),  # 信访举报投诉类申请
        ("repeated", _("A repeated request")),  # 重复申请
        ("publication", _("Asks for a publication")),  # 要求提供公开出版物
        ("mass_repeated", _("Numerous repeated requests without good reason")),
        ("confirmation", _("Asks to confirm or reissue information already obtained")),
    ),
    "other": (
        ("no_correction", _("No correction in time without good reason")),  # 逾期不补正
        ("no_fee", _("Fee not paid in time")),  # 逾期未缴纳费用
        ("other", _("Other")),
    ),
}

# The applicant can read the answer (and download what was provided).
ANSWERED_STATES = ("answered", "archived")
# The request has its outcome: answered, or lapsed (其他处理, 逾期不补正).
CLOSED_STATES = (*ANSWERED_STATES, "withdrawn")

# The closed lists of the fields, by field name (forms and pages).
CHOICES = {
    "applicant_type": APPLICANT_TYPES,
    "organization_type": ORGANIZATION_TYPES,
    "id_type": ID_TYPES,
    "delivery_form": DELIVERY_FORMS,
    "outcome": OUTCOMES,
}


def reason_title(outcome, reason):
    return dict(REASONS.get(outcome, ())).get(reason)
