"""`dotterel serve`: the JSON API (under /api/) and the web UI over an event store.

Modules: settings (tokens and limits, from dotterel.toml and the environment), auth (who may
read and write), app (the FastAPI application), api (the JSON endpoints), pages (the HTML pages
and their JSON twins), highlight (an article's text with its events' words marked), chart (a
dyad's timeline as SVG), ingest (POST /api/documents), cli (the `serve` command).
"""
