"""Command-line tools run through dev.py: practice, new (scaffold), bench."""
