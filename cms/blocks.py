"""StreamField blocks of the site's pages."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.documents.models import AbstractDocument
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    # The level is layout, not content: its label ("Level 2") stays out of the search indexes.
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Level 2")), ("h3", _("Level 3"))],
        default="h2",
        label=_("Level"),
        search_index=False,
    )

    class Meta:
        icon = "title"
        template = "cms/blocks/heading.html"
        label = _("Heading")


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=255,
        help_text=_("Describe the image for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=255)

    class Meta:
        icon = "image"
        template = "cms/blocks/image.html"
        label = _("Image")


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "cms/blocks/quote.html"
        label = _("Quote")


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Button text"), max_length=80)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("External link"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={"url": ValidationError(_("Choose a page or enter a link, not both."))}
            )
        return value

    class Meta:
        icon = "link"
        template = "cms/blocks/call_to_action.html"
        label = _("Call to action")


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Link text"), required=False, max_length=200)

    class Meta:
        icon = "doc-full"
        template = "cms/blocks/document_link.html"
        label = _("Document link")


class DocumentBlock(blocks.StructBlock):
    """A document in a page's list of documents, under a title translated with the page.

    Wagtail's documents have one title in one language; the block's title is what visitors read.
    """

    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Title"),
        required=False,
        max_length=200,
        help_text=_("What visitors read; translated with the page. The document's own title when empty."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")

    def normalize(self, value):
        # Code that sets a stream's documents may give the document alone: no title of its own.
        if isinstance(value, AbstractDocument):
            value = {"document": value, "title": ""}
        return super().normalize(value)


class DeadlineBlock(blocks.StructBlock):
    """A date of a call before its final deadline: a first-stage deadline, an information day."""

    label = blocks.CharBlock(label=_("What is due"), max_length=120)
    at = blocks.DateTimeBlock(label=_("Date and time"), help_text=_("Brussels time (Europe/Brussels)."))

    class Meta:
        icon = "time"
        label = _("Deadline")


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, label=_("Paragraph"), template="cms/blocks/paragraph.html"
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    document = DocumentLinkBlock()
    embed = EmbedBlock(label=_("Embed"), template="cms/blocks/embed.html")


class ServiceBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(label=_("Text"))
    page = blocks.PageChooserBlock(label=_("Read more page"), required=False)

    class Meta:
        icon = "pick"
        label = _("Service")


class AgendaItemBlock(blocks.StructBlock):
    time = blocks.TimeBlock(label=_("Time"), required=False)
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    speaker = blocks.CharBlock(label=_("Speaker"), required=False, max_length=200)
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "time"
        label = _("Agenda item")


class RelatedBlock(blocks.StreamBlock):
    page = blocks.PageChooserBlock(label=_("Related page"))
    document = DocumentBlock(label=_("Related document"))
