"""Publications: the PDF is checked by its content; the index filters by type."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from cms.blocks import RICH_TEXT_FEATURES
from cms.models import PublicationIndexPage, PublicationPage, PublicationType
from tests.cms.admin_forms import add_url, form_errors, page_text, post_page_form
from tests.cms.factories import (
    ELF_BYTES,
    TEXT_BYTES,
    DocumentFactory,
    PublicationPageFactory,
    TopicFactory,
    index_page,
    translate,
)

NOT_A_PDF = "The chosen document is not a PDF file."


@pytest.fixture
def elf_named_pdf(db):
    return DocumentFactory(title="Disguised program", file__filename="report.pdf", file__data=ELF_BYTES)


@pytest.fixture
def text_named_pdf(db):
    return DocumentFactory(title="Text file", file__filename="notes.pdf", file__data=TEXT_BYTES)


@pytest.mark.django_db
class TestPublicationPageClean:
    def test_real_pdf_is_accepted(self):
        PublicationPage(title="Study", abstract="<p>x</p>", pdf=DocumentFactory()).clean()

    def test_no_pdf_is_accepted(self):
        PublicationPage(title="Study", abstract="<p>x</p>").clean()

    @pytest.mark.parametrize("document", ["elf_named_pdf", "text_named_pdf"])
    def test_document_named_pdf_but_not_a_pdf_is_refused(self, request, document):
        page = PublicationPage(title="Study", abstract="<p>x</p>", pdf=request.getfixturevalue(document))
        with pytest.raises(ValidationError) as error:
            page.clean()
        assert error.value.message_dict == {"pdf": [NOT_A_PDF]}
        assert "not a PDF" in str(error.value)


@pytest.mark.django_db
class TestPublicationAdmin:
    def fields(self, document, **extra):
        return {
            "title": "Cluster benchmarking report 2026",
            "slug": "cluster-benchmarking-report-2026",
            "publication_type": PublicationType.BENCHMARKING_REPORT,
            "date": "2026-05-04",
            "abstract": rich_text("<p>Findings.</p>", features=RICH_TEXT_FEATURES),
            "pdf": document.pk,
            **extra,
        }

    def test_document_that_is_not_a_pdf_is_refused_with_the_message(self, admin, elf_named_pdf):
        url = add_url(PublicationPage, index_page(PublicationIndexPage))
        response = post_page_form(admin, url, PublicationPage, self.fields(elf_named_pdf))
        assert response.status_code == 200
        assert form_errors(response) == {"pdf": [NOT_A_PDF]}
        assert NOT_A_PDF in page_text(response)
        assert not PublicationPage.objects.exists()

    def test_real_pdf_with_topics_is_accepted(self, admin):
        topics = [TopicFactory(name="Smart specialisation"), TopicFactory(name="Benchmarking")]
        inline = nested_form_data({"topics": inline_formset([{"topic": topic.pk} for topic in topics])})
        url = add_url(PublicationPage, index_page(PublicationIndexPage))
        document = DocumentFactory()
        response = post_page_form(admin, url, PublicationPage, self.fields(document, **inline), publish=True)
        assert response.status_code == 302, form_errors(response)
        page = PublicationPage.objects.get(slug="cluster-benchmarking-report-2026")
        assert page.live
        assert page.pdf == document
        assert "Findings." in page.abstract
        assert [t.topic.name for t in page.topics.all()] == ["Smart specialisation", "Benchmarking"]


@pytest.mark.django_db
class TestPublicationIndexPage:
    @pytest.fixture
    def publications(self):
        index = index_page(PublicationIndexPage)
        return {
            "old_study": PublicationPageFactory(parent=index, date=date(2024, 3, 1)),
            "report": PublicationPageFactory(
                parent=index, date=date(2025, 6, 1), publication_type=PublicationType.BENCHMARKING_REPORT
            ),
            "brief": PublicationPageFactory(
                parent=index, date=date(2026, 1, 15), publication_type=PublicationType.POLICY_BRIEF
            ),
            "draft": PublicationPageFactory(parent=index, publish=False),
        }

    def context(self, rf, index, **params):
        return index.get_context(rf.get(index.url, params))

    def test_newest_first(self, rf, publications):
        context = self.context(rf, index_page(PublicationIndexPage))
        assert list(context["publications"]) == [
            publications["brief"],
            publications["report"],
            publications["old_study"],
        ]
        assert context["current_type"] == ""
        assert context["types"] == PublicationType.choices

    def test_type_filter(self, rf, publications):
        context = self.context(rf, index_page(PublicationIndexPage), type="benchmarking_report")
        assert list(context["publications"]) == [publications["report"]]
        assert context["current_type"] == "benchmarking_report"

    def test_unknown_type_is_ignored(self, rf, publications):
        context = self.context(rf, index_page(PublicationIndexPage), type="<script>")
        assert len(context["publications"]) == 3
        assert context["current_type"] == ""

    def test_only_this_language(self, rf, publications):
        german = translate(publications["report"], "de")
        context = self.context(rf, german.get_parent().specific)
        assert list(context["publications"]) == [german]
