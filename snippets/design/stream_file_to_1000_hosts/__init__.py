"""Makespan models for docs/design/stream-file-to-1000-hosts.md and its notebook."""
