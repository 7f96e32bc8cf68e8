"""REST JSON of service guides: materials and process steps as lists of
objects (files as downloads), read back the same way.

A client may PATCH the rows it got from GET: a file cell without ``data``
keeps the file the guide has in that row and column; ``null`` removes it;
``{"data", "encoding", "filename", "content-type"}`` uploads a new one.
"""

from plone.namedfile.interfaces import INamedField
from plone.restapi.deserializer.dxfields import CollectionFieldDeserializer
from plone.restapi.interfaces import IFieldDeserializer
from plone.restapi.interfaces import IFieldSerializer
from plone.restapi.interfaces import ISerializeToJson
from plone.restapi.serializer.dxcontent import SerializeToJson
from plone.restapi.serializer.dxfields import CollectionFieldSerializer
from zhengwu.guides import rows
from zhengwu.guides.guide import IServiceGuide
from zhengwu.i18n import translated
from zhengwu.interfaces import IZhengwuLayer
from zope.component import adapter
from zope.component import getUtility
from zope.interface import implementer
from zope.interface import Interface
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import IList
from zope.schema.interfaces import IObject
from zope.schema.interfaces import IVocabularyFactory


def _is_rows(field):
    return IObject.providedBy(field.value_type)


def file_entry(guide, row, column, blob):
    if blob is None:
        return None
    return {
        "filename": blob.filename,
        "content-type": blob.contentType,
        "size": blob.getSize(),
        "download": f"{guide.absolute_url()}/@@material-file/{row}/{column}/{blob.filename}",
    }


def row_entries(guide, field, request):
    """The rows of ``field`` as JSON-ready dicts."""
    out = []
    columns = rows.columns(field.value_type.schema)
    for number, obj in enumerate(getattr(guide, field.__name__, None) or ()):
        entry = {}
        for name, column in columns:
            value = getattr(obj, name, None)
            if INamedField.providedBy(column):
                value = file_entry(guide, number, name, value)
            elif IChoice.providedBy(column) and value is not None:
                terms = getUtility(IVocabularyFactory, column.vocabularyName)(guide)
                title = terms.getTerm(value).title if value in terms else value
                value = {"token": value, "title": translated(title, request)}
            entry[name] = value
        out.append(entry)
    return out


@implementer(IFieldSerializer)
@adapter(IList, IServiceGuide, Interface)
class RowsFieldSerializer(CollectionFieldSerializer):
    def __call__(self):
        if _is_rows(self.field):
            return row_entries(self.context, self.field, self.request)
        return super().__call__()


@implementer(IFieldDeserializer)
@adapter(IList, IServiceGuide, IZhengwuLayer)
class RowsFieldDeserializer(CollectionFieldDeserializer):
    def __call__(self, value):
        if not _is_rows(self.field):
            return super().__call__(value)
        if value is None:
            value = []
        schema = self.field.value_type.schema
        existing = tuple(getattr(self.context, self.field.__name__, None) or ())
        if isinstance(value, list):
            value = [self._files(schema, number, raw, existing) for number, raw in enumerate(value)]
        return rows.build(schema, self.field.title, value, existing)

    def _files(self, schema, number, raw, existing):
        if not isinstance(raw, dict):
            return raw  # rows.build says what is wrong
        raw = dict(raw)
        for name, column in rows.columns(schema):
            if not INamedField.providedBy(column) or name not in raw:
                continue
            current = getattr(existing[number], name, None) if number < len(existing) else None
            try:
                raw[name] = rows.file_from_json(raw[name], current)
            except ValueError:
                raise rows.cell_error(
                    self.field.title,
                    number + 1,
                    column.title,
                    translated(rows.FILE_FORMAT, self.request),
                ) from None
        return raw


@implementer(ISerializeToJson)
@adapter(IServiceGuide, IZhengwuLayer)
class SerializeGuideToJson(SerializeToJson):
    """Adds ``title`` (the item name) for clients that list any content."""

    def __call__(self, version=None, include_items=True):
        result = super().__call__(version=version, include_items=include_items)
        result["title"] = self.context.title
        return result
