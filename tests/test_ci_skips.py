"""The CI rule on skips (tests/conftest.py): under REQUIRE_INTEGRATION=1 a skip is a failure,
except for tests marked `elasticsearch`.

Run on real tests of the suite in a pytest of its own, with the services they need left out.
"""

import os
import subprocess
import sys
import xml.etree.ElementTree as ET

from django.conf import settings

REDIS_TEST = "tests/integration/test_cache_redis.py::test_the_cache_backend_is_redis"
ELASTICSEARCH_TEST = "tests/integration/test_search_elasticsearch.py::test_the_backend_is_elasticsearch"
SERVICES = ("REDIS_URL", "ELASTICSEARCH_URL", "PYTEST_XDIST_WORKER", "PYTEST_ADDOPTS")


def _outcomes(tmp_path, **environment):
    report = tmp_path / "report.xml"
    env = {name: value for name, value in os.environ.items() if name not in SERVICES}
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            "-p",
            "no:xdist",
            "-q",
            f"--junitxml={report}",
            REDIS_TEST,
            ELASTICSEARCH_TEST,
        ],
        cwd=settings.BASE_DIR,
        env={**env, **environment},
        capture_output=True,
        check=False,
    )
    outcomes = {}
    for case in ET.parse(report).iter("testcase"):  # noqa: S314 - the report our own pytest wrote
        problems = [child for child in case if child.tag in ("skipped", "failure", "error")]
        outcomes[case.get("name")] = [(child.tag, child.get("message", "")) for child in problems]
    return outcomes


def test_under_require_integration_a_skip_fails_unless_it_is_elasticsearch(tmp_path):
    outcomes = _outcomes(tmp_path, REQUIRE_INTEGRATION="1")

    [(kind, message)] = outcomes["test_the_cache_backend_is_redis"]
    assert kind == "error"  # the skip happens while the test is set up
    assert "skipping is refused (REQUIRE_INTEGRATION=1): needs Redis" in message
    [(kind, message)] = outcomes["test_the_backend_is_elasticsearch"]
    assert (kind, message.startswith("needs Elasticsearch")) == ("skipped", True)
