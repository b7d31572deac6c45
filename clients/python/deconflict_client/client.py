"""A client of the Deconflict hub for analysts: Python's standard library only (urllib, json).

Every call is one operation of the hub's OpenAPI document (deconflict_client.model.OPERATIONS, generated from
web/openapi.json): the path, its parameters and the statuses it may answer come from there, so a call the document
does not describe fails before anything is sent. Errors are raised as ProblemError with the hub's problem+json.
"""

import json
import urllib.error
import urllib.parse
import urllib.request
from typing import Any, Dict, Iterator, List, Mapping, Optional

from . import model


class ProblemError(Exception):
    """An error reply of the hub (application/problem+json): status, title, detail and the fields at fault."""

    def __init__(self, status: int, problem: Mapping[str, Any], headers: Mapping[str, str]):
        self.status = status
        self.problem = dict(problem)
        self.headers = dict(headers)
        self.title = str(problem.get("title", ""))
        self.detail = str(problem.get("detail", ""))
        self.errors: Dict[str, List[str]] = dict(problem.get("errors") or {})
        super().__init__("%d %s: %s" % (status, self.title, self.detail) if self.detail else "%d %s" % (status, self.title))


class Reply:
    """A successful reply: status, headers (ETag, Audit-Receipt, ...) and the parsed body (None for 204)."""

    def __init__(self, status: int, headers: Mapping[str, str], body: Any):
        self.status = status
        self.headers = dict(headers)
        self.body = body

    @property
    def etag(self) -> Optional[str]:
        return self.headers.get("ETag")

    @property
    def audit_receipt(self) -> Optional[str]:
        return self.headers.get("Audit-Receipt")


class Hub:
    """A hub at base_url (http://127.0.0.1:5080), called with one API key (a party's, or the admin's)."""

    def __init__(self, base_url: str, key: Optional[str] = None, timeout_s: float = 30.0):
        self.base_url = base_url.rstrip("/")
        self.key = key
        self.timeout_s = timeout_s

    # ---- any operation of the document ----

    def call(self, operation: str, path: Optional[Mapping[str, str]] = None, query: Optional[Mapping[str, Any]] = None,
             body: Any = None, headers: Optional[Mapping[str, str]] = None, content_type: Optional[str] = None) -> Reply:
        """Calls the operation named operationId in the hub's document; raises ProblemError on an error reply."""
        response = self._send(operation, path, query, body, headers, content_type)
        with response:
            raw = response.read()
            status = response.status
            reply_headers = dict(response.headers.items())
        op = model.OPERATIONS[operation]
        if status not in op["success"]:
            raise RuntimeError("%s answered %d, which the hub's document does not list (%s)" % (operation, status, op["success"]))
        ctype = reply_headers.get("Content-Type", "")
        if not raw:
            parsed: Any = None
        elif "ndjson" in ctype:
            parsed = [json.loads(line) for line in raw.decode("utf-8").splitlines() if line.strip()]
        elif "json" in ctype:
            parsed = json.loads(raw.decode("utf-8"))
        else:
            parsed = raw.decode("utf-8")
        return Reply(status, reply_headers, parsed)

    def _send(self, operation, path, query, body, headers, content_type):
        try:
            op = model.OPERATIONS[operation]
        except KeyError:
            raise ValueError("The hub's document has no operation %r" % operation) from None
        path = dict(path or {})
        missing = [p for p in op["path_params"] if p not in path]
        if missing:
            raise ValueError("%s needs path parameter(s) %s" % (operation, ", ".join(missing)))
        url = self.base_url + op["path"]
        for name in op["path_params"]:
            url = url.replace("{%s}" % name, urllib.parse.quote(str(path[name]), safe=""))
        query = {k: v for k, v in (query or {}).items() if v is not None}
        unknown = [k for k in query if k not in op["query_params"]]
        if unknown:
            raise ValueError("%s takes no query parameter(s) %s" % (operation, ", ".join(unknown)))
        if query:
            url += "?" + urllib.parse.urlencode(query)
        data = None
        request_headers = {"Accept": "application/json"}
        if self.key:
            request_headers["Authorization"] = "Bearer " + self.key
        if body is not None:
            if not op["body"]:
                raise ValueError("%s takes no body" % operation)
            data = body.encode("utf-8") if isinstance(body, str) else json.dumps(body).encode("utf-8")
            request_headers["Content-Type"] = content_type or "application/json"
        request_headers.update(headers or {})
        request = urllib.request.Request(url, data=data, method=op["method"], headers=request_headers)
        try:
            return urllib.request.urlopen(request, timeout=self.timeout_s)  # noqa: S310 (the hub the caller named)
        except urllib.error.HTTPError as e:
            with e:
                raw = e.read()
                try:
                    problem = json.loads(raw.decode("utf-8")) if raw else {}
                except ValueError:
                    problem = {"title": e.reason, "detail": raw.decode("utf-8", "replace")}
                raise ProblemError(e.code, problem if isinstance(problem, dict) else {}, dict(e.headers.items())) from None

    # ---- the calls analysts make most ----

    def me(self) -> model.SessionView:
        return self.call("Me").body

    def create_party(self, name: str, kind: str, party_id: Optional[str] = None) -> model.PartyCreated:
        """Admin: a new party and its first API key (shown once)."""
        body: Dict[str, Any] = {"name": name, "kind": kind}
        if party_id is not None:
            body["id"] = party_id
        return self.call("CreateParty", body=body).body

    def parties(self) -> List[model.PartyView]:
        return self.call("ListParties").body

    def propose_agreement(self, counterparty: str, sharing_out: str = "full", sharing_in: str = "full", **terms: Any) -> model.AgreementView:
        body = {"counterparty": counterparty, "sharing": {"proposer_to_counterparty": sharing_out, "counterparty_to_proposer": sharing_in}}
        body.update(terms)
        return self.call("ProposeAgreement", body=body).body

    def accept_agreement(self, agreement_id: str) -> model.AgreementView:
        return self.call("AcceptAgreement", path={"id": agreement_id}).body

    def agreements(self) -> List[model.AgreementView]:
        return self.call("ListAgreements").body

    def put_intent(self, intent_id: str, document: Mapping[str, Any], if_match: Optional[str] = None) -> Reply:
        """Declares (201) or changes (200, with the ETag of the version changed) an intent; 409: ProblemError with
        problem['conflicts'] listing the blocking ones."""
        headers = {"If-Match": if_match} if if_match else None
        return self.call("PutIntent", path={"id": intent_id}, body=dict(document), headers=headers, content_type="application/geo+json")

    def check_intent(self, intent_id: str, document: Mapping[str, Any]) -> model.IntentCheck:
        return self.call("CheckIntent", path={"id": intent_id}, body=dict(document), content_type="application/geo+json").body

    def alternatives(self, intent_id: str, document: Optional[Mapping[str, Any]] = None) -> model.IntentAlternatives:
        """The nearest conflict-free variants of the stored intent (no document) or of a candidate document."""
        if document is None:
            return self.call("IntentAlternatives", path={"id": intent_id}).body
        return self.call("IntentAlternatives", path={"id": intent_id}, body=dict(document), content_type="application/geo+json").body

    def accept_alternative(self, intent_id: str, alternative: str) -> Reply:
        """Stores the offered alternative (delay, advance, above, below, left, right): 201/200 as for put_intent."""
        return self.call("AcceptIntentAlternative", path={"id": intent_id}, body={"alternative": alternative})

    def intent(self, intent_id: str, party: Optional[str] = None) -> Reply:
        """The intent's GeoJSON FeatureCollection (body) and its ETag."""
        return self.call("GetIntent", path={"id": intent_id}, query={"party": party})

    def intents(self, bbox: Optional[str] = None, start: Optional[str] = None, end: Optional[str] = None) -> List[model.IntentSummary]:
        return self.call("ListIntents", query={"bbox": bbox, "from": start, "to": end}).body

    def end_intent(self, intent_id: str) -> None:
        self.call("EndIntent", path={"id": intent_id})

    def conflicts(self, state: str = "open") -> List[model.ConflictView]:
        return self.call("ListConflicts", query={"state": state}).body

    def report_tracks(self, reports: List[Mapping[str, Any]]) -> model.TrackBatchReply:
        return self.call("ReportTracks", body=[dict(r) for r in reports]).body

    def tracks(self) -> List[model.TrackView]:
        return self.call("ListTracks").body

    def audit_key(self) -> model.AuditKeyView:
        return self.call("AuditKey").body

    def audit_export(self, start: Optional[str] = None, end: Optional[str] = None) -> List[model.AuditLineSchema]:
        """The audit log as the caller may see it: one dict per line, hidden entries reduced to their hashes."""
        return self.call("AuditExport", query={"from": start, "to": end}).body

    def inbox(self) -> List[model.InboxItem]:
        return self.call("Inbox").body

    def events(self, last_event_id: Optional[str] = None, limit: int = 100) -> Iterator[Dict[str, Any]]:
        """Server-Sent Events as {"event", "id", "data"} (data parsed as JSON), at most `limit` of them; the stream
        closes when the iterator is closed or the limit is reached."""
        headers = {"Accept": "text/event-stream"}
        if last_event_id is not None:
            headers["Last-Event-ID"] = str(last_event_id)
        response = self._send("Events", None, None, None, headers, None)
        with response:
            event: Dict[str, Any] = {}
            count = 0
            for raw in response:
                line = raw.decode("utf-8").rstrip("\r\n")
                if not line:
                    if "data" in event:
                        data = event["data"]
                        try:
                            event["data"] = json.loads(data)
                        except ValueError:
                            pass
                        yield event
                        count += 1
                        if count >= limit:
                            return
                    event = {}
                elif line.startswith(":"):
                    continue
                else:
                    field, _, value = line.partition(":")
                    value = value[1:] if value.startswith(" ") else value
                    if field == "data":
                        event["data"] = event["data"] + "\n" + value if "data" in event else value
                    elif field in ("event", "id"):
                        event[field] = value
