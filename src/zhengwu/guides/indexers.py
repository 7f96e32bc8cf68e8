"""Catalog indexers of service guides: the facets, the implementation code
and the full text. Only guides provide them, so the facet indexes hold
nothing else."""

from plone.indexer import indexer
from zhengwu.guides.guide import IServiceGuide
from zhengwu.indexing import metadata
from zhengwu.search.attachments import attachment_text


@indexer(IServiceGuide)
def guide_theme(obj):
    return tuple(obj.themes or ()) or None


@indexer(IServiceGuide)
def guide_organ(obj):
    return obj.implementing_agency


@indexer(IServiceGuide)
def guide_item_type(obj):
    return obj.item_type


@indexer(IServiceGuide)
def guide_service_object(obj):
    return tuple(obj.service_object or ()) or None


@indexer(IServiceGuide)
def item_code(obj):
    return obj.item_code or None


item_type = metadata(IServiceGuide, "item_type")
implementing_agency = metadata(IServiceGuide, "implementing_agency")
themes = metadata(IServiceGuide, "themes")
service_object = metadata(IServiceGuide, "service_object")
promised_limit_days = metadata(IServiceGuide, "promised_limit_days")
visits_required = metadata(IServiceGuide, "visits_required")
online_url = metadata(IServiceGuide, "online_url")


@indexer(IServiceGuide)
def searchable_text(obj):
    """What a citizen types to find a service: its name and code, the
    conditions, the materials and steps, the basis and where to go."""
    parts = [obj.title, obj.item_code, obj.conditions, obj.legal_basis, obj.location, obj.faq]
    parts += [m.name for m in obj.materials or ()]
    parts += [s.title for s in obj.process or ()]
    # The blank forms and samples of the materials (zhengwu.search.attachments).
    files = [f for m in obj.materials or () for f in (m.blank_form, m.sample)]
    parts.append(attachment_text(files))
    return " ".join(p for p in parts if p)
