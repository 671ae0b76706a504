"""The Wagtail admin of the advisory domain: the coordinators' queue and request view, the experts' narrow
menu (invitations, engagements, deliverables) and the dashboard panels.

Views stay thin: they read through `advisory.selectors`, change states through `workflows.engine.perform`
and write through `advisory.services`; every list and object is scoped by the permission matrix.
"""
