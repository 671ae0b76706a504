"""Which engine answers: the deployment's database, or Elasticsearch when it is configured."""

from django.db import connection

from cms.search import elasticsearch, engine, postgres_engine, python_engine


def test_the_database_chooses_the_engine():
    expected = {"sqlite": python_engine, "postgresql": postgres_engine}[connection.vendor]
    assert engine._engine() is expected


def test_elasticsearch_answers_when_configured(settings):
    settings.ELASTICSEARCH_URL = "http://search.invalid:9200"
    assert engine._engine() is elasticsearch
