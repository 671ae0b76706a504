"""Segment dictionaries of the demo: {English segment: translation}, one module per language.

`content` writes German and French beside the English (`T(..., de=, fr=)`); the other languages
translate the segments wagtail-localize extracts, in `translations/<language>.py`:

    COMPLETE = True   # every segment of the demo is translated: pages are translated into it
    SEGMENTS = {"About us": "Sobre nosotros", ...}

A language whose module says COMPLETE is a target of every page and snippet. To list what a
language still lacks: `python manage.py load_demo --missing es` (one JSON list of English segments).
"""

from importlib import import_module


def segments(language):
    """The language's segment dictionary, or {} when it has none."""
    module = _module(language)
    return dict(getattr(module, "SEGMENTS", {})) if module else {}


def complete(language):
    module = _module(language)
    return bool(module and getattr(module, "COMPLETE", False))


def _module(language):
    try:
        return import_module(f"{__name__}.{language}")
    except ModuleNotFoundError:
        return None
