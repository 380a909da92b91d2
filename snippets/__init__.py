"""Every piece of code the site shows. `snippets/<section>/<page_key>/` belongs to
`docs/<section>/<page-key>.md` and is tested by `tests/<section>/`."""
