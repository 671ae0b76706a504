"""Demo content of the public site, loaded by `python manage.py load_demo`.

`content` holds the pages, snippets and documents as data (English with its German and
French translations, and Spanish, Italian and Polish for the home and About pages);
`builder` creates or updates them and publishes them through revisions; `localize`
translates them with wagtail-localize. The publications' PDF files come from `demo.pdf`.
"""
