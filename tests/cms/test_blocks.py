"""StreamField blocks with rules of their own."""

import pytest
from wagtail.blocks import StructBlockValidationError

from cms.blocks import BodyBlock, CallToActionBlock, HeadingBlock
from tests.cms.factories import english_home

CHOOSE_ONE = "Choose a page or enter a link, not both."


class TestCallToActionBlock:
    block = CallToActionBlock()

    def clean(self, **value):
        return self.block.clean(self.block.to_python({"text": "Apply now", **value}))

    def test_external_link_alone_is_accepted(self):
        assert self.clean(url="https://ec.europa.eu/")["url"] == "https://ec.europa.eu/"

    @pytest.mark.django_db
    def test_page_alone_is_accepted(self):
        home = english_home()
        assert self.clean(page=home.pk)["page"].pk == home.pk

    @pytest.mark.django_db
    def test_page_and_link_together_are_refused(self):
        with pytest.raises(StructBlockValidationError) as error:
            self.clean(page=english_home().pk, url="https://ec.europa.eu/")
        assert [str(e) for e in error.value.block_errors["url"]] == [CHOOSE_ONE]

    def test_neither_page_nor_link_is_refused(self):
        with pytest.raises(StructBlockValidationError) as error:
            self.clean()
        assert "url" in error.value.block_errors


def test_body_blocks_have_templates():
    """Every block of the body renders through a template of the site's own."""
    for name, child in BodyBlock().child_blocks.items():
        assert child.meta.template or getattr(child, "template", None), name


def test_a_heading_is_searched_by_its_text_not_by_its_level():
    block = HeadingBlock()
    value = block.to_python({"text": "Smart specialisation", "level": "h3"})
    assert block.get_searchable_content(value) == ["Smart specialisation"]
