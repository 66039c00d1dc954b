"""The JSON API and the pages' JSON twins over a store of hand-made events (no spaCy), the
token settings, the body and page bounds, and the offline API docs."""

from __future__ import annotations

import base64
import warnings

import pytest

from dotterel.serve.app import create_app
from dotterel.serve.settings import ServeSettings, SettingsError
from dotterel.store import Store
from tests.storekit import city, coded, event

with warnings.catch_warnings():  # starlette's notice that httpx2 is coming; httpx is pinned
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

TOKEN = "a-test-token-long-enough"


def fill(store: Store) -> None:
    store.save(coded("a", [
        event("a", 0, "040", ["RUSGOV"], ["UKRGOV"], "2026-03-09", text="Putin met Zelenskyy."),
        event("a", 1, "190", ["RUSMIL"], ["UKR"], "2026-03-10", start=21,
              text="Russian forces shelled Kharkiv.", place=city("Kharkiv", "UKR")),
    ], "2026-03-10", source="Wire One", title="Talks and shelling",
        text="Putin met Zelenskyy. Russian forces shelled Kharkiv."))  # fmt: skip
    store.save(coded("b", [
        event("b", 0, "111", ["UKRGOV"], ["RUSGOV"], "2026-03-10",
              text="Kyiv accused Moscow of bad faith."),
        event("b", 1, "040", ["USAGOV"], ["UKRGOV"], "2026-03-16", status="planned",
              start=34, text="The US envoy will visit Kyiv next week."),
    ], "2026-03-11", source="Wire Two", title="Accusations"))  # fmt: skip


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "api.db"
    with Store(path) as store:
        fill(store)
    return str(path)


def client(db, settings=None, **kw) -> TestClient:
    return TestClient(create_app(db, settings, **kw), raise_server_exceptions=False)


def ids(body: dict) -> list[str]:
    return sorted(f"{e['doc_id']}{e['sentence']}" for e in body["items"])


def test_documents(db):
    c = client(db)
    body = c.get("/api/documents").json()
    assert [d["doc_id"] for d in body["items"]] == ["b", "a"]  # newest first
    assert body["items"][1]["events"] == 2
    assert [d["doc_id"] for d in c.get("/api/documents?q=shelled").json()["items"]] == ["a"]
    doc = c.get("/api/documents/a").json()
    assert doc["text"].startswith("Putin met") and len(doc["events"]) == 2
    assert c.get("/api/documents/nothing").status_code == 404
    assert c.get("/api/documents?from=yesterday").status_code == 400


def test_event_filters_paging_and_sorting(db):
    c = client(db)

    def get(query: str) -> list[str]:
        response = c.get(f"/api/events?{query}")
        assert response.status_code == 200, response.text
        return ids(response.json())

    assert get("") == ["a0", "a1", "b0", "b1"]
    assert get("actor=RUS") == ["a0", "a1", "b0"]
    assert get("actor=RUS&role=recipient") == ["b0"]
    assert get("dyad=RUS-UKR") == ["a0", "a1", "b0"]
    assert get("dyad=RUS-UKR&directed=true") == ["a0", "a1"]
    assert get("type=consult") == ["a0", "b1"]
    assert get("root=19") == get("quad_class=4") == ["a1"]
    assert get("status=planned") == ["b1"]
    assert get("from=2026-03-10&to=2026-03-10") == ["a1", "b0"]
    assert get("q=bad%20faith") == ["b0"]
    first = c.get("/api/events?sort=date&per_page=3").json()
    assert first["total"] == 4 and first["pages"] == 2 and len(first["items"]) == 3
    assert [e["date"] for e in first["items"]] == ["2026-03-09", "2026-03-10", "2026-03-10"]
    second = c.get("/api/events?sort=date&per_page=3&page=2").json()
    assert [e["date"] for e in second["items"]] == ["2026-03-16"]
    newest = c.get("/api/events?sort=-date&per_page=1").json()["items"][0]
    assert newest["date"] == "2026-03-16"
    assert c.get("/api/events?per_page=501").status_code == 422  # pages are bounded
    assert c.get("/api/events?page=0").status_code == 422
    bad = c.get("/api/events?sort=drop")
    assert bad.status_code == 400 and "sort must be one of" in bad.json()["detail"]
    assert c.get("/api/events?quad_class=7").status_code == 400
    assert c.get("/api/events?colour=red").status_code == 200  # unknown names are ignored
    one = c.get(f"/api/events/{newest['event_id']}").json()
    assert one["event_id"] == newest["event_id"] and one["document"]["title"] == "Accusations"
    assert c.get("/api/events/nothing").status_code == 404


def test_actors_timeline_planned_linked(db):
    c = client(db)
    codes = {a["code"]: a["events"] for a in c.get("/api/actors").json()["items"]}
    assert codes["UKRGOV"] == 3 and codes["RUSGOV"] == 2
    assert [a["code"] for a in c.get("/api/actors?prefix=RUS").json()["items"]] == [
        "RUSGOV",
        "RUSMIL",
    ]
    rusgov = c.get("/api/actors/rusgov").json()
    assert rusgov["code"] == "RUSGOV" and {p["code"] for p in rusgov["partners"]} == {"UKRGOV"}
    assert c.get("/api/actors/XXX").status_code == 404
    timeline = c.get("/api/timeline?dyad=RUS-UKR").json()
    days = {p["period"]: p for p in timeline["periods"]}
    assert sorted(days) == ["2026-03-09", "2026-03-10"]
    assert days["2026-03-10"]["quad_class"] == {"1": 0, "2": 0, "3": 1, "4": 1}
    assert days["2026-03-10"]["goldstein"] == -12.0  # -10 (190) + -2 (111)
    weeks = c.get("/api/timeline?dyad=RUS-UKR&by=week").json()["periods"]
    assert [w["period"] for w in weeks] == ["2026-03-09"] and weeks[0]["events"] == 3
    assert c.get("/api/timeline?by=month").status_code == 400
    planned = c.get("/api/planned").json()["items"]
    assert [(e["doc_id"], e["sentence"]) for e in planned] == [("b", 1)]
    linked = c.get("/api/linked-events").json()
    assert linked["total"] >= 1
    first = linked["items"][0]["linked_id"]
    assert c.get(f"/api/linked-events/{first}").json()["events"]


def test_every_page_has_a_json_twin(db):
    c = client(db)
    for path, key in [
        ("/", "documents"),
        ("/events?actor=RUS", "events"),
        ("/documents/a", "events"),
        ("/dyads/RUS-UKR", "periods"),
        ("/planned", "items"),
        ("/actors/RUSGOV", "actor"),
    ]:
        page = c.get(path)
        assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
        twin_path = "/index.json" if path == "/" else path.replace("?", ".json?", 1)
        if "?" not in path and path != "/":
            twin_path = path + ".json"
        assert f'href="{twin_path.replace("&", "&amp;")}"' in page.text, path
        twin = c.get(twin_path)
        assert twin.status_code == 200 and twin.headers["content-type"] == "application/json"
        assert key in twin.json(), path
    assert ids(c.get("/events.json?actor=RUS").json()["events"]) == ["a0", "a1", "b0"]
    assert c.get("/dyads/RUS-UKR.json").json()["totals"] == {"1": 1, "2": 0, "3": 1, "4": 1}
    assert c.get("/documents/nothing").status_code == 404
    assert c.get("/actors/NOBODY").status_code == 404
    assert c.get("/dyads/RUS").status_code == 400
    assert c.get("/events?quad_class=9").status_code == 400


def test_no_database_yet_says_how_to_make_one(tmp_path):
    missing = tmp_path / "new.db"
    c = client(str(missing))
    page = c.get("/")
    assert page.status_code == 200
    assert f"dotterel code articles.jsonl --db {missing}" in page.text
    assert c.get("/index.json").json()["exists"] is False
    response = c.get("/api/events")
    assert response.status_code == 503 and "dotterel code" in response.json()["detail"]
    assert c.get("/events").status_code == 503
    assert not missing.exists()  # reading never creates a database


def test_docs_are_served_from_local_assets(db):
    c = client(db)
    spec = c.get("/openapi.json").json()
    for path in ("/api/documents", "/api/documents/{doc_id}", "/api/events", "/api/actors",
                 "/api/actors/{code}", "/api/timeline", "/api/planned"):  # fmt: skip
        assert path in spec["paths"], path
    assert "post" in spec["paths"]["/api/documents"]
    params = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"actor", "dyad", "type", "root", "quad_class", "status", "from", "to", "q"} <= params
    for page in ("/docs", "/redoc"):
        html = c.get(page).text
        assert "http://" not in html and "https://" not in html and "//cdn" not in html
    for asset in ("swagger-ui-bundle.js", "swagger-ui.css", "redoc.standalone.js"):
        assert c.get(f"/static-offline-docs/{asset}").status_code == 200
    for path in ("/", "/events", "/documents/a"):
        html = c.get(path).text
        assert "https://" not in html.replace('href="https://', "")  # no remote asset
        assert 'src="/static/app.js"' in html and 'href="/static/style.css"' in html
        assert "script-src 'self'" in c.get(path).headers["content-security-policy"]


def test_private_server_needs_the_token_to_read(db):
    c = client(db, ServeSettings(token=TOKEN, private=True))
    assert c.get("/api/events").status_code == 401
    page = c.get("/events")
    assert page.status_code == 401 and page.headers["www-authenticate"].startswith("Basic")
    wrong = {"Authorization": "Bearer wrong-token-xxxxxxxx"}
    assert c.get("/api/events", headers=wrong).status_code == 401
    assert c.get("/api/events", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
    basic = base64.b64encode(f"analyst:{TOKEN}".encode()).decode()
    assert c.get("/events", headers={"Authorization": f"Basic {basic}"}).status_code == 200
    # an open server reads without one
    assert client(db, ServeSettings(token=TOKEN)).get("/api/events").status_code == 200


def test_ingest_needs_a_configured_token(db):
    doc = {"id": "new", "text": "Russia and Ukraine held talks.", "date": "2026-03-12"}
    assert client(db).post("/api/documents", json=doc).status_code == 403  # no token set
    c = client(db, ServeSettings(token=TOKEN, max_body_bytes=2_000, max_documents=2))
    assert c.post("/api/documents", json=doc).status_code == 401
    wrong = {"Authorization": "Bearer not-the-token-at-all"}
    assert c.post("/api/documents", json=doc, headers=wrong).status_code == 401
    auth = {"Authorization": f"Bearer {TOKEN}"}
    big = {"text": "word " * 1_000}
    assert c.post("/api/documents", json=big, headers=auth).status_code == 413
    many = {"documents": [doc, doc, doc]}
    assert c.post("/api/documents", json=many, headers=auth).status_code == 413
    bad = c.post("/api/documents", content=b"{not json", headers=auth)
    assert bad.status_code == 400 and "not JSON" in bad.json()["detail"]
    assert c.post("/api/documents", json=[1, 2], headers=auth).status_code == 400


def test_ingest_codes_and_stores_with_the_real_coder(tmp_path, coder):
    db = tmp_path / "ingest.db"  # does not exist yet: the first ingest makes it
    c = client(str(db), ServeSettings(token=TOKEN), coder_factory=lambda: coder)
    body = {"documents": [
        {"id": "summit", "date": "2026-04-02", "title": "Leaders meet",
         "text": "French President Emmanuel Macron met German Chancellor Friedrich Merz in "
                 "Berlin on Tuesday to discuss defence spending."},
        {"id": "empty", "text": "   "},
        "not an object",
    ]}  # fmt: skip
    response = c.post("/api/documents", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 200, response.text
    result = response.json()
    assert [s["doc_id"] for s in result["stored"]] == ["summit"]
    assert result["stored"][0]["events"] >= 1
    assert sorted(s["where"] for s in result["skipped"]) == ["document 1", "document 2"]
    stored = c.get("/api/documents/summit").json()
    assert stored["title"] == "Leaders meet" and stored["events"]
    assert any(e["event_type"] == "CONSULT" for e in stored["events"])


def test_settings_from_the_config_and_the_environment():
    s = ServeSettings.from_mapping({"token": TOKEN, "private": True}, environ={})
    assert s.token == TOKEN and s.private
    s = ServeSettings.from_mapping({}, environ={"DOTTEREL_TOKEN": TOKEN, "DOTTEREL_PRIVATE": "1"})
    assert s.token == TOKEN and s.private
    assert ServeSettings.from_mapping({}, environ={}) == ServeSettings()
    for bad in ({"token": "short"}, {"private": True}, {"colour": "red"},
                {"max_documents": 0}, {"max_body_bytes": "big"}):  # fmt: skip
        with pytest.raises(SettingsError):
            ServeSettings.from_mapping(bad, environ={})


def test_serve_command_defaults():
    from dotterel.cli import build_parser

    args = build_parser().parse_args(["serve"])
    assert (args.host, args.port) == ("127.0.0.1", 8000)
    args = build_parser().parse_args(["serve", "--db", "x.db", "--port", "8123"])
    assert (args.db, args.port) == ("x.db", 8123)
