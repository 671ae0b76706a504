from pathlib import Path

import pytest

import workflows
from workflows import engine, transitions


def test_the_main_names_are_importable_from_the_package():
    assert workflows.perform is engine.perform
    assert workflows.workflow_transition is transitions.workflow_transition
    assert set(workflows.__all__) <= set(dir(workflows)) | set(workflows.__all__)
    with pytest.raises(AttributeError):
        workflows.nothing_here  # noqa: B018


def test_the_engine_knows_nothing_of_the_domain():
    for path in Path(workflows.__file__).parent.rglob("*.py"):
        source = path.read_text()
        for forbidden in ("import advisory", "from advisory", "import cms", "from cms"):
            assert forbidden not in source, f"{path.name} mentions {forbidden!r}"


def test_nothing_writes_a_state_with_a_queryset_update():
    for path in Path(workflows.__file__).parent.rglob("*.py"):
        assert "update(state" not in path.read_text(), path.name
