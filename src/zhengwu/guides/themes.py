"""Service themes (服务主题): the life events of citizens and the business
events of enterprises by which the national platform groups its services.

The list ships here, translatable; administrators add their own in the
guides control panel with lines ``id 名称`` (``talent_housing 人才安居``).
Ids in use must never change: guides store them.
"""

from functools import lru_cache
from typing import NamedTuple
from zhengwu import _
from zhengwu.vocabulary_extensions import extension_lines
from zhengwu.vocabulary_extensions import line_pattern
from zhengwu.vocabulary_extensions import parse_extension


EXTENSION_RECORD = "zhengwu.guides.extra_themes"
LINE_RE = line_pattern(r"[a-z][a-z0-9_]{1,39}")

PERSONAL = "natural_person"
BUSINESS = "legal_person"

THEMES = (
    # 个人办事: life events
    ("birth_adoption", _("Birth and adoption"), PERSONAL),
    ("household_registration", _("Household registration"), PERSONAL),
    ("education", _("Education and research"), PERSONAL),
    ("employment", _("Employment and entrepreneurship"), PERSONAL),
    ("marriage", _("Marriage registration"), PERSONAL),
    ("military_service", _("Military service"), PERSONAL),
    ("veterans", _("Preferential treatment and pensions"), PERSONAL),
    ("social_security", _("Social security"), PERSONAL),
    ("housing", _("Housing"), PERSONAL),
    ("certificates", _("Certificates and permits"), PERSONAL),
    ("professional_qualifications", _("Professional qualifications"), PERSONAL),
    ("healthcare", _("Health care"), PERSONAL),
    ("transport", _("Transport"), PERSONAL),
    ("exit_entry", _("Exit and entry"), PERSONAL),
    ("consumer_rights", _("Consumer rights"), PERSONAL),
    ("justice_notary", _("Justice and notarization"), PERSONAL),
    ("ethnicity_religion", _("Ethnicity and religion"), PERSONAL),
    ("culture_sports", _("Culture and sports"), PERSONAL),
    ("retirement", _("Retirement"), PERSONAL),
    ("funeral", _("Death and funerals"), PERSONAL),
    # 法人办事: business events
    ("business_start", _("Starting a business"), BUSINESS),
    ("establishment_change", _("Establishment and changes"), BUSINESS),
    ("operating_permits", _("Operating permits"), BUSINESS),
    ("qualification", _("Qualification certification"), BUSINESS),
    ("annual_inspection", _("Annual inspection"), BUSINESS),
    ("tax_finance", _("Tax and finance"), BUSINESS),
    ("human_resources", _("Human resources"), BUSINESS),
    ("investment_approval", _("Investment approval"), BUSINESS),
    ("financing", _("Financing and credit"), BUSINESS),
    ("trade", _("Commerce and trade"), BUSINESS),
    ("customs", _("Customs and ports"), BUSINESS),
    ("agriculture", _("Agriculture, forestry and fisheries"), BUSINESS),
    ("planning_construction", _("Planning and construction"), BUSINESS),
    ("work_safety", _("Work safety and fire protection"), BUSINESS),
    ("intellectual_property", _("Intellectual property"), BUSINESS),
    ("environment", _("Environmental protection"), BUSINESS),
    ("business_closure", _("Closing a business"), BUSINESS),
    ("other", _("Other"), None),
)


class Theme(NamedTuple):
    id: str
    title: object  # a translatable message, or the text an administrator typed
    audience: str | None  # natural_person, legal_person or None for both


@lru_cache(maxsize=8)
def _merged(extension_lines):
    themes = {id_: Theme(id_, title, audience) for id_, title, audience in THEMES}
    for line in extension_lines:
        try:
            id_, title = parse_extension(line, LINE_RE)
        except ValueError:
            continue  # the control panel refuses such lines; never break a page
        themes.setdefault(id_, Theme(id_, title, None))
    # 其他 stays last.
    return tuple(sorted(themes.values(), key=lambda t: t.id == "other"))


def all_themes():
    return _merged(extension_lines(EXTENSION_RECORD))


def themes_by_id():
    return {theme.id: theme for theme in all_themes()}
