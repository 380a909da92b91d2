"""Code for docs/coding/persistent-lru."""
