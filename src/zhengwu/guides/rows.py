"""Rows of a guide (materials, process steps) built from what an editor, a
REST client or an import file sends, with one readable error per bad cell.

Every channel hands ``build`` a list of dicts of cells. Cells may be typed
(JSON) or text (forms, CSV); files arrive already as blob files, or as
``Keep(n)``: the file of the guide's current row ``n`` in that column.
"""

from plone.namedfile.file import NamedBlobFile
from plone.namedfile.interfaces import INamedField
from zhengwu import _
from zhengwu.field_errors import problem
from zhengwu.files import blob_from_json
from zhengwu.i18n import translated
from zope.interface import Invalid
from zope.schema import getFieldsInOrder
from zope.schema import ValidationError
from zope.schema.interfaces import IBool
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import IInt
from zope.schema.interfaces import RequiredMissing


TRUE = {"1", "true", "yes", "on", "y", "是", "必要", "必须", "需要"}
FALSE = {"0", "false", "no", "off", "n", "否", "非必要", "不需要", "容缺", ""}
MAX_ROWS = 100
FILE_FORMAT = _(
    'a file is sent as {"data": "…", "encoding": "base64", "filename": "…", "content-type": "…"}'
)


class RowError(ValidationError):
    """A bad cell or row: ``doc()`` is one translated sentence naming both."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message

    def doc(self):
        return translated(self.message)


class Keep:
    """Keep the file the guide's row ``origin`` has in this column."""

    def __init__(self, origin):
        self.origin = origin


def columns(schema):
    return getFieldsInOrder(schema)


def cell_error(label, row, column, problem):
    return RowError(
        _(
            "${label}, row ${row}, ${column}: ${problem}",
            mapping={
                "label": translated(label),
                "row": row,
                "column": translated(column),
                "problem": problem,
            },
        )
    )


def row_error(label, row, problem):
    return RowError(
        _(
            "${label}, row ${row}: ${problem}",
            mapping={"label": translated(label), "row": row, "problem": problem},
        )
    )


def _convert(field, value):
    """A cell as the field's type; ValueError for text that is not one."""
    if value is None:
        return None
    if IBool.providedBy(field):
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in TRUE:
            return True
        if text in FALSE:
            return False
        raise ValueError(value)
    if isinstance(value, str):
        value = value.strip()
        if value == "":
            return None
    if IInt.providedBy(field):
        if isinstance(value, bool):
            raise ValueError(value)
        if isinstance(value, int):
            return value
        if isinstance(value, str) and value.isdigit():
            return int(value)
        raise ValueError(value)
    if INamedField.providedBy(field):
        if isinstance(value, NamedBlobFile):
            return value
        raise ValueError(value)
    if IChoice.providedBy(field) and isinstance(value, dict) and "token" in value:
        return value["token"]  # a Choice as plone.restapi serializes it
    if not isinstance(value, str):
        raise ValueError(value)
    return value


def build(schema, label, raw_rows, existing=()):
    """Row objects (of the class the schema names as its ``factory``) from
    ``raw_rows`` (dicts), or a RowError."""
    klass = schema.queryTaggedValue("factory")
    if not isinstance(raw_rows, (list, tuple)):
        raise RowError(
            translated(_("${label} must be a list of rows.", mapping={"label": translated(label)}))
        )
    if len(raw_rows) > MAX_ROWS:
        raise RowError(
            translated(
                _(
                    "${label}: at most ${max} rows.",
                    mapping={"label": translated(label), "max": MAX_ROWS},
                )
            )
        )
    fields = columns(schema)
    names = {name for name, _field in fields}
    out = []
    for number, raw in enumerate(raw_rows, start=1):
        if not isinstance(raw, dict):
            raise row_error(label, number, translated(_("each row is an object of columns")))
        unknown = sorted(set(raw) - names)
        if unknown:
            raise row_error(
                label, number, translated(_("unknown column ${name}", mapping={"name": unknown[0]}))
            )
        obj = klass()
        for name, field in fields:
            value = raw.get(name)
            if isinstance(value, Keep):
                previous = existing[value.origin] if 0 <= value.origin < len(existing) else None
                value = getattr(previous, name, None)
            try:
                value = _convert(field, value)
            except ValueError:
                raise cell_error(label, number, field.title, problem(field, None)) from None
            if value is None:
                value = field.default  # an absent cell takes the column's default
            try:
                if value is None and field.required:
                    raise RequiredMissing(name)
                setattr(obj, name, value)
            except ValidationError as error:
                raise cell_error(label, number, field.title, problem(field, error)) from None
        try:
            schema.validateInvariants(obj)
        except Invalid as error:
            message = error.args[0] if error.args else error
            raise row_error(label, number, translated(message)) from None
        out.append(obj)
    return out


def file_from_json(value, existing_file=None):
    """A file cell of a REST client: plone.restapi's file format; a dict
    without ``data`` (what GET returned) keeps ``existing_file``."""
    if value is None or isinstance(value, (NamedBlobFile, Keep)):
        return value
    if isinstance(value, dict) and "data" not in value:
        return existing_file
    return blob_from_json(value)
