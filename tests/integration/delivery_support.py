"""Real parts for delivery tests and benchmarks: an SMTP server in this process, Celery worker processes.

`SmtpSink` is an aiosmtpd server on a free port of 127.0.0.1 that records what it accepts (and can
refuse, or hold a conversation). `WorkerPool` starts `celery -A cms worker` subprocesses on the test
database (PostgreSQL) and a queue of their own on the Redis broker, sending over SMTP to the sink,
and deletes that queue afterwards. Used by tests/integration/test_delivery.py and bench/.
"""

import asyncio
import email
import email.policy
import json
import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from urllib.parse import urlsplit, urlunsplit

import pytest
import redis
from aiosmtpd.controller import Controller
from django.conf import settings
from django.db import connection

from cms.celery import app

WAIT_SECONDS = 20
QUIET_SECONDS = 0.5
STOP_SECONDS = 15
# What every test worker runs with: quick retries and relay, so that recovery shows within seconds.
WORKER_SETTINGS = {
    "WORKFLOWS_MAIL_RETRY_BACKOFF": "1",
    "WORKFLOWS_MAIL_RETRY_BACKOFF_MAX": "1",
    "WORKFLOWS_OUTBOX_RELAY_AFTER": "1",
    "WORKFLOWS_OUTBOX_LEASE": "2",
    "EMAIL_TIMEOUT": "5",
}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(condition, what, pool=None, timeout=WAIT_SECONDS):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        if pool is not None:
            pool.check_alive(what)
        time.sleep(0.05)
    logs = pool.logs() if pool is not None else ""
    pytest.fail(f"no {what} within {timeout}s\n{logs}")


class SmtpSink:
    """An SMTP server that records each message it accepts; it can refuse, or hold one conversation.

    `refusing`: answer DATA with 451. `hold` = "rcpt" or "data": the first conversation stops there
    (at "data" after the message was recorded, as an MTA that has queued it) until `release` is set.
    """

    def __init__(self, port=None):
        self.port = port or free_port()
        self.received = []
        self.arrived_at = {}  # idempotency key: time.monotonic() of its first arrival
        self.arrived = threading.Event()
        self.lock = threading.Lock()
        self.refusing = False
        self.refused = 0
        self.hold = None
        self.held = threading.Event()
        self.release = threading.Event()
        self.controller = None

    def start(self):
        logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd logs every command
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        self.release.set()
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    async def _wait_for_release(self):
        while not self.release.is_set():
            await asyncio.sleep(0.02)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.hold == "rcpt" and not self.held.is_set():
            self.held.set()
            await self._wait_for_release()
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.refusing:
            with self.lock:
                self.refused += 1
            return "451 4.3.0 Try again later"
        now = time.monotonic()
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.lock:
            self.received.append(message)
            self.arrived_at.setdefault(str(message["X-Idempotency-Key"]).strip(), now)
        self.arrived.set()
        if self.hold == "data" and not self.held.is_set():
            self.held.set()
            await self._wait_for_release()
        return "250 2.0.0 Accepted"

    def count(self):
        with self.lock:
            return len(self.received)

    def keys(self):
        with self.lock:
            return [str(message["X-Idempotency-Key"]).strip() for message in self.received]

    def wait_for(self, count, pool=None, timeout=WAIT_SECONDS):
        wait_until(lambda: self.count() >= count, f"{count} message(s) at the SMTP server", pool, timeout)
        time.sleep(QUIET_SECONDS)  # and then nothing more


def database_url(name):
    """DATABASE_URL of this run with the database name replaced (by the test database's)."""
    parts = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(parts._replace(path=f"/{name}"))


class WorkerPool:
    """Celery worker processes on one queue of their own, sending to `smtp`."""

    def __init__(self, smtp, log_dir, extra_env=None):
        test_database = connection.settings_dict["NAME"]
        # Never point a worker that sends e-mail at anything but the test database.
        assert test_database.startswith("test_"), test_database
        self.queue = f"delivery-{uuid.uuid4().hex[:12]}"
        self.log_dir = log_dir
        self.env = {
            **os.environ,
            "DATABASE_URL": database_url(test_database),
            "TEST_SMTP": "1",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(smtp.port),
            "EMAIL_USE_TLS": "0",
            "EMAIL_USE_SSL": "0",
            "CELERY_TASK_DEFAULT_QUEUE": self.queue,
            **WORKER_SETTINGS,
            **(extra_env or {}),
        }
        self.processes = []
        self.killed = []

    def start(self, concurrency=1):
        number = len(self.processes) + 1
        pool = ["--pool=solo"] if concurrency == 1 else ["--pool=prefork", f"--concurrency={concurrency}"]
        command = [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "cms",
            "worker",
            *pool,
            "--loglevel=info",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            f"--queues={self.queue}",
            f"--hostname=w{number}.{self.queue}@%h",
        ]
        log_path = self.log_dir / f"worker{number}.log"
        with log_path.open("wb") as log:
            process = subprocess.Popen(
                command, cwd=settings.BASE_DIR, env=self.env, stdout=log, stderr=subprocess.STDOUT
            )
        process.log_path = log_path
        self.processes.append(process)
        return process

    def wait_ready(self, process):
        wait_until(lambda: b" ready." in process.log_path.read_bytes(), "ready worker", self)

    def kill(self, process):
        """SIGKILL: no warm shutdown, nothing acknowledged, nothing given back to the broker."""
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=STOP_SECONDS)
        self.killed.append(process)

    def check_alive(self, what):
        for process in self.processes:
            if process not in self.killed and process.poll() is not None:
                pytest.fail(f"a worker exited ({process.returncode}) before {what}\n{self.logs()}")

    def logs(self):
        return "\n".join(
            f"--- {process.log_path.name}\n{process.log_path.read_text(errors='replace')}"
            for process in self.processes
        )

    def stop(self):
        """Kill every worker (the test has seen what it needed; a warm shutdown costs seconds), then
        delete what they leave on the broker."""
        for process in self.processes:
            if process.poll() is None:
                process.kill()
        for process in self.processes:
            process.wait(timeout=STOP_SECONDS)
        self.forget_queue()

    def forget_queue(self):
        """Delete this pool's queue, its bindings and what a killed worker left unacknowledged for it.

        Only keys named after this pool's queue are touched (Celery names the default exchange
        after the default queue); the broker may be shared.
        """
        client = redis.Redis.from_url(os.environ["CELERY_BROKER_URL"])
        separator = "\x06\x16"  # kombu's priority queues: <queue>, <queue>\x06\x163, ...
        client.delete(
            self.queue,
            *(f"{self.queue}{separator}{priority}" for priority in range(1, 10)),
            f"_kombu.binding.{self.queue}",
            f"_kombu.binding_permanent.{self.queue}",
        )
        for tag, raw in client.hgetall("unacked").items():
            try:
                _message, _exchange, routing_key = json.loads(raw)
            except (ValueError, TypeError):
                continue
            if routing_key == self.queue:
                client.hdel("unacked", tag)
                client.zrem("unacked_index", tag)

    def purge(self):
        """Drop what waits in the queue, as a broker restarted without persistence would."""
        with app.connection_for_write() as broker:
            return broker.default_channel.queue_purge(self.queue)
