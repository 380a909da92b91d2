"""Code for docs/coding/longest-match-tokenizer."""
