"""Settings of the pre-publish checks (registry prefix ``zhengwu.prepublish``,
control panel ``@@zhengwu-publishing-checks``).

The default word lists are short on purpose, each entry from a published
style rule an office can point to; administrators add their own. A line is
``expression`` or ``expression|what to write instead``.

Forbidden (submit refused), after 新华社《新闻报道中的禁用词》 (2016, its
涉港澳台 and 国际 sections) and the 涉台宣传用语 rules:
"台湾政府" (台湾当局), "台湾总统" (台湾地区领导人), "中华民国总统",
"北朝鲜" (朝鲜), "南朝鲜" (韩国), "两岸三地" (海峡两岸和香港、澳门),
"内地与台湾" (大陆与台湾), and the slur "残废人" (残疾人, its 社会生活 section).

To review (each reviewer acknowledges): "中华民国" (historical use only, in
quotation marks), "文革" (write “文化大革命”), the absolute claims the
Advertising Law (广告法 Article 9) forbids in promotion — "最佳", "最高级",
"顶级", "第一品牌" —, "据悉" (name the source: 新华社 sourcing rule), and
the contemptuous "弱智", "聋子", "瞎子" (新华社 禁用词, 社会生活).
"""

from zhengwu import _
from zope import schema
from zope.interface import Interface


FORBIDDEN = (
    "台湾政府|台湾当局",
    "台湾总统|台湾地区领导人",
    "中华民国总统|台湾地区领导人",
    "北朝鲜|朝鲜",
    "南朝鲜|韩国",
    "两岸三地|海峡两岸和香港、澳门",
    "内地与台湾|大陆与台湾",
    "残废人|残疾人",
)
TO_REVIEW = (
    "中华民国|仅用于1949年以前的历史表述，并加引号",
    "文革|“文化大革命”",
    "据悉|写明消息来源",
    "最佳|广告法禁用的绝对化用语",
    "最高级|广告法禁用的绝对化用语",
    "顶级|广告法禁用的绝对化用语",
    "第一品牌|广告法禁用的绝对化用语",
    "弱智|智力障碍者",
    "聋子|听力障碍者",
    "瞎子|视力障碍者",
)


class IPrepublishSettings(Interface):
    forbidden_expressions = schema.List(
        title=_("Forbidden expressions"),
        description=_(
            "One per line, optionally followed by | and what to write instead. "
            "An item containing one cannot be submitted."
        ),
        value_type=schema.TextLine(),
        default=list(FORBIDDEN),
        required=False,
    )
    review_expressions = schema.List(
        title=_("Expressions to review"),
        description=_(
            "One per line, optionally followed by | and a hint. Each reviewer "
            "must acknowledge them before approving."
        ),
        value_type=schema.TextLine(),
        default=list(TO_REVIEW),
        required=False,
    )
    personal_data = schema.Bool(
        title=_("Look for personal data"),
        description=_(
            "Resident ID numbers, mobile numbers and bank card numbers in the "
            "text and in attached PDF, DOCX and TXT files: a warning to every "
            "reviewer, and publishing only by a final approver with a reason."
        ),
        default=True,
        required=False,
    )
    refuse_backdated = schema.Bool(
        title=_("Refuse backdated publication dates"),
        description=_(
            "An item whose publication date lies before the day it was created "
            "cannot move on. Turn off only while importing documents "
            "published elsewhere before."
        ),
        default=True,
        required=False,
    )
