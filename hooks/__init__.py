"""MkDocs build hooks (listed under `hooks:` in mkdocs.yml) and the page-metadata
module they share with the tests. See README.md in this folder."""
