"""factory_boy factories for the advisory domain, and small builders for uploads and actors.

Network countries, languages, certifications and expertise areas come from the data migrations;
`country("DE")`, `area("programme-design")` fetch them. Factories may create objects in any state
(the constructor may set a protected state field); nothing else changes a state but the engine.
"""

import io
import zipfile

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from advisory.choices import AssignmentRole, LanguageCode, ProgrammeLevel, ServiceType
from advisory.models import (
    AdvisoryRequest,
    Assignment,
    CoordinatorProfile,
    Deliverable,
    Expert,
    ExpertiseArea,
    NetworkCountry,
    UnavailablePeriod,
)
from advisory.roles import COORDINATORS, EXPERTS, LEAD_COORDINATORS
from workflows.actors import Actor

PDF_BYTES = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)
ELF_BYTES = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8 + b"\x02\x00\x3e\x00" + b"\x00" * 240
WINDOWS_EXE_BYTES = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 240


def country(code):
    return NetworkCountry.objects.get_or_create(country=code)[0]


def area(code):
    return ExpertiseArea.objects.canonical().get(code=code)


def _zip(entries, stored_first=None):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        if stored_first:
            name, content = stored_first
            archive.writestr(zipfile.ZipInfo(name), content, compress_type=zipfile.ZIP_STORED)
        for name, content in entries.items():
            archive.writestr(name, content, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def _content_types(main_part):
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/main.xml" ContentType="{main_part}"/>'
        "</Types>"
    )


def docx_bytes():
    """A minimal Word document, as an Office Open XML container declares it."""
    return _zip(
        {
            "[Content_Types].xml": _content_types(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
            ),
            "word/document.xml": "<w:document/>",
        }
    )


def docm_bytes():
    """A macro-enabled Word document: refused."""
    return _zip(
        {
            "[Content_Types].xml": _content_types("application/vnd.ms-word.document.macroEnabled.main+xml"),
            "word/document.xml": "<w:document/>",
        }
    )


def xlsx_bytes():
    return _zip(
        {
            "[Content_Types].xml": _content_types(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
            ),
            "xl/workbook.xml": "<workbook/>",
        }
    )


def odt_bytes():
    return _zip(
        {"content.xml": "<office:document-content/>"},
        stored_first=("mimetype", "application/vnd.oasis.opendocument.text"),
    )


def upload(name="brief.pdf", content=PDF_BYTES, content_type="application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def requester(request):
    return Actor.requester(request)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"adv-user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    first_name = "Alex"
    last_name = factory.Sequence(lambda n: f"Person{n}")

    @factory.post_generation
    def groups(user, create, extracted, **kwargs):
        if create and extracted:
            for name in extracted:
                user.groups.add(Group.objects.get_or_create(name=name)[0])


class SuperUserFactory(UserFactory):
    is_superuser = True
    is_staff = True


def editor():
    """A member of the editorial staff, with no advisory role."""
    return UserFactory(is_staff=True, groups=["Editors"])


class CoordinatorFactory(UserFactory):
    """A coordinator for the countries given as ISO codes (`countries=["DE"]`); a lead with `lead=True`."""

    @factory.post_generation
    def countries(user, create, extracted, **kwargs):
        if not create:
            return
        user.groups.add(Group.objects.get_or_create(name=COORDINATORS)[0])
        profile = CoordinatorProfile.objects.create(user=user)
        codes = ["DE"] if extracted is None else extracted
        profile.countries.set([country(code) for code in codes])

    @factory.post_generation
    def lead(user, create, extracted, **kwargs):
        if create and extracted:
            user.groups.add(Group.objects.get_or_create(name=LEAD_COORDINATORS)[0])


class ExpertFactory(factory.django.DjangoModelFactory):
    """An expert; `languages`, `areas`, `certifications`, `countries_known` take codes."""

    class Meta:
        model = Expert
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Expert {n:03d}")
    email = factory.Sequence(lambda n: f"expert{n}@example.org")
    home_country = factory.LazyFunction(lambda: country("AT"))
    employer = factory.Sequence(lambda n: f"Consultancy {n}")
    capacity = 2

    @factory.post_generation
    def languages(expert, create, extracted, **kwargs):
        if create:
            expert.languages.set(["en"] if extracted is None else extracted)

    @factory.post_generation
    def areas(expert, create, extracted, **kwargs):
        if create and extracted:
            expert.expertise_areas.set([area(code) for code in extracted])

    @factory.post_generation
    def certifications(expert, create, extracted, **kwargs):
        if create and extracted:
            expert.certifications.set(extracted)

    @factory.post_generation
    def countries_known(expert, create, extracted, **kwargs):
        if create and extracted:
            expert.countries_known.set([country(code) for code in extracted])


class ExpertUserFactory(UserFactory):
    """A user with the Experts group and an Expert record (`user.expert_profile`)."""

    @factory.post_generation
    def expert(user, create, extracted, **kwargs):
        if create:
            user.groups.add(Group.objects.get_or_create(name=EXPERTS)[0])
            ExpertFactory(user=user, email=user.email, **kwargs)


class UnavailablePeriodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = UnavailablePeriod

    expert = factory.SubFactory(ExpertFactory)
    start = factory.LazyFunction(timezone.localdate)
    end = factory.LazyAttribute(lambda period: period.start)


class AdvisoryRequestFactory(factory.django.DjangoModelFactory):
    """A request, submitted by default (with a reference); pass `state=` for any other state."""

    class Meta:
        model = AdvisoryRequest
        skip_postgeneration_save = True

    state = AdvisoryRequest.State.SUBMITTED
    reference = factory.LazyAttributeSequence(
        lambda request, n: None if request.state == AdvisoryRequest.State.NEW else f"ADV-2000-{n:05d}"
    )
    requester_name = "Maria Muster"
    requester_email = "maria@ministry.example"
    requester_language = "de"
    organisation = "Ministry of Economic Affairs"
    country = factory.LazyFunction(lambda: country("DE"))
    programme_name = "Cluster Excellence Programme"
    programme_level = ProgrammeLevel.NATIONAL
    service_type = ServiceType.PROGRAMME_DEVELOPMENT
    description = "We would like advice on the next funding period."
    working_language = LanguageCode.EN
    privacy_consent_at = factory.LazyFunction(timezone.now)
    submitted_at = factory.LazyAttribute(
        lambda r: None if r.state == AdvisoryRequest.State.NEW else timezone.now()
    )

    @factory.post_generation
    def areas(request, create, extracted, **kwargs):
        if create and extracted:
            request.expertise_areas.set([area(code) for code in extracted])


class AssignmentFactory(factory.django.DjangoModelFactory):
    """An assignment built directly in a state (invited by default; the model's own default is "new").

    No audit entry, deadline or e-mail: for an invitation as the application makes one, call
    `advisory.services.invite_expert`, which performs the engine's "invite" transition.
    """

    class Meta:
        model = Assignment

    request = factory.SubFactory(AdvisoryRequestFactory, state=AdvisoryRequest.State.ACCEPTED)
    expert = factory.SubFactory(ExpertFactory)
    role = AssignmentRole.LEAD
    state = Assignment.State.INVITED
    response_due_at = factory.LazyFunction(lambda: timezone.now() + timezone.timedelta(days=7))


class DeliverableFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Deliverable

    assignment = factory.SubFactory(AssignmentFactory, state=Assignment.State.ACCEPTED)
    request = factory.LazyAttribute(lambda d: d.assignment.request)
    title = factory.Sequence(lambda n: f"Report {n}")
    file = factory.LazyFunction(lambda: upload("report.pdf"))
    original_name = "report.pdf"
    content_type = "application/pdf"
    size = len(PDF_BYTES)
    state = Deliverable.State.SUBMITTED
