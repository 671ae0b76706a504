"""Demo data of the advisory domain: the network's people and requests in every state, with history.

`load_advisory_demo()` is called by `manage.py load_demo` after the site's content.
"""

from .loader import AdvisoryDemoError, load_advisory_demo

__all__ = ["AdvisoryDemoError", "load_advisory_demo"]
