"""The client address django-axes records: the project's one reading of the proxy chain."""

from workflows.http import client_ip as _client_ip


def client_ip(request):
    """`workflows.http.client_ip`, or None where no address is known (axes stores an IP field)."""
    address = _client_ip(request)
    return None if address == "unknown" else address
