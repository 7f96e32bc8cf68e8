"""Bulk import of service guides, the way departments hand over their item
lists: a CSV file (the columns named by field id or by their Chinese
labels) or a JSON list of guides in the REST format.

Each row is checked by the same deserializer as ``POST`` over REST and
saved inside its own savepoint: a row is created, updated or refused whole,
never half. A row whose implementation code (``item_code``) matches a
draft guide in the folder updates that draft; a guide under review or
published changes only through a working copy, so such rows are refused.
"""

from plone import api
from plone.restapi.interfaces import IDeserializeFromJson
from plone.restapi.services.content.utils import add
from plone.restapi.services.content.utils import create
from zExceptions import BadRequest
from zExceptions import Unauthorized
from zhengwu import _
from zhengwu import rest
from zhengwu.guides import themes
from zhengwu.guides.kinds import ITEM_TYPES
from zhengwu.guides.kinds import MATERIAL_FORMATS
from zhengwu.guides.kinds import SERVICE_OBJECTS
from zhengwu.site.department import organ_titles
from zope.component import getMultiAdapter
from zope.component import getUtility
from zope.event import notify
from zope.i18n import translate
from zope.lifecycleevent import ObjectCreatedEvent
from zope.schema.interfaces import IVocabularyFactory
import codecs
import csv
import io
import json
import re
import transaction


MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 2000

# CSV headers: the field id, its Chinese label, or its English label.
HEADERS = {
    "item_name": ("事项名称", "Item name", "title"),
    "item_code": ("实施编码", "Implementation code"),
    "item_type": ("事项类型", "Item type"),
    "implementing_agency": ("实施主体", "Implementing agency"),
    "service_object": ("服务对象", "Service object"),
    "themes": ("服务主题", "Service themes"),
    "legal_basis": ("设定依据", "Legal basis"),
    "conditions": ("受理条件", "申请条件", "Conditions"),
    "materials": ("申请材料", "办理材料", "Materials"),
    "process": ("办理流程", "Process"),
    "statutory_limit_days": ("法定办结时限", "Statutory time limit"),
    "promised_limit_days": ("承诺办结时限", "Promised time limit"),
    "fee": ("收费标准", "Fee"),
    "fee_basis": ("收费依据", "Basis of the fee"),
    "location": ("办理地点", "Location"),
    "office_hours": ("办理时间", "Service hours"),
    "consult_phone": ("咨询电话", "Inquiry phone"),
    "complaint_phone": ("监督投诉电话", "投诉电话", "Complaint phone"),
    "online_url": ("网上办理地址", "Online service address"),
    "visits_required": ("到现场次数", "Visits required"),
    "faq": ("常见问题", "Frequently asked questions"),
    "last_reviewed": ("最近核对日期", "Last checked"),
}
LIST_SEPARATORS = re.compile(r"\s*[、，,；;|]\s*")
CELL_SEPARATOR = re.compile(r"\s*[|｜]\s*")
INTEGERS = ("statutory_limit_days", "promised_limit_days", "visits_required")
CHOICES = {
    "item_type": "zhengwu.vocabularies.ServiceItemTypes",
    "implementing_agency": "zhengwu.vocabularies.Departments",
    "service_object": "zhengwu.vocabularies.ServiceObjects",
    "themes": "zhengwu.vocabularies.ServiceThemes",
}
MATERIAL_COLUMNS = ("name", "originals", "copies", "format", "required", "source")


class FileRefused(rest.BadRequest):
    """The whole file cannot be read: ``message`` says why, in one sentence
    (over REST, a 400 naming the field ``file``)."""

    def __init__(self, message):
        super().__init__(message, "file")


def decode(data, encoding=None):
    """``(text, encoding)`` of an uploaded file. Without an encoding: UTF-8
    (with or without BOM), else GBK/GB18030, which Excel writes on Chinese
    Windows."""
    if len(data) > MAX_BYTES:
        raise FileRefused(_("The file is larger than 10 MB; split it into several files."))
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise FileRefused(
                _("Unknown encoding ${encoding}.", mapping={"encoding": encoding})
            ) from None
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError as error:
            raise FileRefused(
                _(
                    "The file is not valid ${encoding} text (byte ${position}); "
                    "choose the encoding it was saved in, such as GBK.",
                    mapping={"encoding": encoding, "position": error.start},
                )
            ) from None
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="strict"), "utf-8"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "utf-16"
    for candidate in ("utf-8", "gb18030"):
        try:
            return data.decode(candidate), candidate
        except UnicodeDecodeError:
            continue
    raise FileRefused(
        _("The file is neither UTF-8 nor GBK text; save it as CSV (UTF-8) and try again.")
    )


class Lookup:
    """Tokens of the closed lists, found by token or by title (zh or en)."""

    def __init__(self, request):
        def titled(pairs):
            out = {}
            for token, title in pairs:
                out[token] = token
                out[str(title)] = token
                for language in ("zh_CN", "en"):
                    out[translate(title, target_language=language)] = token
            return out

        self.item_type = titled(ITEM_TYPES)
        self.service_object = titled(SERVICE_OBJECTS)
        self.format = titled(MATERIAL_FORMATS)
        self.themes = titled((t.id, t.title) for t in themes.all_themes())
        organs = organ_titles()
        self.implementing_agency = {uid: uid for uid in organs}
        self.implementing_agency.update({title: uid for uid, title in organs.items()})


def _token(table, value):
    # An unknown value is passed on as it is: the field's vocabulary refuses it
    # with the message REST clients get.
    return table.get(value.strip(), value.strip())


def csv_rows(text, request):
    """Guides (dicts in the REST format) from CSV text; ``FileRefused`` when
    the header names no known column."""
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader)
    except StopIteration:
        raise FileRefused(_("The file is empty.")) from None
    except csv.Error as error:
        raise FileRefused(
            _("The file is not CSV: ${error}", mapping={"error": str(error)})
        ) from None
    names = {}
    for field, labels in HEADERS.items():
        for label in (field, *labels):
            names[label.strip().lower()] = field
    columns = [names.get(cell.strip().lstrip("\ufeff").lower()) for cell in header]
    unknown = [
        cell for cell, name in zip(header, columns, strict=False) if name is None and cell.strip()
    ]
    if "item_name" not in columns:
        raise FileRefused(
            _(
                "The first row must name the columns, with at least 事项名称 (item_name); "
                "unknown columns: ${unknown}. If the file was saved in another "
                "encoding, choose it.",
                mapping={"unknown": "、".join(unknown[:5]) or "—"},
            )
        )
    lookup = Lookup(request)
    out = []
    try:
        for cells in reader:
            if not any(cell.strip() for cell in cells):
                continue
            raw = {}
            for name, cell in zip(columns, cells, strict=False):
                if name is not None and cell.strip():
                    raw[name] = _cell(name, cell, lookup)
            out.append(raw)
            if len(out) > MAX_ROWS:
                raise FileRefused(_("At most ${max} guides per file.", mapping={"max": MAX_ROWS}))
    except csv.Error as error:
        raise FileRefused(
            _("The file is not CSV: ${error}", mapping={"error": str(error)})
        ) from None
    return out


def _cell(name, cell, lookup):
    cell = cell.strip()
    if name in ("service_object", "themes"):
        table = getattr(lookup, name)
        return [_token(table, v) for v in LIST_SEPARATORS.split(cell) if v]
    if name in ("item_type", "implementing_agency"):
        return _token(getattr(lookup, name), cell)
    if name in INTEGERS:
        return int(cell) if cell.isdigit() else cell  # text: the field refuses it
    if name == "materials":
        # One per line: 名称|原件|复印件|形式|必要|来源 (all but the name optional).
        rows = []
        for line in cell.splitlines():
            if line.strip():
                parts = CELL_SEPARATOR.split(line.strip())
                row = dict(zip(MATERIAL_COLUMNS, parts, strict=False))
                if "format" in row:
                    row["format"] = _token(lookup.format, row["format"])
                rows.append(row)
        return rows
    if name == "process":
        # One step per line: 标题|说明 (or 标题：说明).
        steps = []
        for line in cell.splitlines():
            if line.strip():
                parts = re.split(r"\s*[|｜：:]\s*", line.strip(), maxsplit=1)
                description = parts[1] if len(parts) > 1 else ""
                steps.append({"title": parts[0], "description": description})
        return steps
    return cell


def json_rows(text):
    try:
        data = json.loads(text)
    except ValueError as error:
        raise FileRefused(
            _("The file is not valid JSON: ${error}", mapping={"error": str(error)})
        ) from None
    return guide_list(data)


def guide_list(data):
    """The guides of a parsed JSON document: a list, or ``{"guides": [...]}``."""
    if isinstance(data, dict):
        data = data.get("guides")
    if not isinstance(data, list):
        raise FileRefused(_('A JSON file holds a list of guides (or {"guides": [...]}).'))
    if len(data) > MAX_ROWS:
        raise FileRefused(_("At most ${max} guides per file.", mapping={"max": MAX_ROWS}))
    return data


def read(data, filename, encoding=None, request=None):
    """``(guides, encoding)`` from an uploaded file's bytes."""
    text, used = decode(data, encoding)
    is_json = (filename or "").lower().endswith(".json") or text.lstrip()[:1] in ("[", "{")
    rows = json_rows(text) if is_json else csv_rows(text, request)
    return rows, used


def _errors(error, request):
    """``[{"field", "message"}]`` of a refused row."""
    details = error.args[0] if error.args else error
    if isinstance(details, list):
        return [rest.field_error(e.get("field"), e.get("message"), request) for e in details]
    if isinstance(details, dict):
        return [rest.field_error(None, details.get("message", str(details)), request)]
    return [rest.field_error(None, details, request)]


class Importer:
    """Imports guides into ``folder``, row by row."""

    def __init__(self, folder, request):
        self.folder = folder
        self.request = request
        self.seen_codes = set()

    def existing(self, code):
        catalog = api.portal.get_tool("portal_catalog")
        found = catalog.unrestrictedSearchResults(
            portal_type="ServiceGuide",
            item_code=code,
            path={"query": "/".join(self.folder.getPhysicalPath()), "depth": 1},
        )
        return found[0]._unrestrictedGetObject() if found else None

    def run(self, guides):
        results = []
        for number, raw in enumerate(guides, start=1):
            results.append(self.row(number, raw))
        return {
            "created": sum(1 for r in results if r["status"] == "created"),
            "updated": sum(1 for r in results if r["status"] == "updated"),
            "refused": sum(1 for r in results if r["status"] == "refused"),
            "rows": results,
        }

    def _refuse(self, result, message, field=None):
        result["status"] = "refused"
        result["errors"] = [rest.field_error(field, message, self.request)]
        return result

    def row(self, number, raw):
        result = {"row": number, "status": None, "errors": []}
        if not isinstance(raw, dict):
            return self._refuse(result, _("Each guide is an object of fields."))
        raw = dict(raw)
        raw.pop("@type", None)
        if "item_name" not in raw and "title" in raw:
            raw["item_name"] = raw["title"]
        raw.pop("title", None)
        result["title"] = raw.get("item_name") if isinstance(raw.get("item_name"), str) else ""
        code = raw.get("item_code")
        result["item_code"] = code if isinstance(code, str) else ""
        guide = None
        if isinstance(code, str) and code.strip():
            code = code.strip()
            if code in self.seen_codes:
                return self._refuse(
                    result,
                    _(
                        "The implementation code ${code} appears twice in the file.",
                        mapping={"code": code},
                    ),
                    "item_code",
                )
            self.seen_codes.add(code)
            guide = self.existing(code)
            if guide is not None:
                if api.content.get_state(guide) != "private":
                    return self._refuse(
                        result,
                        _(
                            "The guide with the code ${code} is under review or published; "
                            "change it through a working copy.",
                            mapping={"code": code},
                        ),
                        "item_code",
                    )
                if not api.user.has_permission("Modify portal content", obj=guide):
                    return self._refuse(
                        result,
                        _(
                            "You may not change the guide with the code ${code}.",
                            mapping={"code": code},
                        ),
                        "item_code",
                    )
        unknown = self._unknown_choices(raw)
        if unknown:
            result["status"] = "refused"
            result["errors"] = unknown
            return result
        savepoint = transaction.savepoint()
        try:
            if guide is None:
                obj = create(self.folder, "ServiceGuide")
                self._deserialize(obj, raw, create=True)
                # As plone.restapi's POST does: a UUID before it is added
                # (the language subscribers join it to a translation group).
                notify(ObjectCreatedEvent(obj))
                obj = add(self.folder, obj, rename=True)
                result["status"] = "created"
            else:
                obj = self._deserialize(guide, raw, create=False)
                result["status"] = "updated"
        except BadRequest as error:
            savepoint.rollback()
            result["status"] = "refused"
            result["errors"] = _errors(error, self.request)
            return result
        except Unauthorized:
            savepoint.rollback()
            return self._refuse(result, _("You may not add service guides here."))
        result["@id"] = obj.absolute_url()
        result["title"] = obj.title
        return result

    def _unknown_choices(self, raw):
        """Values outside a closed list, each named (the vocabulary's own
        error would only say that a constraint is not satisfied)."""
        errors = []
        for name, field in CHOICES.items():
            value = raw.get(name)
            if value in (None, ""):
                continue
            values = value if isinstance(value, list) else [value]
            vocabulary = getUtility(IVocabularyFactory, field)(self.folder)
            for entry in values:
                if not isinstance(entry, str) or entry not in vocabulary:
                    message = _(
                        "${value} is not one of the choices of ${field}.",
                        mapping={"value": str(entry), "field": name},
                    )
                    errors.append(rest.field_error(name, message, self.request))
        return errors

    def _deserialize(self, obj, raw, create):
        deserializer = getMultiAdapter((obj, self.request), IDeserializeFromJson)
        return deserializer(validate_all=True, data=raw, create=create)
