"""The FastAPI application: the JSON API under /api/, the pages, local assets under /static/,
OpenAPI at /openapi.json and Swagger UI at /docs (ReDoc at /redoc) from assets shipped by the
fastapi-offline package, so nothing is loaded from a CDN.

    app = create_app("dotterel.db")                       # what `dotterel serve` runs
    app = create_app(db, ServeSettings(token=...), coder_factory=lambda: coder)   # tests
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import quote, urlsplit

import jinja2
from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from fastapi_offline import FastAPIOffline
from starlette.exceptions import HTTPException

from dotterel import __version__
from dotterel.serve import api, pages
from dotterel.serve.database import Database
from dotterel.serve.ingest import Ingestor
from dotterel.serve.settings import ServeSettings
from dotterel.store.engine import StoreError
from dotterel.store.query import QueryError

HERE = Path(__file__).resolve().parent
# Pages run no inline script and load nothing from elsewhere; should escaping ever fail, the
# browser still refuses to run an injected script. /docs and /redoc need inline script.
PAGE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
DESCRIPTION = """Political events coded from news by dotterel: documents, event records (the
output contract), actors, timelines, planned events and linked events. Reads need no token
unless the server is private; POST /api/documents needs the server's token as
`Authorization: Bearer TOKEN`. Every HTML page of the web UI has a JSON twin: its path + `.json`."""


def create_app(
    db: str,
    settings: ServeSettings | None = None,
    *,
    coder_factory: Callable[[], object] | None = None,
    kb_files: list[Path] | None = None,
    model: str | None = None,
):
    @asynccontextmanager
    async def lifespan(app):
        yield
        app.state.database.close()

    app = FastAPIOffline(
        title="dotterel", version=__version__, description=DESCRIPTION, lifespan=lifespan
    )
    app.state.settings = settings or ServeSettings()
    app.state.database = Database(db)
    app.state.ingestor = Ingestor(app.state.database, coder_factory or _coder(model, kb_files))
    app.state.templates = _templates()
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    _add_error_handlers(app)

    @app.middleware("http")
    async def headers(request: Request, call_next):
        response = await call_next(request)
        response.headers["X-Content-Type-Options"] = "nosniff"
        if response.headers.get("content-type", "").startswith("text/html") and not (
            request.url.path.startswith(("/docs", "/redoc"))
        ):
            response.headers["Content-Security-Policy"] = PAGE_POLICY
        return response

    return app


def _coder(model: str | None, kb_files: list[Path] | None):
    def make():
        from dotterel.pipeline import Coder

        return Coder(model=model, kb_files=kb_files)

    return make


def _templates() -> Jinja2Templates:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,  # every value from the store is a stranger's text
        undefined=jinja2.StrictUndefined,
    )
    env.filters["urlq"] = lambda value: quote(str(value), safe="")
    env.filters["href"] = safe_href
    return Jinja2Templates(env=env)


def safe_href(url) -> str | None:
    """A document's URL as a link only when it is http(s): a `javascript:` URL is text."""
    if not isinstance(url, str):
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def _wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api/") or path.endswith(".json") or path in ("/openapi.json",)


def _error(request: Request, status: int, message: str, headers: dict | None = None):
    if _wants_json(request):
        return JSONResponse({"detail": message}, status_code=status, headers=headers)
    templates = request.app.state.templates
    context = {"request": request, "status": status, "message": message, "twin": None}
    response = templates.TemplateResponse(request, "error.html", context, status_code=status)
    if headers:
        response.headers.update(headers)
    return response


def _add_error_handlers(app) -> None:
    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        return _error(request, exc.status_code, str(exc.detail), getattr(exc, "headers", None))

    @app.exception_handler(QueryError)
    async def query_error(request: Request, exc: QueryError):
        return _error(request, 400, str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ())[1:]) or 'request'}: {e.get('msg')}"
            for e in exc.errors()
        )
        return _error(request, 422, problems or "invalid request")

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError):
        return _error(request, 503, str(exc))

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception):
        # one line for the operator; the visitor learns nothing of the server's insides
        print(f"dotterel serve: {request.url.path}: {type(exc).__name__}: {exc}", file=sys.stderr)
        return _error(request, 500, "internal error")
