"""Tests of the command-line tools in tools/."""
