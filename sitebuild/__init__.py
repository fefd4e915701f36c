"""Builds the site: notice data → Jinja2 pages + docs/ → self-check bundle → strict MkDocs build."""
