"""Server-rendered pages for licensing officers, reviewers, partners and analysts (Jinja2 + HTMX)."""
