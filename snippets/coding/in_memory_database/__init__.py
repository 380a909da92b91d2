"""The in-memory database, one module per level (level1 ... solution) plus a
starter file for readers. Page: docs/coding/in-memory-database.md."""
