"""The closed lists of a service guide: item types (事项类型), service objects
(服务对象) and the formats of a material (GB/T 39046-2020)."""

from zhengwu import _


ITEM_TYPES = (
    ("administrative_license", _("Administrative license")),  # 行政许可
    ("administrative_payment", _("Administrative payment")),  # 行政给付
    ("administrative_confirmation", _("Administrative confirmation")),  # 行政确认
    ("administrative_inspection", _("Administrative inspection")),  # 行政检查
    ("administrative_reward", _("Administrative reward")),  # 行政奖励
    ("administrative_adjudication", _("Administrative adjudication")),  # 行政裁决
    ("administrative_levy", _("Administrative levy")),  # 行政征收
    ("other_power", _("Other administrative power")),  # 其他行政权力
    ("public_service", _("Public service")),  # 公共服务
)

SERVICE_OBJECTS = (
    ("natural_person", _("Natural persons")),  # 自然人
    ("legal_person", _("Legal persons")),  # 法人
)

MATERIAL_FORMATS = (
    ("paper", _("Paper")),
    ("electronic", _("Electronic")),
    ("both", _("Paper and electronic")),
)
