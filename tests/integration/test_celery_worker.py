"""A real Celery worker, fed through Redis, runs the site's periodic publishing task.

The worker is a separate process (`celery -A cms worker`) with the same environment as
the tests, pointed at the test database; the test commits its data (transaction=True) so
the worker can see it, and restores the migrations' content afterwards (serialized_rollback).
"""

import os
import subprocess
import sys
import time
import uuid
from datetime import timedelta
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone
from wagtail.models import Page

from cms.celery import app
from cms.models import HomePage, StandardPage

pytestmark = [pytest.mark.integration, pytest.mark.services("postgresql", "redis_broker")]

WAIT_SECONDS = 60
STOP_SECONDS = 20


class Worker:
    def __init__(self, process, queue, log_path):
        self.process = process
        self.queue = queue
        self.log_path = log_path

    def log(self):
        return self.log_path.read_text(errors="replace")

    def wait_for(self, condition, what):
        """Poll until `condition()` holds; fail with the worker's log if it dies or time runs out."""
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline:
            if condition():
                return
            if self.process.poll() is not None:
                code = self.process.returncode
                pytest.fail(f"the Celery worker exited ({code}) before {what}:\n{self.log()}")
            time.sleep(0.25)
        pytest.fail(f"no {what} within {WAIT_SECONDS}s; worker log:\n{self.log()}")

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()  # warm shutdown
            try:
                self.process.wait(timeout=STOP_SECONDS)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def database_url(name):
    """DATABASE_URL of this run with the database name replaced (by the test database's)."""
    parts = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(parts._replace(path=f"/{name}"))


@pytest.fixture
def celery_worker(tmp_path):
    # PostgreSQL, because the worker must open the test database too (SQLite's is in memory).
    test_database = connection.settings_dict["NAME"]
    # Never point a worker that publishes pages at anything but the test database.
    assert test_database.startswith("test_"), test_database

    queue = f"integration-{uuid.uuid4().hex[:12]}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": os.environ["DJANGO_SETTINGS_MODULE"],
        "DATABASE_URL": database_url(test_database),
    }
    command = [
        sys.executable,
        "-m",
        "celery",
        "-A",
        "cms",
        "worker",
        "--pool=solo",
        "--concurrency=1",
        "--loglevel=info",
        "--without-gossip",
        "--without-mingle",
        "--without-heartbeat",
        f"--queues={queue}",
        f"--hostname={queue}@%h",
    ]
    log_path = tmp_path / "worker.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            command, cwd=settings.BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT
        )
    worker = Worker(process, queue, log_path)
    try:
        yield worker
    finally:
        worker.stop()
        with app.connection_for_write() as broker:
            broker.default_channel.queue_delete(queue)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_worker_publishes_a_page_whose_go_live_time_has_passed(celery_worker):
    home = HomePage.objects.get(locale__language_code=settings.LANGUAGE_CODE)
    page = StandardPage(title="Heliotrope network announcement", slug="heliotrope-announcement", live=False)
    home.add_child(instance=page)
    page.go_live_at = timezone.now() + timedelta(seconds=2)
    page.save_revision().publish()
    page.refresh_from_db()
    assert not page.live, "a page with a future go-live time is scheduled, not published"
    assert page.latest_revision.approved_go_live_at is not None

    while timezone.now() <= page.go_live_at:
        time.sleep(0.1)
    result = app.send_task("cms.tasks.publish_scheduled_pages", queue=celery_worker.queue)

    succeeded = f"Task cms.tasks.publish_scheduled_pages[{result.id}] succeeded"
    celery_worker.wait_for(lambda: succeeded in celery_worker.log(), "successful run of the task")
    page.refresh_from_db()
    assert page.live
    assert page.first_published_at is not None
    assert page.latest_revision.approved_go_live_at is None
    # Publishing in the worker also updated the search index the site's search reads.
    found = Page.objects.live().filter(locale=page.locale).search("heliotrope")
    assert [hit.pk for hit in found] == [page.pk]
