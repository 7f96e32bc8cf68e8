"""Surveys for the tests: an easyform form with the survey behavior, three
questions (a choice, several choices, an open one), in the test department,
moved through the reviews like any item."""

from datetime import date
from plone import api
from tests.helpers import make_item
from zhengwu.participation import survey as surveys
import transaction


FIELDS_MODEL = """<model xmlns="http://namespaces.plone.org/supermodel/schema">
  <schema>
    <field name="satisfaction" type="zope.schema.Choice">
      <title>您对办事服务是否满意</title>
      <values>
        <element>满意</element>
        <element>基本满意</element>
        <element>不满意</element>
      </values>
    </field>
    <field name="channels" type="zope.schema.Set">
      <title>您通过哪些渠道办事</title>
      <required>False</required>
      <value_type type="zope.schema.Choice">
        <values>
          <element>网站</element>
          <element>窗口</element>
          <element>电话</element>
        </values>
      </value_type>
    </field>
    <field name="suggestion" type="zope.schema.Text">
      <title>意见建议</title>
      <required>False</required>
    </field>
    <field name="phone" type="zope.schema.TextLine">
      <title>联系电话</title>
      <required>False</required>
    </field>
  </schema>
</model>
"""


def make_survey(portal, state="published", opens=date(2026, 6, 1), closes=date(2026, 6, 30)):
    """A survey in ``state`` (the product's clock stands at 2026-06-15)."""
    survey = make_item(portal, "private", portal_type="EasyForm", title="政务服务满意度调查")
    survey.fields_model = FIELDS_MODEL
    survey.opens, survey.closes = opens, closes
    from tests.helpers import PATH_TO

    for transition, userid in PATH_TO[state]:
        with api.env.adopt_user(username=userid):
            api.content.transition(survey, transition=transition, comment="测试")
    return survey


def answer(survey, **values):
    """Store an answer as the save-data adapter does (no client counted)."""
    for _name, action in surveys.saving_actions(survey):
        action.onSuccess(dict(values), None)


def publish_summary(survey):
    surveys.state(survey)["summary"] = {"by": "chain_final", "on": "2026-07-01T10:00:00+08:00"}


def committed(obj):
    transaction.commit()
    return obj
