"""The demo writes nothing itself: every object it builds is created by a service, with its audit event."""

import ast
from pathlib import Path

DEMO = Path(__file__).resolve().parents[1]
# Model and queryset writes; a step module that needs one calls the service that makes it instead.
_ALWAYS_WRITES = {"get_or_create", "update_or_create", "bulk_create", "bulk_update", "update", "full_clean"}
_MANAGER_WRITES = {"create", "delete"}
_INSTANCE_WRITES = {"save", "delete", "set_password", "set_unusable_password"}
_NOT_MODELS = {"image"}  # PIL's Image.save writes a screenshot's bytes to memory


def _receiver_chain(node: ast.expr) -> list[str]:
    names = []
    while isinstance(node, ast.Attribute | ast.Call):
        if isinstance(node, ast.Call):
            node = node.func
            continue
        names.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        names.append(node.id)
    return names


def _direct_writes(path: Path, root: Path = DEMO.parent) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        method, receiver = node.func.attr, _receiver_chain(node.func.value)
        if (
            method in _ALWAYS_WRITES
            or (method in _MANAGER_WRITES and "objects" in receiver)
            or (method in _INSTANCE_WRITES and not set(receiver) & _NOT_MODELS)
            or (method in {"add", "set", "remove", "clear"} and receiver[:1] in (["groups"], ["units"]))
        ):
            found.append((node.lineno, f"{path.relative_to(root)}:{node.lineno} .{method}("))
    return [write for _line, write in sorted(found)]


# demo/scale writes a million benchmark cases by COPY in the services' shape (its docstring says why); the demo
# regency users log into is built only by services.
_NOT_BUILDERS = {"tests", "data", "scale"}


def _builder_modules() -> list[Path]:
    return [path for path in DEMO.rglob("*.py") if not _NOT_BUILDERS & set(path.relative_to(DEMO).parts)]


def test_the_demo_builder_writes_no_model_directly():
    modules = _builder_modules()

    assert len(modules) >= 10
    assert [write for path in modules for write in _direct_writes(path)] == []


def test_the_check_finds_the_direct_writes_the_demo_had(tmp_path):
    module = tmp_path / "old_demo.py"
    module.write_text(
        "Unit.objects.create(agency=agency, code=code)\n"
        "StaffingAuthority.objects.get_or_create(agency=agency, order=1)\n"
        "user.save(force_insert=True)\n"
        "user.groups.add(group)\n"
        "office.full_clean()\n"
        "image.save(buffer, format='PNG')\n"
    )

    assert _direct_writes(module, root=tmp_path) == [
        "old_demo.py:1 .create(",
        "old_demo.py:2 .get_or_create(",
        "old_demo.py:3 .save(",
        "old_demo.py:4 .add(",
        "old_demo.py:5 .full_clean(",
    ]
