"""The import graph of the project: no circle anywhere, and the contracts of pyproject.toml hold.

grimp reads every import statement, those inside functions and under `if TYPE_CHECKING:` too: a
circle closed by a function-level import is still a circle between the modules. The
`[tool.importlinter]` contracts (the engine imports no app, the floors of the project and of
advisory/ run one way) are checked by `lint-imports`, run here and as a step of .ci/run.
"""

import subprocess
import sys
import tomllib
from pathlib import Path

import grimp
import pytest
from django.conf import settings

PYPROJECT = Path(settings.BASE_DIR) / "pyproject.toml"
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def root_packages() -> list[str]:
    return tomllib.loads(PYPROJECT.read_text())["tool"]["importlinter"]["root_packages"]


@pytest.fixture(scope="module")
def graph():
    return grimp.build_graph(*root_packages(), cache_dir=None)


def circles(graph) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm, iterative)."""
    index, low, on_stack, stack, found = {}, {}, set(), [], []
    for start in sorted(graph.modules):
        if start in index:
            continue
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        work = [(start, iter(sorted(graph.find_modules_directly_imported_by(start))))]
        while work:
            module, imported = work[-1]
            for target in imported:
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(sorted(graph.find_modules_directly_imported_by(target)))))
                    break
                if target in on_stack:
                    low[module] = min(low[module], index[target])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[module])
                if low[module] == index[module]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == module:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
    return sorted(found)


def describe(graph, component: list[str]) -> str:
    """The component's modules and one circle through its first module, with the lines that import."""
    first = component[0]
    back = min(
        (
            graph.find_shortest_chain(importer=target, imported=first)
            for target in graph.find_modules_directly_imported_by(first)
            if target in component
        ),
        key=len,
    )
    chain = (first, *back)
    steps = []
    for importer, imported in zip(chain, chain[1:], strict=False):
        details = graph.get_import_details(importer=importer, imported=imported)
        lines = ", ".join(f"l.{detail['line_number']}" for detail in details)
        steps.append(f"    {importer} -> {imported} ({lines})")
    return f"{len(component)} modules: {', '.join(component)}\n  e.g.\n" + "\n".join(steps)


def test_no_module_of_the_project_imports_itself_back(graph):
    found = circles(graph)
    if found:
        report = "\n".join(describe(graph, component) for component in found)
        pytest.fail(f"import circles:\n{report}", pytrace=False)


def test_the_import_contracts_hold():
    result = subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo", str(PYPROJECT)],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        pytest.fail(result.stdout + result.stderr, pytrace=False)


def test_the_cycle_finder_finds_a_circle_of_three_and_not_a_chain():
    """The finder itself, on a graph written by hand."""
    graph = grimp.ImportGraph()
    for module in ("a", "a.one", "a.two", "a.three", "a.four", "a.five"):
        graph.add_module(module)
    for importer, imported in [
        ("a.one", "a.two"),
        ("a.two", "a.three"),
        ("a.three", "a.one"),
        ("a.three", "a.four"),
        ("a.four", "a.five"),
    ]:
        graph.add_import(importer=importer, imported=imported, line_number=1, line_contents="import")

    assert circles(graph) == [["a.one", "a.three", "a.two"]]
    assert describe(graph, ["a.one", "a.three", "a.two"]).splitlines()[2:] == [
        "    a.one -> a.two (l.1)",
        "    a.two -> a.three (l.1)",
        "    a.three -> a.one (l.1)",
    ]
