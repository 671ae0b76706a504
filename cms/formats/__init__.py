"""Date and time formats per language, on top of Django's (settings.FORMAT_MODULE_PATH).

The admin writes dates the European way in every language: day first, 24-hour clock, dots in German
and Polish (07.12.2026 14:30), slashes elsewhere (07/12/2026 14:30), English included (Django's
English is American: 12/07/2026 2:30 p.m.). Only the short formats are set here; what is not set
falls back to Django's own module for the language, so the public pages' long dates stay as they are.
"""
