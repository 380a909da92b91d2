"""Code for the pages under docs/rounds/."""
