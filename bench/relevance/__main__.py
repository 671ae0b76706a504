"""`python -m bench.relevance`: Django is set up from the environment, then the harness runs."""

import os
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
django.setup()

from .harness import main  # noqa: E402 - the harness imports models, which need Django set up

sys.exit(main())
