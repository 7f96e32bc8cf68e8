"""The demo's English site (``/en``): a home page, the four sections and the
news, each registered as the translation of its Chinese original
(plone.app.multilingual), so that the English switch leads somewhere real
and the translation menu links the two versions."""

from plone import api
from plone.app.multilingual.interfaces import ITranslationManager
from plone.app.textfield.value import RichTextValue
from plone.base.interfaces import ILanguage
from zhengwu.demo.publishing import publish


# Chinese section id → English id, title, description (same column type).
SECTIONS = {
    "xxgk": (
        "government-information",
        "Government information",
        "The catalogue of government information, disclosure on request and annual reports.",
    ),
    "bsfw": (
        "services",
        "Services",
        "Service guides: administrative licences and public services by theme and department.",
    ),
    "hdjl": (
        "interaction",
        "Interaction",
        "The mayor's mailbox, department mailboxes and selected answers.",
    ),
    "xwzx": ("news", "News", "Government news, department updates and notices."),
}

NEWS = {
    "zwgk-gzhy": (
        "government-transparency-meeting-2026",
        "Example City holds its 2026 government transparency meeting",
        "The meeting set this year's priorities and asked every department to keep "
        "its disclosure catalogue up to date.",
    ),
    "zwfw-zmfw": (
        "service-centre-weekend-hours",
        "Government service centre opens on Saturday mornings",
        "From December, property registration, social insurance and other frequent "
        "services are available on Saturday mornings.",
    ),
    "szxx-202611": (
        "mayors-mailbox-november-2026",
        "Mayor's mailbox: messages handled in November",
        "312 messages were received in November; 298 were answered on time (95.5%).",
    ),
}

FRONT_PAGE = """
<p>This is the official website of the Example City People's Government: government
information, online services and a channel to write to the government.
The Chinese site is complete; this English site gives an overview.</p>
<ul>
  <li><a href="government-information">Government information</a>: the disclosure catalogue
      and how to request information</li>
  <li><a href="services">Services</a>: service guides by theme and department</li>
  <li><a href="interaction">Interaction</a>: write to the mayor or a department</li>
  <li><a href="news">News</a>: government news and notices</li>
</ul>
<p><a href="contact-info">Contact us</a> · <a href="accessibility-info">Accessibility</a></p>
"""


def _set_language(obj, language):
    if obj.Language() != language:
        ILanguage(obj).set_language(language)
        obj.reindexObject(idxs=("Language",))


def _translation(original, container, new_id, **fields):
    """The English translation of ``original`` in ``container``, made once.
    Content made by scripts in a language folder may have no language yet
    (``""``): a translation needs both languages set."""
    _set_language(original, "zh-cn")
    manager = ITranslationManager(original)
    if manager.has_translation("en"):
        return manager.get_translation("en")
    if new_id in container:
        obj = container[new_id]
    else:
        obj = api.content.create(
            container=container, type=original.portal_type, id=new_id, **fields
        )
    _set_language(obj, "en")
    publish(obj)
    manager.register_translation("en", obj)
    return obj


def create(portal):
    """Fill ``/en`` from the Chinese demo (which must exist already)."""
    root, english = portal.get("zh-cn"), portal.get("en")
    if root is None or english is None:
        return
    for chinese_id, (new_id, title, description) in SECTIONS.items():
        original = root.get(chinese_id)
        if original is None:
            continue
        section = _translation(
            original,
            english,
            new_id,
            title=title,
            description=description,
            column_type=getattr(original, "column_type", None),
        )
        if chinese_id == "xwzx":
            for news_id, (en_id, en_title, en_description) in NEWS.items():
                if news_id in original:
                    _translation(
                        original[news_id],
                        section,
                        en_id,
                        title=en_title,
                        description=en_description,
                    )
    front = root.get("front-page")
    if front is not None:
        page = _translation(
            front,
            english,
            "front-page",
            title="Example City People's Government",
            description="Government information, online services and answers to the public.",
            text=RichTextValue(FRONT_PAGE, "text/html", "text/x-html-safe"),
        )
        english.setDefaultPage(page.getId())
