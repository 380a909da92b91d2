"""Code for the pages under docs/coding/."""
