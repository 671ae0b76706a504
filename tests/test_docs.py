"""The documentation that is generated from the code is current."""

from pathlib import Path

from django.conf import settings

from workflows.diagrams import COMMAND, DOCUMENT_PATH, document, process_models

# Installed by the test settings alone (tests/workflows/testapp): not a process of the site.
TEST_APPS = ["workflows_testapp"]


def test_the_state_diagrams_of_every_process_are_current():
    committed = (Path(settings.BASE_DIR) / DOCUMENT_PATH).read_text(encoding="utf-8")
    assert document(process_models(exclude=TEST_APPS)) == committed, (
        f"{DOCUMENT_PATH} no longer matches the models: run {COMMAND} {DOCUMENT_PATH}"
    )
