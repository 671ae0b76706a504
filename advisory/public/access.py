"""How a browser gets to see a request: a link or code exchanged once for a short session.

The machinery is `workflows.public_access` (the token in the URL fragment, the exchange form, a
session holding only the request's id and token hash, the idle timeout, sign-out); here is advisory's
configuration of it: the session key and ADVISORY_TRACKING_SESSION_IDLE_MINUTES.
"""

from workflows.public_access import OpenForm, TrackingSessions, parse_code

from .. import conf
from ..models import AdvisoryRequest

__all__ = ["OpenForm", "SESSION_KEY", "parse_code", "sessions"]

SESSION_KEY = "advisory_tracking"

sessions = TrackingSessions(
    AdvisoryRequest,
    session_key=SESSION_KEY,
    idle_minutes=lambda: conf.get("ADVISORY_TRACKING_SESSION_IDLE_MINUTES"),
)
