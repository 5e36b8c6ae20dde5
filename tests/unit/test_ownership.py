"""Each feature owns its tables: only its own modules run SQL on them; other features call its
service functions. Route modules hold no SQL at all. The owner map is the features' manifests
(`tables=`, `public_tables=`; `reads=` for the reporting views)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from appliance import features

ROOT = Path(__file__).parents[2] / "appliance"
SQL_TABLE = re.compile(r"\b(?:FROM|JOIN|INTO|UPDATE|TABLE(?: IF (?:NOT )?EXISTS)?|VIEW(?: IF (?:NOT )?EXISTS)?)"
                       r"\s+([A-Za-z_][A-Za-z0-9_]*)", re.IGNORECASE)
ROUTE_MODULES = re.compile(r"(^|_)routes\.py$|^api\.py$")


def _strings(tree: ast.AST) -> list[str]:
    """String constants that are not docstrings (SQL lives in strings; prose in docstrings)."""
    docstrings: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            found.append(node.value)
    return found


def tables_touched(path: Path, known: set[str]) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    touched: set[str] = set()
    for text in _strings(tree):
        for match in SQL_TABLE.finditer(text):
            if match.group(1) in known:
                touched.add(match.group(1))
    return touched


def _feature_names() -> list[str]:
    return [f.name for f in features.features()]


@pytest.mark.parametrize("name", _feature_names())
def test_a_feature_runs_sql_only_on_its_own_tables(name: str) -> None:
    staff, public = features.table_owners(), features.table_owners("public")
    feature = next(f for f in features.features() if f.name == name)
    allowed = set(feature.tables) | set(feature.public_tables) | set(feature.reads)
    known = set(staff) | set(public)
    problems = []
    for path in sorted((ROOT / name).rglob("*.py")):
        for table in sorted(tables_touched(path, known) - allowed):
            owner = staff.get(table) or public.get(table)
            problems.append(f"{path.relative_to(ROOT.parent)}: SQL on {table} (owned by {owner})")
    assert not problems, "call the owner's service instead:\n" + "\n".join(problems)


def test_shared_layers_touch_no_feature_table() -> None:
    known = set(features.table_owners()) | set(features.table_owners("public"))
    problems = []
    for library in sorted(features.LIBRARIES):
        for path in sorted((ROOT / library).rglob("*.py")):
            if path.name == "core_schema.py":  # auth's migrations, kept beside the migration runner
                continue
            problems += [f"{path.relative_to(ROOT.parent)}: {t}" for t in sorted(tables_touched(path, known))]
    for path in sorted(ROOT.glob("*.py")):
        problems += [f"{path.relative_to(ROOT.parent)}: {t}" for t in sorted(tables_touched(path, known))]
    assert not problems


SQL_WRITE = re.compile(r"\b(?:INSERT(?: OR \w+)? INTO|REPLACE INTO|UPDATE|DELETE FROM)\s+([A-Za-z_][A-Za-z0-9_]*)",
                       re.IGNORECASE)
WRITER_MODULES = re.compile(r"(^|_)store\.py$|^schema\.py$")


@pytest.mark.parametrize("name", _feature_names())
def test_one_store_module_writes_a_features_tables(name: str) -> None:
    known = set(features.table_owners()) | set(features.table_owners("public"))
    problems = []
    for path in sorted((ROOT / name).rglob("*.py")):
        if WRITER_MODULES.search(path.name):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        written = {m.group(1) for text in _strings(tree) for m in SQL_WRITE.finditer(text)} & known
        problems += [f"{path.relative_to(ROOT.parent)}: writes {table}" for table in sorted(written)]
    assert not problems, "writes belong in the feature's store module:\n" + "\n".join(problems)


def test_route_modules_hold_no_sql() -> None:
    problems = []
    for path in sorted(ROOT.rglob("*.py")):
        if not ROUTE_MODULES.search(path.name):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in ("execute", "executemany", "executescript")):
                problems.append(f"{path.relative_to(ROOT.parent)}:{node.lineno}")
    assert not problems, "SQL belongs in the feature's store or service:\n" + "\n".join(problems)


def test_the_owner_map_is_checked_against_itself() -> None:
    """The scan must see SQL: a module known to write `records` is found to do so."""
    known = set(features.table_owners())
    assert "records" in tables_touched(ROOT / "dashboard" / "importers.py", known) or any(
        "records" in tables_touched(p, known) for p in (ROOT / "dashboard").glob("*.py"))


def test_any_is_rare() -> None:
    """Engines and services travel as Protocols and dataclasses, not `Any`."""
    count = sum(len(re.findall(r"\bAny\b", p.read_text(encoding="utf-8"))) for p in ROOT.rglob("*.py"))
    assert count < 100, f"{count} uses of Any in appliance/"
