"""Page content checked without building the site: schema, structure, snippets, notebooks."""
