"""One router per resource, mounted under `/api` by :func:`marsad.api.app.create_app`.

To add a resource (stories, matrix, timeline, brief): write `routers/<name>.py` with a
`router = APIRouter(prefix="/<name>", tags=["<name>"])` and add the module to `ROUTERS`.
"""

from marsad.api.routers import articles, claims, corpus, entities, meta, search

ROUTERS = [articles, entities, claims, corpus, search, meta]
