"""A Celery worker replaces the root log handlers with its own: the masking filter must follow."""

import os
import subprocess
import sys

from django.conf import settings

ADDRESS = "maria.muster@ministry.example"
TOKEN = "kq3C8v2N0aXb9ZtYw7uE5rLm1sPdQhGfJiKoUyTcVbN"

WORKER = f"""
import logging, django
django.setup()
from celery.utils.log import get_task_logger
from cms.celery import app
app.log.setup(loglevel="INFO", redirect_stdouts=True)  # what `celery worker` does at start
logging.getLogger("workflows.delivery").warning("refused %s", "{ADDRESS}")
get_task_logger("workflows.tasks").warning("Retry: SMTPRecipientsRefused({{'{ADDRESS}': (450, b'')}})")
print("opened /en/request-advice/track/{TOKEN}/")  # stdout goes to the celery.redirected logger
"""


def test_a_workers_own_log_handlers_mask_addresses_and_tokens():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test"}
    done = subprocess.run(
        [sys.executable, "-c", WORKER],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=settings.BASE_DIR,
    )
    output = done.stdout + done.stderr

    assert done.returncode == 0, output
    assert "refused [e-mail]" in output
    assert "SMTPRecipientsRefused({'[e-mail]': (450, b'')})" in output
    assert "/track/[secret]/" in output
    assert ADDRESS not in output and TOKEN not in output
