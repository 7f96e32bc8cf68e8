"""What only people know for the 政府网站工作年度报表 (国办函〔2018〕12号):
visits, interpretation products, cases handled, security checks, new media,
innovation and who signs the form. Administrators enter it once a year in
``@@website-annual-report-entries``; it is kept in the site's annotations,
one mapping per year, and never counted from the data.
"""

from persistent.mapping import PersistentMapping
from plone import api
from plone.supermodel import model
from zhengwu import _
from zhengwu.phones import are_numbers
from zope import schema
from zope.annotation.interfaces import IAnnotations
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


ANNOTATION_KEY = "zhengwu.supervision.website_annual_report"

SITE_KINDS = (
    ("portal", _("Government portal (政府门户网站)")),
    ("department", _("Department website (部门网站)")),
    ("special", _("Special-purpose website (专项网站)")),
)
INNOVATIONS = (
    ("search_as_service", _("Search as a service (搜索即服务)")),
    ("multilingual", _("Versions in other languages (多语言版本)")),
    ("accessibility", _("Accessible browsing (无障碍浏览)")),
    ("personalised", _("Personalised pages (千人千网)")),
)


def _vocabulary(items):
    return SimpleVocabulary([SimpleTerm(v, v, t) for v, t in items])


def _count(title, description=None):
    return schema.Int(title=title, description=description, required=False, min=0, max=10**12)


def _yes(title):
    return schema.Bool(title=title, required=False, default=False)


def _name(title):
    return schema.TextLine(title=title, required=False, max_length=100)


class InvalidPhone(schema.ValidationError):
    __doc__ = _("Enter a phone number such as 0571-87654321 or 13812345678.")


def check_phone(value):
    if not are_numbers(value):
        raise InvalidPhone(value)
    return True


class IWebsiteAnnualReportEntries(model.Schema):
    """The entered part of one year's report."""

    model.fieldset("site", label=_("Site"), fields=["site_kind", "unique_visitors", "page_views"])
    site_kind = schema.Choice(
        title=_("Kind of website"),
        vocabulary=_vocabulary(SITE_KINDS),
        required=False,
    )
    unique_visitors = _count(_("Unique visitors"), _("From the site's web analytics."))
    page_views = _count(_("Total visits"), _("From the site's web analytics."))

    model.fieldset(
        "interpretation",
        label=_("Interpretation and response"),
        fields=[
            "interpretation_materials",
            "interpretation_products",
            "media_articles",
            "hot_responses",
        ],
    )
    interpretation_materials = _count(
        _("Interpretation texts"),
        _("Of the interpretations published this year: written interpretations (解读材料)."),
    )
    interpretation_products = _count(
        _("Interpretation products"),
        _("Graphics, videos, animations (解读产品)."),
    )
    media_articles = _count(_("Media commentaries"), _("Articles by the media (媒体评论文章)."))
    hot_responses = _count(
        _("Responses to public concerns"),
        _("Times the office responded to a matter of public concern (回应公众关注热点或重大舆情)."),
    )

    model.fieldset(
        "services",
        label=_("Online services"),
        fields=["registered_users", "cases_natural_persons", "cases_legal_persons"],
    )
    registered_users = _count(_("Registered users"))
    cases_natural_persons = _count(_("Cases handled for natural persons"))
    cases_legal_persons = _count(_("Cases handled for legal persons"))

    model.fieldset(
        "interaction",
        label=_("Interaction"),
        fields=[
            "unified_platform",
            "consultation_opinions",
            "survey_results_published",
            "interview_questions",
            "interview_answers",
            "smart_qa",
        ],
    )
    unified_platform = _yes(_("Uses the unified interaction platform"))
    consultation_opinions = _count(_("Opinions received in consultations and surveys"))
    survey_results_published = _count(_("Consultations and surveys whose results were published"))
    interview_questions = _count(_("Questions from the public in interviews"))
    interview_answers = _count(_("Questions answered in interviews"))
    smart_qa = _yes(_("Offers intelligent question answering"))

    model.fieldset(
        "security",
        label=_("Security"),
        fields=[
            "security_checks",
            "problems_found",
            "problems_fixed",
            "security_monitoring",
            "emergency_drills",
            "security_officer",
        ],
    )
    security_checks = _count(_("Security tests and assessments"))
    problems_found = _count(_("Problems found"), _("Security problems and incidents recorded."))
    problems_fixed = _count(_("Problems corrected"))
    security_monitoring = _yes(_("Has security monitoring and early warning"))
    emergency_drills = _yes(_("Held emergency drills"))
    security_officer = _yes(_("Has named the person responsible for the site's security"))

    model.fieldset(
        "new_media",
        label=_("Mobile and new media"),
        fields=[
            "new_media",
            "weibo_name",
            "weibo_posts",
            "weibo_followers",
            "wechat_name",
            "wechat_posts",
            "wechat_subscribers",
            "other_media",
        ],
    )
    new_media = _yes(_("Has mobile or new media accounts"))
    weibo_name = _name(_("Weibo account"))
    weibo_posts = _count(_("Weibo posts"))
    weibo_followers = _count(_("Weibo followers"))
    wechat_name = _name(_("WeChat account"))
    wechat_posts = _count(_("WeChat posts"))
    wechat_subscribers = _count(_("WeChat subscribers"))
    other_media = schema.TextLine(
        title=_("Other media"),
        description=_("Apps, mini-programs…"),
        required=False,
        max_length=200,
    )

    model.fieldset("innovation", label=_("Innovation"), fields=["innovation", "innovation_other"])
    innovation = schema.Set(
        title=_("Innovations"),
        value_type=schema.Choice(vocabulary=_vocabulary(INNOVATIONS)),
        required=False,
        default=set(),
    )
    innovation_other = schema.TextLine(title=_("Other innovations"), required=False, max_length=200)

    model.fieldset(
        "signatures",
        label=_("Signatures"),
        fields=["head", "reviewer", "preparer", "phone", "filled_on"],
    )
    head = _name(_("Head of the office"))
    reviewer = _name(_("Reviewed by"))
    preparer = _name(_("Prepared by"))
    phone = schema.TextLine(
        title=_("Contact phone"), required=False, max_length=50, constraint=check_phone
    )
    filled_on = schema.Date(title=_("Date filled in"), required=False)


FIELDS = schema.getFieldNamesInOrder(IWebsiteAnnualReportEntries)


def _store(create=False):
    annotations = IAnnotations(api.portal.get())
    store = annotations.get(ANNOTATION_KEY)
    if store is None and create:
        store = annotations[ANNOTATION_KEY] = PersistentMapping()
    return store


def get_entries(year):
    """The year's entries, every field present (None where not entered)."""
    stored = (_store() or {}).get(year) or {}
    return {name: stored.get(name) for name in FIELDS}


def years_entered():
    return sorted(_store() or {}, reverse=True)


def check(data, interpretations):
    """The rules between fields: ``[(field, message)]``. ``interpretations``
    is the number of interpretations the year's data counts."""
    errors = []

    def over(part, whole):
        return (data.get(part) or 0) > (data.get(whole) or 0)

    parts = sum(
        data.get(name) or 0
        for name in ("interpretation_materials", "interpretation_products", "media_articles")
    )
    if parts > interpretations:
        errors.append(
            (
                "interpretation_materials",
                _(
                    "Texts, products and media commentaries add up to ${parts}, more than the "
                    "${total} interpretations published this year.",
                    mapping={"parts": parts, "total": interpretations},
                ),
            )
        )
    if over("problems_fixed", "problems_found"):
        errors.append(
            ("problems_fixed", _("More problems corrected than found: check both numbers."))
        )
    if over("interview_answers", "interview_questions"):
        errors.append(
            ("interview_answers", _("More questions answered than asked: check both numbers."))
        )
    accounts = any(data.get(n) for n in ("weibo_name", "wechat_name", "other_media"))
    if accounts and not data.get("new_media"):
        errors.append(("new_media", _("Accounts are named below: tick this box, or remove them.")))
    return errors


def save_entries(year, data):
    """Store the year's entries (only the schema's fields). The caller checks them."""
    values = {name: data.get(name) for name in FIELDS}
    if values["innovation"] is not None:
        values["innovation"] = sorted(values["innovation"])
    _store(create=True)[year] = PersistentMapping(values)
