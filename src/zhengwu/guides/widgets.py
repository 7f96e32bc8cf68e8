"""One table for a list of rows (a guide's materials, its process steps).

Each row is a line of inputs, one per column of the row schema; files show
the current file with a box to remove it and an input to replace it. Blank
rows are ignored, a row's "No." orders it, and "Add a row" clones a blank
row in the browser (without script, saving and editing again adds more).
Rows are built and checked by ``rows.build``, as for REST and imports.
"""

from Acquisition import aq_base
from plone.namedfile.file import NamedBlobFile
from plone.namedfile.interfaces import INamedField
from plone.namedfile.utils import safe_basename
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from z3c.form.converter import BaseDataConverter
from z3c.form.interfaces import IFieldWidget
from z3c.form.interfaces import IFormLayer
from z3c.form.interfaces import IWidget
from z3c.form.interfaces import NO_VALUE
from z3c.form.widget import FieldWidget
from z3c.form.widget import Widget
from zhengwu.guides import rows
from zope.component import adapter
from zope.component import getUtility
from zope.interface import implementer
from zope.schema.interfaces import IBool
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import IInt
from zope.schema.interfaces import IList
from zope.schema.interfaces import IText
from zope.schema.interfaces import ITextLine
from zope.schema.interfaces import IVocabularyFactory


class IRowsWidget(IWidget):
    """A table of rows for a List of Object field."""


def _is_upload(value):
    return bool(getattr(value, "filename", None)) and hasattr(value, "read")


@implementer(IRowsWidget)
class RowsWidget(Widget):
    klass = "rows-widget"
    template = ViewPageTemplateFile("templates/rows_widget.pt")

    @property
    def row_schema(self):
        return self.field.value_type.schema

    def existing(self):
        """The rows the content holds now (none in an add form)."""
        interface = self.field.interface
        if self.context is None or interface is None or not interface.providedBy(self.context):
            return ()
        return tuple(getattr(aq_base(self.context), self.field.__name__, None) or ())

    def extract(self, default=NO_VALUE):
        count = self.request.get(f"{self.name}.count")
        if count is None:
            return default
        try:
            count = min(int(count), rows.MAX_ROWS + 20)
        except ValueError:
            return default
        found = []
        for i in range(count):
            prefix = f"{self.name}.{i}"
            if self.request.get(f"{prefix}.delete"):
                continue
            raw, blank = {}, True
            for name, field in rows.columns(self.row_schema):
                key = f"{prefix}.{name}"
                value = self.request.get(key)
                if IBool.providedBy(field):
                    raw[name] = bool(value)
                elif INamedField.providedBy(field):
                    keep = self.request.get(f"{key}.keep")
                    if _is_upload(value):
                        value.seek(0)
                        raw[name] = NamedBlobFile(
                            data=value.read(), filename=safe_basename(value.filename)
                        )
                        blank = False
                    elif keep not in (None, "") and not self.request.get(f"{key}.remove"):
                        raw[name] = rows.Keep(int(keep))
                        blank = False
                    else:
                        raw[name] = None
                elif IChoice.providedBy(field):
                    raw[name] = value or None
                else:
                    raw[name] = value if isinstance(value, str) else ""
                    if raw[name].strip() and not IInt.providedBy(field):
                        blank = False
            if blank:
                continue
            position = self.request.get(f"{prefix}.position", "")
            order = int(position) if str(position).strip().isdigit() else 10**6 + i
            found.append((order, i, raw))
        return [raw for _order, _i, raw in sorted(found, key=lambda e: e[:2])]

    # Rendering

    def render(self):
        return self.template()

    def columns(self):
        out = []
        for name, field in rows.columns(self.row_schema):
            kind = "text"
            if IBool.providedBy(field):
                kind = "bool"
            elif INamedField.providedBy(field):
                kind = "file"
            elif IChoice.providedBy(field):
                kind = "choice"
            elif IInt.providedBy(field):
                kind = "int"
            elif IText.providedBy(field) and not ITextLine.providedBy(field):
                kind = "textarea"
            out.append(
                {
                    "name": name,
                    "field": field,
                    "kind": kind,
                    "title": field.title,
                    "required": field.required and kind != "bool",
                    "choices": self._choices(field) if kind == "choice" else (),
                }
            )
        return out

    def _choices(self, field):
        factory = getUtility(IVocabularyFactory, field.vocabularyName)
        return [(term.value, term.title) for term in factory(self.context)]

    def rows(self):
        """Rows to show: the value (from the content or the submitted form),
        then blank rows."""
        value = self.value if isinstance(self.value, list) else []
        shown = []
        for raw in value:
            cells = {}
            for column in self.columns():
                cell = raw.get(column["name"])
                if column["kind"] == "file":
                    cell = self._file_cell(cell)
                elif column["kind"] == "bool":
                    cell = bool(cell)
                else:
                    cell = "" if cell is None else str(cell)
                cells[column["name"]] = cell
            shown.append(cells)
        blanks = 3 if not shown else 1
        for _i in range(blanks):
            shown.append(self.blank_row())
        return shown

    def blank_row(self):
        cells = {}
        for column in self.columns():
            default = column["field"].default
            if column["kind"] == "file":
                cells[column["name"]] = None
            elif column["kind"] == "bool":
                cells[column["name"]] = bool(default)
            elif column["kind"] == "int":
                cells[column["name"]] = ""  # a blank row stays blank
            else:
                cells[column["name"]] = "" if default is None else str(default)
        return cells

    def _file_cell(self, cell):
        """``{"origin", "row"}`` of a file kept from the content: the index
        and the row object it belongs to (its file is read per column)."""
        if isinstance(cell, rows.Keep):
            existing = self.existing()
            row = existing[cell.origin] if 0 <= cell.origin < len(existing) else None
            return {"origin": cell.origin, "row": row}
        return None

    def file_name(self, cell, name):
        if not cell or cell.get("row") is None:
            return None
        blob = getattr(cell["row"], name, None)
        return getattr(blob, "filename", None)


@adapter(IList, IFormLayer)
@implementer(IFieldWidget)
def RowsFieldWidget(field, request):
    return FieldWidget(field, RowsWidget(request))


@adapter(IList, IRowsWidget)
class RowsConverter(BaseDataConverter):
    """Rows of objects ⇄ the widget's list of dicts of cells."""

    def toWidgetValue(self, value):
        if not value:
            return []
        out = []
        for origin, obj in enumerate(value):
            raw = {}
            for name, field in rows.columns(self.field.value_type.schema):
                cell = getattr(obj, name, None)
                if INamedField.providedBy(field):
                    cell = rows.Keep(origin) if cell is not None else None
                raw[name] = cell
            out.append(raw)
        return out

    def toFieldValue(self, value):
        if not value:
            return []
        return rows.build(
            self.field.value_type.schema, self.field.title, value, self.widget.existing()
        )
