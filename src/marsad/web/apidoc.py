"""Page: a readable reference of the REST API, made from its OpenAPI schema."""

from __future__ import annotations

from fastapi import APIRouter, Request

from marsad.web.render import render

router = APIRouter(include_in_schema=False)
NAV = ("/api", "واجهة API", "api")


@router.get("/api")
def api_reference(request: Request):
    spec = request.app.openapi()
    ops = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            params = [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                       "description": p.get("description") or p.get("schema", {}).get("description", "")}
                      for p in op.get("parameters", [])]
            ops.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                        "description": op.get("description", ""), "params": params})
    return render(request, "api.html", {"ops": ops, "spec": spec}, active="api")
