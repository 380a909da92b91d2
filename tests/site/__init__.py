"""Tests of the site as a whole: build, pages, structure, offline, browser."""
