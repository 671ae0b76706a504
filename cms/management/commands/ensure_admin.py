"""`python manage.py ensure_admin`: a superuser to log in to the Wagtail admin with.

Creates the user once, with a random password shown once; never touches an existing user.
`--password` or the ADMIN_PASSWORD environment variable set the password for scripted setups.
"""

import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

ADMIN_PATH = "/admin/"


def admin_url():
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "http://127.0.0.1:8000"
    return base.rstrip("/") + ADMIN_PATH


def boxed(lines):
    width = max(len(line) for line in lines)
    rule = "+" + "-" * (width + 2) + "+"
    return "\n".join([rule, *(f"| {line.ljust(width)} |" for line in lines), rule])


class Command(BaseCommand):
    help = "Create the superuser 'admin' unless it exists; a random password is printed once."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin", help="Username (default: admin).")
        parser.add_argument("--email", default="admin@cluster-analysis.example", help="E-mail address.")
        parser.add_argument(
            "--password",
            default=None,
            help="Password to set instead of a random one (or set ADMIN_PASSWORD).",
        )

    def handle(self, *args, **options):
        User = get_user_model()
        username = options["username"]
        password = options["password"] or os.environ.get("ADMIN_PASSWORD") or None
        generated = password is None
        with transaction.atomic():
            if User._default_manager.filter(**{User.USERNAME_FIELD: username}).exists():
                self.stdout.write(f"{username} user exists")
                return
            if generated:
                password = secrets.token_urlsafe(16)
            User._default_manager.create_superuser(
                **{User.USERNAME_FIELD: username},
                email=options["email"],
                password=password,
            )

        lines = [
            "Wagtail admin user created",
            "",
            f"URL:      {admin_url()}",
            f"Username: {username}",
            f"Password: {password}" if generated else "Password: (as given)",
        ]
        if generated:
            lines += ["", "This password is shown only once: note it now."]
        self.stdout.write(boxed(lines))
