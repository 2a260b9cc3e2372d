"""Size limits of the house style, machine-checked: no function over 60 lines, no module over 500 lines.

Migrations and the demo's data modules are data, not code, and are left out; so are tests' data fixtures
(none today). A function's length counts its whole definition, decorators and docstring included.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("config", "core", "accounts", "violations", "casework", "sanctions", "figures", "demo", "bench", "tests")
MAX_FUNCTION_LINES = 60
MAX_MODULE_LINES = 500


def _modules() -> list[Path]:
    paths = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).parts
            if "migrations" in parts or parts[:2] == ("demo", "data"):
                continue
            paths.append(path)
    return paths


def _functions(tree: ast.AST) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
    return [node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)]


def _length(node: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    first = min([node.lineno, *(decorator.lineno for decorator in node.decorator_list)])
    return (node.end_lineno or node.lineno) - first + 1


def test_the_tree_is_measured():
    assert len(_modules()) > 200


@pytest.mark.parametrize("limit", [MAX_FUNCTION_LINES])
def test_no_function_is_longer_than_the_limit(limit):
    long = []
    for path in _modules():
        for node in _functions(ast.parse(path.read_text())):
            if _length(node) > limit:
                long.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name} ({_length(node)} lines)")

    assert long == []


@pytest.mark.parametrize("limit", [MAX_MODULE_LINES])
def test_no_module_is_longer_than_the_limit(limit):
    long = [
        f"{path.relative_to(ROOT)} ({count} lines)"
        for path in _modules()
        if (count := len(path.read_text().splitlines())) > limit
    ]

    assert long == []
