"""Settings shared by every environment; deployment values come from the environment."""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE

from .env import env_bool, env_int, env_list, env_str
from .languages import SOURCE_LANGUAGE, all_languages, enabled_languages, install_lang_info, og_locales

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
# Everything the running site writes (database, media, mail, broker files) lives here.
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))

INSTALLED_APPS = [
    # First, so that serialized test data restores content types and permissions before the
    # rows that point at them (a restore otherwise re-creates them under new ids).
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "cms",
    "advisory",
    "translations",
    "workflows",
    # Before wagtail.admin and wagtail_2fa: its templates override theirs (translated, no inline style).
    "accounts",
    "privacy",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_countries",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Sign-in throttling and two-factor authentication of staff (accounts/, docs/deployment.md).
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "wagtail_2fa",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Oversized bodies (413) and control characters in the URL, headers and cookies (400), before
    # anything reads them (workflows.http).
    "workflows.http.RequestHygieneMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # After WhiteNoise: static files need no policy. Chooses the admin's policy by path (cms/csp.py).
    "cms.csp.SitePolicyCSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "cms.middleware.SiteLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Rate limits of the public forms, before CsrfViewMiddleware reads (and parses) the body.
    "workflows.http.PostGateMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # Control characters in form fields and file names (400).
    "workflows.http.FormHygieneMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Ends idle and over-long staff sessions before anything acts on the user.
    "accounts.middleware.StaffSessionMiddleware",
    # django-otp after authentication: coordinators, leads and administrators verify a TOTP code.
    "accounts.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Editorial admin screens for editorial staff; translators in their own languages (cms/admin_scope.py).
    "cms.admin_scope.AdminScopeMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# django-axes first: it refuses a locked-out sign-in before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "cms.context_processors.site_languages",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

# Database: SQLite under var/ unless DATABASE_URL names another.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: local memory unless REDIS_URL is set.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "cms"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Reverse proxies in front of the site that append to X-Forwarded-For (0: none, the peer is the client).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

# Rate limits of the public advisory forms (advisory.spam): posts of any kind and accepted
# submissions or link resends per client address and hour; accepted ones per e-mail address and day.
ADVISORY_FORM_POSTS_PER_HOUR = env_int("ADVISORY_FORM_POSTS_PER_HOUR", 30)
ADVISORY_SUBMISSIONS_PER_HOUR = env_int("ADVISORY_SUBMISSIONS_PER_HOUR", 5)
ADVISORY_SUBMISSIONS_PER_EMAIL_PER_DAY = env_int("ADVISORY_SUBMISSIONS_PER_EMAIL_PER_DAY", 3)
ADVISORY_RESENDS_PER_HOUR = env_int("ADVISORY_RESENDS_PER_HOUR", 5)
ADVISORY_RESENDS_PER_EMAIL_PER_DAY = env_int("ADVISORY_RESENDS_PER_EMAIL_PER_DAY", 3)
# Gates run before a post's body is read (workflows.http.PostGateMiddleware).
EARLY_POST_GATES = ["advisory.public.gate.early_gate"]

# Staff accounts (accounts/, docs/deployment.md). Sign-in throttling by django-axes: a username is locked
# for one client address after AXES_FAILURE_LIMIT failures, for AXES_COOLOFF_MINUTES.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "accounts.client_ip.client_ip"
# The lockout page in the admin's look (accounts/templates/accounts/lockout.html), status 429.
AXES_LOCKOUT_CALLABLE = "accounts.views.lockout_response"
# django-axes would log usernames and addresses of failures; the lockouts admin shows them instead.
AXES_VERBOSE = False
AXES_RESET_ON_SUCCESS = True
# No row per successful sign-in: it would keep addresses and browsers of staff without a retention period.
AXES_DISABLE_ACCESS_LOG = True
# Password-reset e-mails per address and per client address within the window (seconds).
ACCOUNTS_PASSWORD_RESET_LIMIT_PER_ADDRESS = env_int("PASSWORD_RESET_LIMIT_PER_ADDRESS", 3)
ACCOUNTS_PASSWORD_RESET_LIMIT_PER_IP = env_int("PASSWORD_RESET_LIMIT_PER_IP", 10)
ACCOUNTS_PASSWORD_RESET_WINDOW = env_int("PASSWORD_RESET_WINDOW", 3600)
# Two-factor authentication (wagtail-2fa on django-otp): required of superusers and of the groups
# holding the "Enable 2FA" permission (coordinators and lead coordinators); others may enrol.
WAGTAIL_2FA_REQUIRED = True
# Only the embedded demo (dev settings) lets its demo logins skip enrolment; a check refuses it without DEBUG.
ACCOUNTS_DEMO_LOGINS_SKIP_2FA = False
# Signed-in sessions end after this many seconds without a request, and this many after sign-in.
ACCOUNTS_SESSION_IDLE_TIMEOUT = env_int("SESSION_IDLE_TIMEOUT", 30 * 60)
ACCOUNTS_SESSION_ABSOLUTE_TIMEOUT = env_int("SESSION_ABSOLUTE_TIMEOUT", 12 * 60 * 60)
SESSION_COOKIE_AGE = ACCOUNTS_SESSION_ABSOLUTE_TIMEOUT

# Languages (cms/settings/languages.py): every official EU language is known, by Django's names;
# SITE_LANGUAGES enables a subset, English always on as the source. An enabled language needs its
# catalogue under locales/ (the cms.E001 check refuses one without); cms.language_sync makes its Wagtail
# locale and its translation team after migrate.
install_lang_info()
ALL_LANGUAGES = all_languages()
_enabled = enabled_languages(env_list("SITE_LANGUAGES", ["en", "de", "fr", "es", "it", "pl"]), ALL_LANGUAGES)
LANGUAGE_CODE = SOURCE_LANGUAGE
LANGUAGES = [(code, ALL_LANGUAGES[code]) for code in _enabled]
# Open Graph's language_TERRITORY of each enabled language ("de" -> "de_DE").
OG_LOCALES = og_locales(_enabled)
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
USE_I18N = True
LOCALE_PATHS = [BASE_DIR / "locales"]
# Day-first dates and 24-hour times in every language (cms/formats/<lang>/formats.py).
FORMAT_MODULE_PATH = ["cms.formats"]
# A translation goes live only when a translator publishes it.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# Deadlines of calls are entered and shown in Brussels time.
TIME_ZONE = "Europe/Brussels"
USE_TZ = True
WAGTAIL_USER_TIME_ZONES = ["Europe/Brussels"]

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
MEDIA_URL = "/media/"
# Confidential files (requesters' attachments, deliverables): outside MEDIA_ROOT, no URL, served
# only by permission-checked views (workflows.storage, docs/deployment.md).
# The manage.py check refuses a PRIVATE_MEDIA_ROOT inside MEDIA_ROOT or STATIC_ROOT (workflows.checks).
PRIVATE_MEDIA_ROOT = Path(env_str("PRIVATE_MEDIA_ROOT", str(VAR_DIR / "private")))
# Or a private bucket of an S3-compatible object store (needs the `s3` extra). Credentials come from
# boto3's usual sources (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, an instance role), never from here.
PRIVATE_STORAGE_BUCKET = env_str("PRIVATE_STORAGE_BUCKET")
if PRIVATE_STORAGE_BUCKET:
    _private_storage = {
        "BACKEND": "workflows.storage_s3.PrivateS3Storage",
        "OPTIONS": {
            "bucket_name": PRIVATE_STORAGE_BUCKET,
            "location": env_str("PRIVATE_STORAGE_PREFIX"),
            "endpoint_url": env_str("AWS_S3_ENDPOINT_URL") or None,
            "region_name": env_str("AWS_S3_REGION_NAME") or None,
        },
    }
else:
    _private_storage = {
        "BACKEND": "workflows.storage.PrivateFileSystemStorage",
        "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT)},
    }
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    "private": _private_storage,
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Request bodies: form fields at most DATA_UPLOAD_MAX_MEMORY_SIZE (Wagtail's page editor posts the
# largest), files above FILE_UPLOAD_MAX_MEMORY_SIZE go to temporary files, and a whole body above
# MAX_REQUEST_BODY_SIZE is refused with 413 before it is read (workflows.http). The default fits the
# largest advisory submission (ADVISORY_MAX_FILES files of ADVISORY_MAX_UPLOAD_SIZE: 5 x 10 MB) plus the
# form; the proxy's own cap (client_max_body_size) should match it.
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DATA_UPLOAD_MAX_MEMORY_SIZE", 5 * 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = env_int("FILE_UPLOAD_MAX_MEMORY_SIZE", 2_621_440)
DATA_UPLOAD_MAX_NUMBER_FILES = env_int("DATA_UPLOAD_MAX_NUMBER_FILES", 20)
MAX_REQUEST_BODY_SIZE = env_int("MAX_REQUEST_BODY_SIZE", 51 * 1024 * 1024)

# Wagtail
WAGTAIL_SITE_NAME = env_str("SITE_NAME", "European Secretariat for Cluster Analysis")
# The address the site is served on, e.g. https://www.example.org: every absolute link outside a
# request (e-mails, the printed logins, calendar UIDs) starts with it, and load_demo points the default
# Wagtail Site at it, from which the sitemap, hreflang, feeds and .ics files take theirs. `make run
# ADDR=host:port` sets it to http://host:port. WAGTAILADMIN_BASE_URL, its older name, is still read.
SITE_URL = (env_str("SITE_URL") or env_str("WAGTAILADMIN_BASE_URL") or "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL") or SITE_URL
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_MODERATION_ENABLED = True

# Content-Security-Policy (django-csp; docs/deployment.md). The public site and the tracking pages
# run no inline script or style: every script and stylesheet is a static file.
_CSP_REPORT_URI = env_str("CSP_REPORT_URI")
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        # Images from a CDN or an S3 bucket's own domain: CSP_EXTRA_IMG_SRC=https://cdn.example.org
        "img-src": [SELF, "data:", *env_list("CSP_EXTRA_IMG_SRC", [])],
        # Players of the video hosts an editor may embed (Wagtail's embed block).
        "frame-src": env_list(
            "CSP_FRAME_SRC",
            ["https://www.youtube.com", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        ),
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        # Only this origin may frame the site: the admin's live preview.
        "frame-ancestors": [SELF],
        "report-uri": [_CSP_REPORT_URI] if _CSP_REPORT_URI else None,
    }
}
# The Wagtail admin (cms.csp.SitePolicyCSPMiddleware): what Wagtail 7.4 needs on top, no more.
# Its editors run inline initialisation scripts (inline panels, date pickers, teleported templates)
# and insert <style> elements (React); measured and explained in docs/deployment.md. Inline event
# handlers (onclick=...), the usual form of injected script, stay blocked.
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, UNSAFE_INLINE],
        "script-src-attr": [NONE],
        "style-src": [SELF, UNSAFE_INLINE],
        # The live preview is a frame of the editor on this origin.
        "frame-src": [SELF, *CONTENT_SECURITY_POLICY["DIRECTIVES"]["frame-src"]],
    }
}
# Staff addresses are not sent to Gravatar (a third party, and an img-src the admin would need);
# the admin shows its default avatar instead.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Wagtail's search backends (the admin's search), extended to keep the visitors' search index in
# step on publish, unpublish, delete and `update_index` (cms.search.backends).
ELASTICSEARCH_URL = env_str("ELASTICSEARCH_URL")
ELASTICSEARCH_INDEX_PREFIX = env_str("ELASTICSEARCH_INDEX_PREFIX", "cms_")
# Analysis plugins the cluster has (docs/search-elasticsearch.md): "analysis-stempel" gives Polish
# its stemmer on the cluster; without it Polish is analysed in Python, which needs no plugin.
SEARCH_ELASTICSEARCH_PLUGINS = env_list("ELASTICSEARCH_PLUGINS")
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "cms.search.backends.elasticsearch9",
            "URLS": [ELASTICSEARCH_URL],
            "INDEX_PREFIX": ELASTICSEARCH_INDEX_PREFIX,
            "TIMEOUT": 5,
        }
    }
else:
    # SQLite FTS locally, PostgreSQL full-text search when DATABASE_URL is PostgreSQL.
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "cms.search.backends.database"}}

# Requesters' tracking links (advisory.conf explains each): lifetime after the request ended, idle
# minutes of a browser's access to a request, hours of a resend e-mail's one-time sign-in link,
# attempts per client address and hour to open a request (against guessing).
ADVISORY_TRACKING_LINK_TTL_DAYS = env_int("ADVISORY_TRACKING_LINK_TTL_DAYS", 90)
ADVISORY_TRACKING_SESSION_IDLE_MINUTES = env_int("ADVISORY_TRACKING_SESSION_IDLE_MINUTES", 120)
ADVISORY_SIGN_IN_LINK_HOURS = env_int("ADVISORY_SIGN_IN_LINK_HOURS", 24)
ADVISORY_TRACKING_OPENS_PER_HOUR = env_int("ADVISORY_TRACKING_OPENS_PER_HOUR", 30)
# Retention: closed, declined and withdrawn requests are anonymised this long after they ended
# (docs/privacy.md). ADVISORY_RETENTION_DAYS, when set above 0, replaces the years.
ADVISORY_RETENTION_YEARS = env_int("ADVISORY_RETENTION_YEARS", 5)
ADVISORY_RETENTION_DAYS = env_int("ADVISORY_RETENTION_DAYS", 0)
# Key of the hash that recognises an erased address again; empty: SECRET_KEY (rotating it forgets them).
PRIVACY_HASH_KEY = env_str("PRIVACY_HASH_KEY")

# Calls closing within this many days show as "closing soon".
CALL_CLOSING_SOON_DAYS = env_int("CALL_CLOSING_SOON_DAYS", 14)

# E-mail: written to var/mail/ and the console unless an SMTP server is configured.
EMAIL_HOST = env_str("EMAIL_HOST")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
    EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", EMAIL_PORT == 587)
    EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
    # Seconds per SMTP operation; without it a stalled server holds a worker forever.
    EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)
else:
    EMAIL_BACKEND = "cms.mail.FileAndConsoleBackend"
    EMAIL_FILE_PATH = VAR_DIR / "mail"
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "secretariat@cluster-analysis.example")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Celery: a broker needing no server (files under var/) unless CELERY_BROKER_URL is set.
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", "filesystem://")
if CELERY_BROKER_URL == "filesystem://":
    _broker_dir = VAR_DIR / "celery"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_broker_dir / "queue"),
        "data_folder_out": str(_broker_dir / "queue"),
        "processed_folder": str(_broker_dir / "processed"),
        "store_processed": False,
        # Exchange tables (kombu's default is a "control" folder in the working directory).
        "control_folder": str(_broker_dir / "control"),
        # kombu polls the folder every second by default: a laptop's e-mail should not wait for it.
        "polling_interval": 0.2,
    }
else:
    # Redis (and SQS) hand an unacknowledged message to another worker after this many seconds.
    # It must exceed the longest a worker holds a message before acknowledging it: a retry
    # waiting for its countdown (at most WORKFLOWS_MAIL_RETRY_BACKOFF_MAX) or a running task.
    # Shorter, and every retry would be delivered twice (harmless, the row is claimed, but wasteful).
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", 3600)}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# One queue name per deployment sharing a broker (the tests give each worker its own).
CELERY_TASK_DEFAULT_QUEUE = env_str("CELERY_TASK_DEFAULT_QUEUE", "celery")
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_IGNORE_RESULT = True
# Acknowledge a task after it ran, and give it back to the broker when its worker dies, so no
# task is lost with a worker; every task here tolerates running twice (the outbox claims each
# row, deadlines fire once, publishing is idempotent). One message per worker process at a time,
# so a long task does not hold others hostage in its prefetch buffer.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
# Run by exactly one beat process per deployment.
CELERY_BEAT_SCHEDULE = {
    "publish-scheduled-pages": {
        "task": "cms.tasks.publish_scheduled_pages",
        "schedule": 5 * 60,
    },
    "relay-outbox": {
        "task": "workflows.tasks.relay_outbox",
        "schedule": 60,
        # A run missed while beat was down is not worth catching up: the next one covers it.
        "options": {"expires": 55},
    },
    # Advisory deadlines: reminders, escalations, expired invitations, automatic closing.
    "scan-advisory-deadlines": {
        "task": "advisory.tasks.scan_deadlines",
        "schedule": 5 * 60,
        "options": {"expires": 4 * 60},
    },
    # Retention: anonymise requests that ended longer ago than ADVISORY_RETENTION_YEARS.
    "anonymise-expired-advisory-requests": {
        "task": "advisory.tasks.anonymise_expired_requests",
        "schedule": 24 * 60 * 60,
        "options": {"expires": 12 * 60 * 60},
    },
}

# Wagtail's own background work (reference index, search index, image focal points, frontend
# cache purges) goes through django-tasks. The immediate backend runs each task at once, in the
# process that saved the object: no worker to run, and the index is current when the save returns.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Outgoing notifications: the process engine writes outbox rows in the transaction of a
# transition; on commit this dispatcher publishes one Celery task per row (docs/notifications.md).
WORKFLOWS_DISPATCHER = "workflows.tasks.enqueue_on_commit"
# Reply-To of notifications whose payload names none (comma-separated addresses; none by default).
WORKFLOWS_REPLY_TO = env_list("WORKFLOWS_REPLY_TO", [])
# SMTP and connection errors: retried WORKFLOWS_MAIL_MAX_RETRIES times, waiting a random time up
# to BACKOFF * 2^(attempt-1) seconds, at most BACKOFF_MAX; then the message shows as failed.
WORKFLOWS_MAIL_MAX_RETRIES = env_int("WORKFLOWS_MAIL_MAX_RETRIES", 10)
WORKFLOWS_MAIL_RETRY_BACKOFF = env_int("WORKFLOWS_MAIL_RETRY_BACKOFF", 30)
WORKFLOWS_MAIL_RETRY_BACKOFF_MAX = env_int("WORKFLOWS_MAIL_RETRY_BACKOFF_MAX", 600)
# A message pending this many seconds past its due time is published again by the relay.
WORKFLOWS_OUTBOX_RELAY_AFTER = env_int("WORKFLOWS_OUTBOX_RELAY_AFTER", 120)
# A message claimed for sending this many seconds ago is presumed lost with its worker and
# sent again; keep it above the sending task's time limit (300 s).
WORKFLOWS_OUTBOX_LEASE = env_int("WORKFLOWS_OUTBOX_LEASE", 600)
# Payload keys blanked once a message is sent: one-time secrets have no business staying there.
WORKFLOWS_MAIL_SCRUB_KEYS = ["tracking_token"]
# Business days (deadlines, reminders) skip weekends, the public holidays of this country (ISO code;
# empty for none) and subdivision (as the `holidays` package names them, e.g. "BY" for Bavaria), and
# the office's own closing days (ISO dates, e.g. "2026-12-28,2026-12-29"). The EU institutions'
# closing days are not in the `holidays` package: list them here if the office follows them.
WORKFLOWS_HOLIDAY_COUNTRY = env_str("WORKFLOWS_HOLIDAY_COUNTRY", "BE")
WORKFLOWS_HOLIDAY_SUBDIVISION = env_str("WORKFLOWS_HOLIDAY_SUBDIVISION")
WORKFLOWS_EXTRA_CLOSING_DAYS = env_list("WORKFLOWS_EXTRA_CLOSING_DAYS", [])

# Log lines carry ids and references; the filter masks what slips through (e-mail addresses,
# tracking-link secrets) on the one handler everything reaches. Naming "django", "django.server"
# (runserver's access lines) and "gunicorn.access" drops their own handlers, which write unfiltered:
# their records reach the root handler instead. The Celery worker adds the filter to its own
# handlers (cms/celery.py).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact": {"()": "workflows.logging.RedactPersonalData"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["redact"]}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django": {"level": "INFO", "propagate": True},
        "django.server": {"level": "INFO", "propagate": True},
        "gunicorn.access": {"level": "INFO", "propagate": True},
        "django.db.backends": {"level": "WARNING"},
        # At DEBUG it logs every failed variable lookup with the whole template context (names,
        # addresses): pinned, so no LOG_LEVEL or level of "django" can turn that on.
        "django.template": {"level": "INFO"},
        # django-axes reports every sign-in at INFO; failures and lockouts show in the lockouts admin.
        "axes": {"level": "WARNING"},
    },
}
