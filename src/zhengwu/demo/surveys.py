"""A demo survey (part of ``zhengwu:demo``): 政务服务满意度调查 in 互动交流,
published through the three reviews, with answers as the public gives them
and its summary published by the 办公室's final approver."""

from datetime import timedelta
from plone import api
from zhengwu import clock
from zhengwu.demo.publishing import publish
from zhengwu.participation import survey as surveys


SURVEY_ID = "myddc"
FIELDS_MODEL = """<model xmlns="http://namespaces.plone.org/supermodel/schema">
  <schema>
    <field name="satisfaction" type="zope.schema.Choice">
      <title>您对本市政务服务的总体评价</title>
      <values>
        <element>非常满意</element>
        <element>满意</element>
        <element>基本满意</element>
        <element>不满意</element>
      </values>
    </field>
    <field name="channels" type="zope.schema.Set">
      <title>您通常通过哪些渠道办事（可多选）</title>
      <required>False</required>
      <value_type type="zope.schema.Choice">
        <values>
          <element>政府网站</element>
          <element>政务服务中心窗口</element>
          <element>移动端</element>
          <element>12345热线</element>
        </values>
      </value_type>
    </field>
    <field name="suggestion" type="zope.schema.Text">
      <title>您的意见和建议</title>
      <required>False</required>
    </field>
  </schema>
</model>
"""
# satisfaction, channels, suggestion
ANSWERS = (
    ("满意", {"政府网站", "移动端"}, "希望更多事项能够全程网办。"),
    ("非常满意", {"政务服务中心窗口"}, ""),
    ("基本满意", {"政府网站", "12345热线"}, "部分办事指南的材料清单不够清楚。"),
    ("满意", {"移动端"}, ""),
    ("不满意", {"政务服务中心窗口"}, "周末排队时间较长。"),
    ("满意", {"政府网站"}, ""),
)


def create(root):
    section = root["hdjl"]
    if SURVEY_ID in section:
        return section[SURVEY_ID]
    today = clock.today()
    survey = api.content.create(
        container=section,
        type="EasyForm",
        id=SURVEY_ID,
        title="2026年政务服务满意度调查",
        description="了解群众和企业对本市政务服务的评价，问卷匿名填写，结果汇总后公开。",
    )
    survey.fields_model = FIELDS_MODEL
    survey.opens = today - timedelta(days=20)
    survey.closes = today + timedelta(days=10)
    publish(survey)
    for satisfaction, channels, suggestion in ANSWERS:
        values = {"satisfaction": satisfaction, "channels": channels, "suggestion": suggestion}
        for _name, action in surveys.saving_actions(survey):
            action.onSuccess(values, None)
    surveys.set_summary_published(survey, True, "approver")
    return survey
