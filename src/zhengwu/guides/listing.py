"""One guide as an entry of the index (page and ``@service-guides``), read
from the catalog's metadata: listing a page never wakes a guide."""

from zhengwu.guides import themes
from zhengwu.guides.kinds import ITEM_TYPES
from zhengwu.guides.kinds import SERVICE_OBJECTS
from zhengwu.i18n import translated


class EntryWriter:
    def __init__(self, request, organs):
        self.request = request
        self.organs = organs
        self.themes = themes.themes_by_id()
        self.item_types = dict(ITEM_TYPES)
        self.service_objects = dict(SERVICE_OBJECTS)

    def entry(self, brain):
        item_type = brain.item_type
        return {
            "@id": brain.getURL(),
            "title": brain.Title,
            "item_code": brain.item_code or "",
            "item_type": {
                "token": item_type,
                "title": translated(self.item_types.get(item_type), self.request),
            },
            "implementing_agency": {
                "token": brain.implementing_agency,
                "title": self.organs.get(brain.implementing_agency, ""),
            },
            "service_object": [
                {"token": v, "title": translated(self.service_objects.get(v), self.request)}
                for v in brain.service_object or ()
            ],
            "themes": [
                {
                    "token": v,
                    "title": translated(getattr(self.themes.get(v), "title", v), self.request),
                }
                for v in brain.themes or ()
            ],
            "promised_limit_days": brain.promised_limit_days,
            "visits_required": brain.visits_required,
            "online_url": brain.online_url or "",
        }
