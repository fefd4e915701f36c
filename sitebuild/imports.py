"""Which modules of a package `import <package>` reaches: its `__init__` and, transitively, every module of the
package that an import statement names (at module level or inside a function, absolute or relative).

The wheel for the browser holds these (sitebuild/wheel.py): the rules that `import calculator` loads, without
the command line, the batch mode or the registry, which nothing the browser imports ever imports.
"""

from __future__ import annotations

import ast
from pathlib import Path


def module_file(root: Path, name: str) -> Path | None:
    """The file of module `name` (dotted) under `root`: `a/b.py` or the package `a/b/__init__.py`; None if neither."""
    base = root.joinpath(*name.split("."))
    for path in (base.with_suffix(".py"), base / "__init__.py"):
        if path.is_file():
            return path
    return None


def _named_modules(module: str, is_package: bool, tree: ast.Module) -> set[str]:
    """Every module name an import statement in `tree` (the source of `module`) may load, parents included."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                package = module.split(".")
                # A relative import counts from the module's package (a package's own __init__ is its package).
                anchor = package[: len(package) - node.level + (1 if is_package else 0)]
                base = ".".join(anchor + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)  # `from . import x`: x may be a module
    parents = {".".join(name.split(".")[:end]) for name in names for end in range(1, name.count(".") + 1)}
    return names | parents


def imported_modules(package_dir: Path) -> set[Path]:
    """The files of the modules of the package at `package_dir` that `import <package>` loads."""
    root, package = package_dir.parent, package_dir.name
    found: set[Path] = set()
    pending = [package]
    while pending:
        name = pending.pop()
        path = module_file(root, name)
        if path is None or path in found:
            continue  # not a module of the package (a name imported from one), or seen already
        found.add(path)
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        pending += [
            imported for imported in _named_modules(name, path.name == "__init__.py", tree)
            if imported == package or imported.startswith(package + ".")
        ]
    return found
