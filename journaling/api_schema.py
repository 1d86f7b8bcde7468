"""OpenAPI post-processing: the error answers every operation can give, in the shapes the API really sends them."""

ERROR = {
    "type": "object",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
    "description": "A message for people, e.g. not signed in, not found, too many requests, briefly unavailable.",
}
FIELD_ERRORS = {
    "type": "object",
    "additionalProperties": True,
    "description": 'Bad input: each field named with a list of messages ({"content": ["..."]}); a body that is not '
    'JSON at all gets {"detail": "..."} instead.',
}


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _answer(description: str, schema: dict, headers: dict | None = None) -> dict:
    answer = {"description": description, "content": {"application/json": {"schema": schema}}}
    if headers:
        answer["headers"] = headers
    return answer


def add_error_responses(result, generator, request, public):
    """drf-spectacular hook: 400 where input is read, 403 (CSRF) and 415 where a request changes something, 404
    where an id is in the path, and 401, 406, 429 and 503 (with Retry-After) everywhere."""
    result.setdefault("components", {}).setdefault("schemas", {}).update(Error=ERROR, FieldErrors=FIELD_ERRORS)
    retry = {"Retry-After": {"schema": {"type": "integer"}, "description": "Seconds to wait before trying again."}}
    for path, operations in result.get("paths", {}).items():
        for method, operation in operations.items():
            responses = operation.setdefault("responses", {})
            if method in ("post", "put", "patch") or operation.get("parameters"):
                responses.setdefault("400", _answer("Bad input", {"anyOf": [_ref("FieldErrors"), _ref("Error")]}))
            # Every operation: a sign-in is needed, or (the token endpoints) the credentials were wrong.
            responses.setdefault(
                "401", _answer("Not signed in, wrong credentials, or a token no longer valid", _ref("Error"))
            )
            if method in ("post", "put", "patch", "delete"):
                responses.setdefault(
                    "403", _answer("Signed in with the browser's session cookie but no CSRF token sent", _ref("Error"))
                )
            if method in ("post", "put", "patch"):
                responses.setdefault("415", _answer("A body in a media type the endpoint does not read", _ref("Error")))
            responses.setdefault("406", _answer("No answer in a media type the Accept header allows", _ref("Error")))
            if any(p.get("in") == "header" and p.get("name") == "If-Match" for p in operation.get("parameters", [])):
                changed = _answer("Saved since the version If-Match names; nothing changed", _ref("Error"))
                responses.setdefault("412", changed)
            if "{" in path:
                responses.setdefault("404", _answer("Not found (or not yours)", _ref("Error")))
            responses.setdefault("429", _answer("Too many requests", _ref("Error"), retry))
            responses.setdefault("503", _answer("The database is briefly unavailable", _ref("Error"), retry))
    return result
