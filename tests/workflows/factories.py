import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from tests.workflows.testapp.models import CLERKS_GROUP, Ticket


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    first_name = "Ada"
    last_name = factory.Sequence(lambda n: f"Tester{n}")


class ClerkFactory(UserFactory):
    @factory.post_generation
    def clerk_group(user, create, extracted, **kwargs):
        if create:
            user.groups.add(Group.objects.get_or_create(name=CLERKS_GROUP)[0])


class TicketFactory(factory.django.DjangoModelFactory):
    """Tickets start in any state: the constructor may set a protected state field, nothing else may."""

    class Meta:
        model = Ticket

    title = factory.Sequence(lambda n: f"Ticket {n}")
    requester_email = "requester@example.org"
