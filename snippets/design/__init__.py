"""Code for the pages under docs/design/."""
