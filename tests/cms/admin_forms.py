"""Posting Wagtail's page forms the way a browser does, for validation tests."""

import html

from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.fields import StreamField
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield


def add_url(model, parent):
    return reverse("wagtailadmin_pages:add", args=(model._meta.app_label, model._meta.model_name, parent.pk))


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def form_data(client, url, model, fields):
    """The form as the admin serves it (management forms, rich-text widgets, defaults)
    with `fields` filled in on top, ready to post back.

    `fields` is flat form data, e.g. built with wagtail.test.utils.form_data's
    `nested_form_data`, `streamfield`, `inline_formset` and `rich_text` helpers.
    StreamFields are drawn by JavaScript, so the served HTML lacks their keys: those
    not given are posted empty.
    """
    response = client.get(url)
    assert response.status_code == 200, response
    content = response.content.decode()
    data = querydict_from_html(content, form_id="page-edit-form")
    # querydict_from_html picks the first option of a select with none selected, which
    # a browser does not do for a multiple select.
    for select in BeautifulSoup(content, "html.parser").select("#page-edit-form select[multiple]"):
        if not select.find_all("option", selected=True):
            data.pop(select["name"], None)
    for field in model._meta.get_fields():
        if isinstance(field, StreamField) and f"{field.name}-count" not in fields:
            data.update(nested_form_data({field.name: streamfield([])}))
    for name, value in fields.items():
        if isinstance(value, list | tuple):
            data.setlist(name, [str(v) for v in value])
        else:
            data[name] = str(value)
    return data


def post_page_form(client, url, model, fields, publish=False):
    data = form_data(client, url, model, fields)
    if publish:
        data["action-publish"] = "action-publish"
    return client.post(url, data)


def form_errors(response):
    """Field errors of the page form in a response that re-displays it."""
    form = response.context["form"]
    return {name: [str(error) for error in errors] for name, errors in form.errors.items()}


def page_text(response):
    """The response body with HTML entities decoded, for searching messages in it."""
    return html.unescape(response.content.decode())
