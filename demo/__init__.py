"""The embedded demo: the site's pages in six languages and the advisory network with its history.

A development app, loaded by `python manage.py load_demo` (`make run`). It is installed by the
development and test settings only and left out of the wheel, so a deployment carries neither the
demo's prose nor its development dependency time-machine. It depends on the apps; no app imports it.

- `site`: the public site's pages, snippets and documents as data, and the builder that publishes them;
- `advisory`: coordinators, experts, demo logins and requests in every state, played through the engine;
- `pdf`: the small PDF files of publications, deliverables and attachments;
- `report`: what a load did, as the command prints it.
"""
