"""Tests for the notebooks' snippets (snippets/notebooks/)."""
