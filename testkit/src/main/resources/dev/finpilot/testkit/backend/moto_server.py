"""moto.server's own main, run by MotoServer.java, with three changes.

1. It exits with the JVM that started it. Its stdin is a pipe from that JVM: the operating system
   closes it when the JVM ends in any way, kill -9 included, where no shutdown hook runs, so the
   server reads to the end of it and exits instead of living on, re-parented.
2. DynamoDB requests are handled one at a time. Moto serves requests on parallel threads without
   locking its tables, so two conditional writes to one item could both pass their condition;
   DynamoDB applies them to an item one after the other, and the code under test relies on that
   (request budgets, leases).
3. With FINPILOT_EMULATOR_STATE set to a directory, what the stack holds outlives the server: every
   DynamoDB write that succeeded and every SQS message sent and not yet deleted is appended to a
   journal there before the client hears the answer, so it survives kill -9 of either process.
   POST /moto-api/finpilot/restore (called once the template's tables and queues exist) replays
   the journal, compacts it into one snapshot (the tables' items, expired ones dropped as DynamoDB's
   TTL would, and the messages still queued) and starts journaling.
"""

import fcntl
import io
import json
import os
import sys
import threading
import time


def exit_with_parent():
    sys.stdin.buffer.read()
    os._exit(0)


threading.Thread(target=exit_with_parent, daemon=True).start()

import moto.server as server  # noqa: E402 (the watchdog runs before the slow import)

RESTORE_PATH = "/moto-api/finpilot/restore"
DYNAMODB_PREFIX = "DynamoDB_20120810."
DYNAMODB_WRITES = {"PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem", "TransactWriteItems"}
SQS_PREFIX = "AmazonSQS."
BATCH_LIMIT = 25


def region_of(environ):
    """The region in the SigV4 credential scope, as moto routes by it."""
    scope = environ.get("HTTP_AUTHORIZATION", "").split("Credential=", 1)[-1].split("/")
    return scope[2] if len(scope) > 2 else "us-east-1"


def call(app, target, service, region, request):
    """One JSON-protocol request through moto's own WSGI app; returns (status, parsed answer)."""
    body = json.dumps(request).encode("utf-8")
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": "/",
        "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "127.0.0.1",
        "CONTENT_TYPE": "application/x-amz-json-1.0",
        "CONTENT_LENGTH": str(len(body)),
        "HTTP_X_AMZ_TARGET": target,
        "HTTP_AUTHORIZATION": "AWS4-HMAC-SHA256 Credential=local/20260101/"
        + region
        + "/"
        + service
        + "/aws4_request, SignedHeaders=host, Signature=0",
        "wsgi.input": io.BytesIO(body),
        "wsgi.errors": sys.stderr,
        "wsgi.url_scheme": "http",
        "wsgi.version": (1, 0),
        "wsgi.multithread": True,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
    }
    started, answer = forward(app, environ)
    return status_code(started), json.loads(answer or b"{}")


def forward(app, environ):
    """Runs the app; returns how it started its answer and the whole body, for the caller to pass
    on."""
    started = {}

    def start_response(status, headers, exc_info=None):
        started["status"] = status
        started["headers"] = headers
        return lambda data: None

    result = app(environ, start_response)
    try:
        body = b"".join(result)
    finally:
        if hasattr(result, "close"):
            result.close()
    return started, body


def status_code(started):
    return int(started["status"].split(" ", 1)[0])


class Journal:
    """The journal of one state directory; only one server at a time holds its lock."""

    def __init__(self, directory):
        # What the journal holds (accounts, plans, ledgers) is for the owner's eyes only.
        os.makedirs(directory, mode=0o700, exist_ok=True)
        self.path = os.path.join(directory, "emulator-state.jsonl")
        self.lock_file = owner_only(os.path.join(directory, "emulator.lock"), os.O_TRUNC)
        self.lock = threading.Lock()
        self.receipts = {}
        self.out = None

    def restore(self, app):
        """Replays the journal, writes it back compacted and starts appending to it."""
        # A server left over from a runtime killed a moment ago exits as soon as it sees its
        # stdin close; until then it holds the lock.
        fcntl.flock(self.lock_file, fcntl.LOCK_EX)
        began = time.monotonic()
        with self.lock:
            entries, skipped = self.read()
            queued = {}
            regions = {"us-east-1"}
            for entry in entries:
                regions.add(entry["region"])
                if entry["op"] == "dynamodb":
                    status, _ = call(
                        app, DYNAMODB_PREFIX + entry["target"], "dynamodb", entry["region"],
                        entry["request"])
                    skipped += status != 200
                elif entry["op"] == "send":
                    queued[entry["id"]] = entry
                else:
                    for message_id in entry["ids"]:
                        queued.pop(message_id, None)
            snapshot = self.tables(app, regions)
            messages = {}
            for entry in queued.values():
                status, answer = call(
                    app, SQS_PREFIX + "SendMessage", "sqs", entry["region"], entry["request"])
                if status != 200:
                    skipped += 1
                    continue
                snapshot.append(dict(entry, id=answer["MessageId"]))
                queue = entry["request"]["QueueUrl"].rsplit("/", 1)[-1]
                messages[queue] = messages.get(queue, 0) + 1
            self.rewrite(snapshot)
        items = {}
        for entry in snapshot:
            if entry["op"] == "dynamodb":
                for table, writes in entry["request"]["RequestItems"].items():
                    items[table] = items.get(table, 0) + len(writes)
        return {
            "items": items,
            "messages": messages,
            "skipped": skipped,
            "millis": int((time.monotonic() - began) * 1000),
            "bytes": os.path.getsize(self.path),
        }

    def read(self):
        if not os.path.exists(self.path):
            return [], 0
        entries, skipped = [], 0
        with open(self.path, encoding="utf-8") as journal:
            for line in journal:
                try:
                    entries.append(json.loads(line))
                except ValueError:
                    # The last line of a journal whose writer was killed mid-write.
                    skipped += 1
        return entries, skipped

    def tables(self, app, regions):
        """Every item of every table as batches of puts, less the items whose TTL has passed."""
        now = time.time()
        snapshot = []
        for region in sorted(regions):
            _, listed = call(app, DYNAMODB_PREFIX + "ListTables", "dynamodb", region, {})
            for table in listed.get("TableNames", []):
                _, ttl = call(
                    app, DYNAMODB_PREFIX + "DescribeTimeToLive", "dynamodb", region,
                    {"TableName": table})
                description = ttl.get("TimeToLiveDescription", {})
                expiry = (
                    description.get("AttributeName")
                    if description.get("TimeToLiveStatus") == "ENABLED"
                    else None)
                items = [item for item in self.scan(app, region, table)
                         if not expired(item, expiry, now)]
                for start in range(0, len(items), BATCH_LIMIT):
                    puts = [{"PutRequest": {"Item": item}}
                            for item in items[start:start + BATCH_LIMIT]]
                    snapshot.append({
                        "op": "dynamodb", "region": region, "target": "BatchWriteItem",
                        "request": {"RequestItems": {table: puts}}})
        return snapshot

    @staticmethod
    def scan(app, region, table):
        request = {"TableName": table}
        while True:
            _, page = call(app, DYNAMODB_PREFIX + "Scan", "dynamodb", region, request)
            yield from page.get("Items", [])
            if "LastEvaluatedKey" not in page:
                return
            request["ExclusiveStartKey"] = page["LastEvaluatedKey"]

    def rewrite(self, entries):
        """Replaces the journal in one step: a crash leaves either the old one or the new one."""
        if self.out is not None:
            self.out.close()
        temporary = self.path + ".tmp"
        with owner_only(temporary, os.O_TRUNC) as out:
            for entry in entries:
                out.write(json.dumps(entry, separators=(",", ":")) + "\n")
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, self.path)
        directory = os.open(os.path.dirname(self.path), os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)
        self.out = owner_only(self.path, os.O_APPEND)

    def append(self, entries):
        # Written through to the operating system before the client hears the answer: it
        # survives the death of this process; an fsync per write would cost more than it saves
        # on a developer's machine.
        for entry in entries:
            self.out.write(json.dumps(entry, separators=(",", ":")) + "\n")
        self.out.flush()

    def serve(self, app, environ, start_response, target):
        """A request that changes what the journal keeps: applied and journaled as one step."""
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length) if length else b""
        environ["wsgi.input"] = io.BytesIO(body)
        region = region_of(environ)
        if target == SQS_PREFIX + "ReceiveMessage":
            started, answer = forward(app, environ)
            if status_code(started) == 200:
                for message in json.loads(answer).get("Messages", []):
                    self.receipts[message["ReceiptHandle"]] = message["MessageId"]
        else:
            with self.lock:
                started, answer = forward(app, environ)
                if status_code(started) == 200 and self.out is not None:
                    self.append(self.entries(target, region, json.loads(body), json.loads(answer)))
        start_response(started["status"], started["headers"])
        return [answer]

    def entries(self, target, region, request, answer):
        if target.startswith(DYNAMODB_PREFIX):
            return [{"op": "dynamodb", "region": region,
                     "target": target[len(DYNAMODB_PREFIX):], "request": request}]
        if target == SQS_PREFIX + "SendMessage":
            return [{"op": "send", "region": region, "request": request,
                     "id": answer["MessageId"]}]
        if target == SQS_PREFIX + "SendMessageBatch":
            sent = {result["Id"]: result["MessageId"] for result in answer.get("Successful", [])}
            return [{"op": "send", "region": region, "id": sent[message["Id"]],
                     "request": single(request["QueueUrl"], message)}
                    for message in request["Entries"] if message["Id"] in sent]
        if target == SQS_PREFIX + "DeleteMessage":
            handles = [request["ReceiptHandle"]]
        else:
            handles = [message["ReceiptHandle"] for message in request["Entries"]]
        ids = [self.receipts.pop(handle) for handle in handles if handle in self.receipts]
        return [{"op": "delete", "region": region, "ids": ids}] if ids else []


def owner_only(path, mode):
    return os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | mode, 0o600), "w", encoding="utf-8")


def single(queue_url, batch_entry):
    """A SendMessageBatch entry as the SendMessage request that sends the same message."""
    request = {key: value for key, value in batch_entry.items() if key != "Id"}
    request["QueueUrl"] = queue_url
    return request


def expired(item, attribute, now):
    if attribute is None or attribute not in item or "N" not in item[attribute]:
        return False
    return float(item[attribute]["N"]) < now


JOURNALED = {DYNAMODB_PREFIX + write for write in DYNAMODB_WRITES} | {
    SQS_PREFIX + action
    for action in ("SendMessage", "SendMessageBatch", "ReceiveMessage", "DeleteMessage",
                   "DeleteMessageBatch")
}


def wrapped(app, journal):
    dynamodb = threading.Lock()

    def serve(environ, start_response):
        target = environ.get("HTTP_X_AMZ_TARGET", "")
        if journal is not None and environ.get("PATH_INFO") == RESTORE_PATH:
            answer = json.dumps(journal.restore(app)).encode("utf-8")
            start_response("200 OK", [("Content-Type", "application/json")])
            return [answer]
        journaled = journal is not None and target in JOURNALED
        if target.startswith("DynamoDB_"):
            with dynamodb:
                if journaled:
                    return journal.serve(app, environ, start_response, target)
                return app(environ, start_response)
        if journaled:
            return journal.serve(app, environ, start_response, target)
        return app(environ, start_response)

    return serve


state = os.environ.get("FINPILOT_EMULATOR_STATE")
journal = Journal(state) if state else None
run = server.run_simple
server.run_simple = lambda host, port, app, **options: run(
    host, port, wrapped(app, journal), **options)
server.main(sys.argv[1:])
