"""The document genres (体裁分类), validity states (有效性) and the kinds of
normative document the annual report counts (规章, 行政规范性文件)."""

from zhengwu import _


# 《党政机关公文处理工作条例》 Art. 8, plus 其他 (data/document-genres.json).
GENRES = (
    ("resolution", _("genre_resolution", default="决议")),
    ("decision", _("genre_decision", default="决定")),
    ("order", _("genre_order", default="命令（令）")),
    ("communique", _("genre_communique", default="公报")),
    ("announcement", _("genre_announcement", default="公告")),
    ("public_notice", _("genre_public_notice", default="通告")),
    ("opinion", _("genre_opinion", default="意见")),
    ("notice", _("genre_notice", default="通知")),
    ("bulletin", _("genre_bulletin", default="通报")),
    ("report", _("genre_report", default="报告")),
    ("request", _("genre_request", default="请示")),
    ("reply", _("genre_reply", default="批复")),
    ("motion", _("genre_motion", default="议案")),
    ("letter", _("genre_letter", default="函")),
    ("minutes", _("genre_minutes", default="纪要")),
    ("other", _("genre_other", default="其他")),
)

VALIDITY = (
    ("valid", _("validity_valid", default="有效")),
    ("amended", _("validity_amended", default="已修改")),
    ("repealed", _("validity_repealed", default="已废止")),
    ("expired", _("validity_expired", default="已失效")),
)

# Validity states that name the document replacing this one.
SUPERSEDED = ("amended", "repealed")

# What the annual report's proactive-disclosure table counts (第二部分).
DOCUMENT_KINDS = (
    ("rule", _("document_kind_rule", default="规章")),
    ("normative", _("document_kind_normative", default="行政规范性文件")),
)
