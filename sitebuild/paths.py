"""Where the project's inputs live, relative to this package."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
NOTICE_DIR = PROJECT_ROOT / "notice"
TEMPLATES_DIR = PROJECT_ROOT / "templates"
DOCS_DIR = PROJECT_ROOT / "docs"
MKDOCS_YML = PROJECT_ROOT / "mkdocs.yml"
SCRATCH_DIR = PROJECT_ROOT / ".build"
NODE_MODULES = PROJECT_ROOT / "node_modules"
