"""The named vocabularies of disclosure requests."""

from zhengwu import _
from zhengwu.i18n import translated
from zhengwu.requests import kinds
from zope.globalrequest import getRequest
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


def _vocabulary(pairs):
    @provider(IVocabularyFactory)
    def factory(context):
        return SimpleVocabulary([SimpleTerm(value, value, title) for value, title in pairs])

    return factory


applicant_types_vocabulary = _vocabulary(kinds.APPLICANT_TYPES)
organization_types_vocabulary = _vocabulary(kinds.ORGANIZATION_TYPES)
identity_documents_vocabulary = _vocabulary(kinds.ID_TYPES)
delivery_forms_vocabulary = _vocabulary(kinds.DELIVERY_FORMS)
outcomes_vocabulary = _vocabulary(kinds.OUTCOMES)


@provider(IVocabularyFactory)
def outcome_reasons_vocabulary(context):
    """Every reason, titled "outcome: reason" (tokens are unique across outcomes)."""
    request = getRequest()
    terms, seen = [], set()
    for outcome, outcome_title in kinds.OUTCOMES:
        for value, title in kinds.REASONS[outcome]:
            if value in seen:
                continue
            seen.add(value)
            group = translated(outcome_title, request)
            if kinds.REASONS[outcome] is kinds.WITHHELD:
                # Shared by full and partial refusals: why (the part) is withheld.
                group = translated(_("Withheld, wholly or in part"), request)
            terms.append(SimpleTerm(value, value, f"{group}：{translated(title, request)}"))
    return SimpleVocabulary(terms)
