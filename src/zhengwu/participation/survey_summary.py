"""The results of a survey: counts per choice of every closed question.

Open questions (text) are counted, never quoted: what a respondent wrote
stays with the department (the CSV export). The summary holds no answer of
its own, so once the final approver publishes it, it is public wherever the
survey is.

The bar chart is inline SVG built here (no external asset, readable without
JavaScript, with the numbers in text beside each bar).
"""

from markupsafe import escape
from zhengwu import _
from zhengwu.i18n import translated
from zhengwu.participation import survey as surveys
from zhengwu.participation.survey_answers import questions
from zope.schema.interfaces import IBool
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import ICollection
from zope.schema.interfaces import IVocabularyTokenized


def _options(field, survey):
    """[(value, title)] of a closed question, or None for an open one."""
    if IBool.providedBy(field):
        return [(True, translated(_("Yes"))), (False, translated(_("No")))]
    choice = field.value_type if ICollection.providedBy(field) else field
    if not IChoice.providedBy(choice):
        return None
    vocabulary = choice.bind(survey).vocabulary
    if vocabulary is None or not IVocabularyTokenized.providedBy(vocabulary):
        return None
    return [(term.value, term.title or term.token) for term in vocabulary]


def summary(survey):
    """``{"total", "questions": [{"name", "title", "answered", "options":
    [{"value", "title", "count", "percent"}] or None}]}``."""
    rows = surveys.answers(survey)
    result = []
    for name, field in questions(survey):
        given = [row.get(name) for row in rows if row.get(name) not in (None, "", [], set())]
        options = _options(field, survey)
        entry = {"name": name, "title": str(field.title), "answered": len(given)}
        if options is not None:
            counts = []
            for value, title in options:
                if ICollection.providedBy(field):
                    count = sum(1 for g in given if value in g)
                else:
                    count = sum(1 for g in given if g == value)
                counts.append(
                    {
                        "value": value if not isinstance(value, bool) else str(value).lower(),
                        "title": str(title),
                        "count": count,
                        "percent": round(100 * count / len(rows)) if rows else 0,
                    }
                )
            entry["options"] = counts
        else:
            entry["options"] = None
        result.append(entry)
    return {"total": len(rows), "questions": result}


BAR_HEIGHT, GAP, LABEL_WIDTH, BAR_WIDTH = 22, 8, 160, 260


def bar_chart(question):
    """An inline SVG bar chart of one closed question (str, safe HTML)."""
    options = question["options"] or []
    most = max([o["count"] for o in options] + [1])
    height = len(options) * (BAR_HEIGHT + GAP) + GAP
    width = LABEL_WIDTH + BAR_WIDTH + 80
    parts = [
        f'<svg class="survey-chart" role="img" viewBox="0 0 {width} {height}" '
        f'width="100%" style="max-width:{width}px" aria-label="{escape(question["title"])}">'
    ]
    for i, option in enumerate(options):
        y = GAP + i * (BAR_HEIGHT + GAP)
        length = round(BAR_WIDTH * option["count"] / most)
        middle = y + BAR_HEIGHT * 0.7
        parts.append(
            f'<text x="{LABEL_WIDTH - 6}" y="{middle}" text-anchor="end" '
            f'font-size="13" fill="#222">{escape(option["title"][:20])}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{length}" height="{BAR_HEIGHT}" '
            f'fill="#b0171f"></rect>'
            f'<text x="{LABEL_WIDTH + length + 6}" y="{middle}" font-size="13" '
            f'fill="#222">{option["count"]} ({option["percent"]}%)</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
