"""The classic add and edit forms of disclosure items render and validate."""

from tests.disclosure.helpers import make_catalog
from tests.helpers import auth
from tests.helpers import body
import requests
import transaction


def test_add_form_renders_for_an_editor(functional_portal):
    catalog = make_catalog(functional_portal)
    transaction.commit()
    response = requests.get(
        f"{catalog.absolute_url()}/++add++DisclosureItem", auth=auth("author"), timeout=60
    )
    assert response.status_code == 200, response.text[-2000:]
    for field in ("document_number", "written_date", "topic", "genre", "validity", "attachments"):
        assert f"form.widgets.IDisclosureItem.{field}" in body(
            response
        ) or f"form.widgets.{field}" in body(response), field
