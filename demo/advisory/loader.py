"""Load the advisory demo: coordinators, experts, logins and requests in every state, with their history.

Every request is played through the real services and the process engine, each step at a moment
in the past (time-machine's `travel`), so deadlines, audit entries and outbox messages are those
the step would have produced at that moment: an unscreened request from last week is overdue, an
invitation sent yesterday can still be answered. Nothing is written to a state field directly.

Idempotent: people are found again by username or e-mail address, requests by their requester's
e-mail address and programme name; whatever exists is left as it is.
"""

import os
import secrets
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

import time_machine
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX, make_password
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from accounts.demo import mark_demo_login
from advisory import selectors, services
from advisory.choices import Visibility
from advisory.models import (
    AdvisoryRequest,
    CoordinatorProfile,
    Expert,
    ExpertiseArea,
    NetworkCountry,
    UnavailablePeriod,
)
from advisory.roles import COORDINATORS as COORDINATORS_GROUP
from advisory.roles import EXPERTS as EXPERTS_GROUP
from advisory.roles import LEAD_COORDINATORS
from workflows.actors import Actor
from workflows.business_days import add_business_days
from workflows.engine import perform
from workflows.models import OutboxMessage

from ..pdf import make_pdf
from ..report import Report
from .engagements import REQUESTS, At, HoursAgo
from .logins import CredentialOrigin, Logins
from .people import COORDINATORS, EDITORIAL_LOGINS, EXPERTS, UNAVAILABLE

# The network's people joined long before the oldest demo request.
PEOPLE_JOINED_DAYS_AGO = 240


LEAVE_PENDING = "workflows.outbox.leave_pending"


class AdvisoryDemoError(Exception):
    pass


@dataclass
class Playthrough:
    """One request being played: its spec, the request once submitted, its assignments and deliverables."""

    spec: object
    request: AdvisoryRequest | None = None
    assignments: dict = field(default_factory=dict)  # expert key -> Assignment
    deliverables: dict = field(default_factory=dict)  # title -> Deliverable


def _upload(document):
    return SimpleUploadedFile(
        document.filename, make_pdf(document.title, document.lines), content_type="application/pdf"
    )


class AdvisoryDemo:
    def __init__(self, now=None, password=None):
        self.now = now or timezone.now()
        self.today = timezone.localdate(self.now)
        self.password = password
        self.report = Report()
        self.logins = Logins()
        self._hashed = None
        self.users = {}
        self.experts = {}

    # ------------------------------------------------------------------ run

    def run(self) -> Report:
        with self.report.timed():
            self._run()
        return self.report

    def _run(self):
        entries_before = ModelLogEntry.objects.count()
        outbox_before = OutboxMessage.objects.count()
        last_message = OutboxMessage.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        # The history's e-mails are recorded as sent below; publishing a task for each would only
        # keep the first worker busy skipping them, ahead of the visitor's first real e-mail.
        with override_settings(WORKFLOWS_DISPATCHER=LEAVE_PENDING), transaction.atomic():
            self.countries = {country.code: country for country in NetworkCountry.objects.all()}
            self.areas = {area.code: area for area in ExpertiseArea.objects.canonical()}
            with time_machine.travel(self.now - timedelta(days=PEOPLE_JOINED_DAYS_AGO), tick=False):
                for spec in COORDINATORS:
                    self._coordinator(spec)
                for spec in EXPERTS:
                    self._expert(spec)
                for spec in EDITORIAL_LOGINS:
                    self._editorial(spec)
            for spec in sorted(REQUESTS, key=lambda spec: self.moment(spec.story[0].when)):
                self._request(spec)
            self._sent_back_then(OutboxMessage.objects.filter(pk__gt=last_message, created_at__lt=self.now))
        self._summarise(entries_before, outbox_before)

    def _sent_back_then(self, messages):
        """The e-mails of the demo's history went out when it happened: record them as sent then.

        Otherwise the first worker would send a few hundred e-mails about last month's events now.
        No task is published for them (see `run`). Tracking tokens are
        blanked, as a sender does once a message is sent.
        """
        for message in messages:
            message.mark_sent(now=message.created_at)
            if message.payload.get("tracking_token"):
                message.payload["tracking_token"] = ""
                message.save(update_fields=["payload"])

    def moment(self, when):
        """The aware datetime of a story's moment, counted back from the day of loading."""
        if isinstance(when, HoursAgo):
            return self.now - timedelta(hours=when.hours)
        if not isinstance(when, At) or when.days >= 0:
            raise AdvisoryDemoError(f"A demo moment must lie in the past: {when!r}")
        day = add_business_days(self.today, when.days)
        return timezone.make_aware(datetime.combine(day, time(when.hour, when.minute)))

    def _summarise(self, entries_before, outbox_before):
        """The facts printed after the counts, and the logins box (shown once, whatever the verbosity)."""
        facts = self.report.facts
        audit_entries = ModelLogEntry.objects.count() - entries_before
        outbox_messages = OutboxMessage.objects.count() - outbox_before
        if audit_entries or outbox_messages:
            facts["history"] = (
                f"{audit_entries} audit entries, "
                f"{outbox_messages} e-mails (recorded as sent when they happened)"
            )
        by_state = Counter(AdvisoryRequest.objects.values_list("state", flat=True))
        facts["requests by state"] = ", ".join(
            f"{state} {by_state[state]}" for state in AdvisoryRequest.State.values if by_state[state]
        )
        facts["overdue"] = str(selectors.overdue(AdvisoryRequest.objects.all(), self.now).count())
        if not self.logins.new:
            names = ", ".join(username for username, _what in self.logins.every)
            facts["demo logins"] = f"{names} (one password, shown when they were created)"
        invited = self.users.get("expert") and selectors.invitations_for_expert(self.users["expert"]).first()
        self.logins.invitation = invited.request.reference if invited else ""
        self.report.notice = self.logins.box()

    # ------------------------------------------------------------------ people

    def _password_hash(self):
        """The hash every new demo login gets: computed once (the hasher is slow on purpose)."""
        if self._hashed is not None:
            return self._hashed
        logins = self.logins
        password = self.password or os.environ.get("DEMO_PASSWORD") or None
        if password:
            logins.origin = CredentialOrigin.GIVEN if self.password else CredentialOrigin.ENVIRONMENT
            self._hashed = make_password(password)
            return self._hashed
        usernames = [spec.username for spec in COORDINATORS] + [s.username for s in EXPERTS if s.username]
        existing = (
            get_user_model()
            .objects.filter(username__in=usernames)
            .exclude(password="")
            .exclude(password__startswith=UNUSABLE_PASSWORD_PREFIX)
            .values_list("password", flat=True)
            .first()
        )
        if existing:
            # Some demo logins exist already: newcomers share their password, whatever it is.
            logins.origin = CredentialOrigin.EXISTING
            self._hashed = existing
            return existing
        logins.origin = CredentialOrigin.GENERATED
        logins.password = secrets.token_urlsafe(12)
        self._hashed = make_password(logins.password)
        return self._hashed

    def _user(self, username, first_name, last_name, email, groups, what):
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        self.logins.every.append((username, what))
        if user is not None:
            self.report.add("demo logins", "unchanged")
        else:
            user = User(
                username=username,
                first_name=first_name,
                last_name=last_name,
                email=email,
                password=self._password_hash(),
            )
            user.save()
            user.groups.add(*Group.objects.filter(name__in=groups))
            self.report.add("demo logins", "created")
            self.logins.new.append((username, what))
        # Where the settings allow it (the embedded demo only), demo logins may skip two-factor enrolment.
        mark_demo_login(user)
        self.users[username] = user
        return user

    def _editorial(self, spec):
        if not Group.objects.filter(name=spec.group).exists():
            # A translation team of a language this deployment does not enable.
            return
        name = f"{spec.first_name} {spec.last_name}"
        user = self._user(
            spec.username, spec.first_name, spec.last_name, spec.email, [spec.group], f"{name}, {spec.what}"
        )
        # The admin speaks the login's language (Wagtail's own preference), as the translator's e-mails do.
        profile = UserProfile.get_for_user(user)
        if profile.preferred_language != spec.language:
            profile.preferred_language = spec.language
            profile.save(update_fields=["preferred_language"])

    def _coordinator(self, spec):
        groups = [COORDINATORS_GROUP, LEAD_COORDINATORS] if spec.lead else [COORDINATORS_GROUP]
        name = f"{spec.first_name} {spec.last_name}"
        user = self._user(
            spec.username, spec.first_name, spec.last_name, spec.email, groups, f"{name}, {spec.scope}"
        )
        profile, created = CoordinatorProfile.objects.get_or_create(
            user=user, defaults={"is_lead": spec.lead, "preferred_language": spec.language}
        )
        if created:
            profile.countries.set([self._country(code) for code in spec.countries])
        self.report.add("coordinator profiles", "created" if created else "unchanged")

    def _expert(self, spec):
        expert = Expert.objects.filter(email=spec.email).first()
        user = None
        if spec.username:
            user = self._user(
                spec.username,
                spec.name.split(" ")[0],
                spec.name.split(" ", 1)[1],
                spec.email,
                [EXPERTS_GROUP],
                f"{spec.name}, expert ({spec.country})",
            )
        linked = user if user is not None and not Expert.objects.filter(user=user).exists() else None
        if expert is not None:
            if expert.user_id is None and linked is not None:
                # The demo login was deleted and is created again: link it to its expert as before.
                expert.user = linked
                expert.save(update_fields=["user"])
                self.report.add("experts", "updated")
            else:
                self.report.add("experts", "unchanged")
            self.experts[spec.key] = expert
            return
        expert = Expert.objects.create(
            user=linked,
            name=spec.name,
            email=spec.email,
            preferred_language=spec.language,
            home_country=self._country(spec.country),
            employer=spec.employer,
            capacity=spec.capacity,
            active=spec.active,
        )
        expert.languages.set(spec.languages.split())
        expert.expertise_areas.set([self._area(code) for code in spec.area_codes()])
        expert.certifications.set(spec.certification_codes())
        expert.countries_known.set([self._country(code) for code in spec.known.split()])
        if spec.key in UNAVAILABLE:
            first, last, note = UNAVAILABLE[spec.key]
            UnavailablePeriod.objects.create(
                expert=expert,
                start=self.today + timedelta(days=first),
                end=self.today + timedelta(days=last),
                note=note,
            )
        self.report.add("experts", "created")
        self.experts[spec.key] = expert

    def _country(self, code):
        try:
            return self.countries[code]
        except KeyError:
            raise AdvisoryDemoError(
                f"The network has no country {code}: the demo needs the 27 defaults."
            ) from None

    def _area(self, code):
        try:
            return self.areas[code]
        except KeyError:
            raise AdvisoryDemoError(
                f"No expertise area {code!r}: the demo needs the default areas."
            ) from None

    # ------------------------------------------------------------------ requests

    def _request(self, spec):
        found = AdvisoryRequest.objects.filter(
            requester_email=spec.requester_email, programme_name=spec.programme_name
        ).exists()
        if found:
            self.report.add("requests", "unchanged")
            return
        play = Playthrough(spec)
        for step in spec.story:
            with time_machine.travel(self.moment(step.when), tick=False):
                try:
                    getattr(self, f"_step_{step.action}")(play, **step.params)
                except AdvisoryDemoError:
                    raise
                except Exception as error:
                    raise AdvisoryDemoError(
                        f"Demo request “{spec.programme_name}”, step “{step.action}” {step.params}: {error}"
                    ) from error
        self.report.add("requests", "created")

    def _owner(self, play):
        return self.users[play.spec.owner]

    def _requester(self, play):
        return Actor.requester(play.request)

    def _expert_user(self, key):
        user = self.users.get(key)
        if user is None:
            raise AdvisoryDemoError(f"The expert {key!r} has no demo login.")
        return user

    def _actor(self, play, who):
        if who == "owner":
            return self._owner(play)
        if who == "requester":
            return self._requester(play)
        return self._expert_user(who)

    def _step_submit(self, play, attachment):
        spec = play.spec
        start = timezone.localdate() + timedelta(days=spec.desired[0])
        data = {
            "requester_name": spec.requester_name,
            "requester_email": spec.requester_email,
            "requester_phone": spec.requester_phone,
            "organisation": spec.organisation,
            "country": self._country(spec.country),
            "programme_name": spec.programme_name,
            "programme_level": spec.programme_level,
            "service_type": spec.service_type,
            "description": spec.description,
            "desired_start": start,
            "desired_end": start + timedelta(days=spec.desired[1]),
            "budget_band": spec.budget_band,
            "working_language": spec.working_language,
            "required_certification": spec.required_certification,
            "expertise_areas": [self._area(code) for code in spec.areas],
            "privacy_consent": True,
        }
        files = [_upload(attachment)] if attachment else []
        play.request, _token = services.submit_request(data, files=files, language=spec.language)

    def _step_screen(self, play):
        perform(play.request, "screen", self._owner(play))

    def _step_note(self, play, text):
        services.add_message(play.request, actor=self._owner(play), body=text, visibility=Visibility.INTERNAL)

    def _step_message(self, play, author, text):
        services.add_message(
            play.request, actor=self._actor(play, author), body=text, visibility=Visibility.SHARED
        )

    def _step_ask_info(self, play, question):
        perform(play.request, "ask_info", self._owner(play), comment=question)

    def _step_provide_info(self, play, answer, attachment):
        files = [_upload(attachment)] if attachment else []
        services.provide_info(play.request, actor=self._requester(play), answer=answer, files=files)

    def _step_accept(self, play, scope, service):
        data = {"service_type": service or play.spec.service_type, "scope_summary": scope}
        perform(play.request, "accept", self._owner(play), data=data)

    def _step_decline(self, play, reason):
        perform(play.request, "decline", self._owner(play), comment=reason)

    def _step_invite(self, play, expert, role):
        play.assignments[expert] = services.invite_expert(
            play.request, self.experts[expert], role=role, actor=self._owner(play)
        )

    def _step_says_yes(self, play, expert, statement):
        data = {"no_conflict": True, "conflict_statement": statement}
        perform(play.assignments[expert], "accept", self._expert_user(expert), data=data)

    def _step_says_no(self, play, expert, reason):
        perform(play.assignments[expert], "decline", self._expert_user(expert), comment=reason)

    def _step_withdraw_invitation(self, play, expert, comment):
        perform(play.assignments[expert], "withdraw", self._owner(play), comment=comment)

    def _step_expire(self, play, expert):
        # What the periodic deadline scan does once the answer time has passed.
        perform(play.assignments[expert], "expire", Actor.system("invitation expiry"))

    def _step_propose_team(self, play):
        perform(play.request, "propose_team", self._owner(play))

    def _step_approve_team(self, play):
        perform(play.request, "approve_team", self._requester(play))

    def _step_object_team(self, play, reason):
        perform(play.request, "object_team", self._requester(play), comment=reason)

    def _step_hold(self, play, reason):
        perform(play.request, "hold", self._owner(play), comment=reason)

    def _step_upload(self, play, expert, document, description):
        play.deliverables[document.title] = services.upload_deliverable(
            play.assignments[expert],
            actor=self._expert_user(expert),
            title=document.title,
            file=_upload(document),
            description=description,
        )

    def _step_approve_deliverable(self, play, title, comment):
        perform(play.deliverables[title], "approve", self._owner(play), comment=comment)

    def _step_return_deliverable(self, play, title, comment):
        perform(play.deliverables[title], "request_changes", self._owner(play), comment=comment)

    def _step_resubmit(self, play, expert, title):
        perform(play.deliverables[title], "submit", self._expert_user(expert))

    def _step_deliver(self, play):
        perform(play.request, "deliver", self._owner(play))

    def _step_complete(self, play, expert):
        perform(play.assignments[expert], "complete", self._owner(play))

    def _step_feedback(self, play, score, comment):
        services.record_feedback(play.request, actor=self._requester(play), score=score, comment=comment)

    def _step_close(self, play, by):
        # The periodic scan closes a delivered request nobody closed, as the system.
        actor = Actor.system("automatic closing") if by == "system" else self._owner(play)
        perform(play.request, "close", actor)

    def _step_withdraw(self, play, reason, by):
        perform(play.request, "withdraw", self._actor(play, by), comment=reason)


def load_advisory_demo(*, now: datetime | None = None, password: str | None = None) -> Report:
    """Load the advisory demo (idempotent) as of `now`; the Report's `notice` shows new logins once.

    The demo logins share one password: `password`, else DEMO_PASSWORD, else that of the demo logins
    already there, else a random one, printed once in the box and never stored in clear.
    """
    return AdvisoryDemo(now=now, password=password).run()
