"""moto.server's own main, run by MotoServer.java, with these changes.

1. It exits with the JVM that started it. Its stdin is a pipe from that JVM: the operating system
   closes it when the JVM ends in any way, kill -9 included, where no shutdown hook runs, so the
   server reads to the end of it and exits instead of living on, re-parented.
2. DynamoDB requests are handled one at a time. Moto serves requests on parallel threads without
   locking its tables, so two conditional writes to one item could both pass their condition;
   DynamoDB applies them to an item one after the other, and the code under test relies on that
   (request budgets, leases).
3. Its memory holds what the stack holds, not its history. moto's models append every instance
   they create to a class-wide list that nothing trims (for moto's dashboard): every copy of an
   item that a query, a scan or an update makes, every copy of a whole table that a
   TransactWriteItems makes, and every message ever sent, stayed in memory for good. Only S3's
   models (whose reset closes their files by that list) are put on it here; SQS's memory of deleted
   receipt handles keeps the newest RECENT_RECEIPTS per queue. Items whose TTL attribute has
   passed are deleted every FINPILOT_TTL_SWEEP_SECONDS (60; 0: never), as DynamoDB's TTL deletes them.
   GET /moto-api/finpilot/memory says what is held (items and their sizes per table, messages per
   queue, resident memory; with FINPILOT_EMULATOR_TRACEMALLOC=1 also where Python allocated it).
4. With FINPILOT_EMULATOR_STATE set to a directory, what the stack holds outlives the server: after
   every DynamoDB write that succeeded, the items it wrote as they now are (or that they are gone),
   and every SQS message sent and not yet deleted, are appended to a journal there before the
   client hears the answer, so they survive kill -9 of either process. POST
   /moto-api/finpilot/restore (called once the template's tables and queues exist) folds the
   journal (the last image of each item, the messages not deleted, expired items dropped), loads
   it, rewrites the journal as that snapshot and starts journaling. While the server runs, the
   journal is folded again in the background whenever it has doubled since the last fold (and is
   at least FINPILOT_JOURNAL_COMPACT_BYTES, 32 MiB): the fold reads a prefix that no one writes
   any more, and the file is replaced in one rename, so a kill at any moment leaves either the old
   journal or the new one, both complete. POST /moto-api/finpilot/compact folds it at once.
5. Its CPU per request does not grow with what the stack holds (docs/benchmarks.md "Local emulator
   CPU"). moto answers a Query on a table's own key by sorting every item of the table and keeping
   one partition; here it is given that partition alone (queries of an index still read the whole
   table: moto keeps no items per index). A TransactWriteItems deep-copied every table it names
   (the whole ledger table for one posting) to roll back; here it copies the items it names and,
   when it is cancelled or refused, puts back exactly those. Werkzeug's access log, a coloured line per
   request, is written for failed requests and /moto-api/ calls only. SQS's retention check, made
   for every message received, read the queue's attributes, which counts the whole queue twice;
   here it reads the retention period alone. With FINPILOT_EMULATOR_CPU_PROFILE=1,
   GET /moto-api/finpilot/cpu says how much CPU each action took, per table.
"""

import base64
import copy
import fcntl
import inspect
import io
import json
import os
import signal
import sys
import threading
import time
import tracemalloc


def exit_with_parent():
    sys.stdin.buffer.read()
    os._exit(0)


threading.Thread(target=exit_with_parent, daemon=True).start()
if os.environ.get("FINPILOT_EMULATOR_TRACEMALLOC") == "1":
    tracemalloc.start()

import moto.server as server  # noqa: E402 (the watchdog runs before the slow import)
from moto.core import DEFAULT_ACCOUNT_ID  # noqa: E402
from moto.core.common_models import BaseModel  # noqa: E402
from moto.core.model_instances import model_data  # noqa: E402
from moto.core.utils import unix_time  # noqa: E402
from moto.dynamodb import models as dynamodb_models  # noqa: E402
from moto.dynamodb.exceptions import MockValidationException  # noqa: E402
from moto.dynamodb.models import DynamoDBBackend, dynamodb_backends  # noqa: E402
from moto.dynamodb.models.dynamo_type import DynamoType  # noqa: E402
from moto.dynamodb.models.table import Table  # noqa: E402
from moto.sqs.models import Queue, SQSBackend, sqs_backends  # noqa: E402
from werkzeug.serving import WSGIRequestHandler  # noqa: E402

FINPILOT_API = "/moto-api/finpilot/"
DYNAMODB_PREFIX = "DynamoDB_20120810."
DYNAMODB_WRITES = {"PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem", "TransactWriteItems"}
SQS_PREFIX = "AmazonSQS."
BATCH_LIMIT = 25
RECENT_RECEIPTS = 10_000
MIB = 1024 * 1024

# One DynamoDB request at a time (item 2), the TTL sweeper's deletes included.
DYNAMODB = threading.Lock()


def tracked_by_s3_only(cls, *args, **kwargs):
    """BaseModel's constructor, keeping on moto's list only what moto's S3 reset needs to close."""
    instance = object.__new__(cls)
    if cls.__module__.startswith("moto.s3."):
        cls.instances_tracked.append(instance)
    return instance


BaseModel.__new__ = staticmethod(tracked_by_s3_only)


class RecentReceipts:
    """The receipt handles of a queue's deleted messages, the newest RECENT_RECEIPTS of them: moto
    answers a second delete of one of them as SQS does, and forgot none of them before."""

    def __init__(self):
        self.handles = {}

    def __contains__(self, handle):
        return handle in self.handles

    def __len__(self):
        return len(self.handles)

    def update(self, handles):
        for handle in handles:
            self.handles[handle] = None
        while len(self.handles) > RECENT_RECEIPTS:
            del self.handles[next(iter(self.handles))]


queue_init = Queue.__init__


def bounded_queue_init(self, *args, **kwargs):
    queue_init(self, *args, **kwargs)
    self.deleted_messages = RecentReceipts()


Queue.__init__ = bounded_queue_init


# -- CPU (item 5)

table_query = Table.query
# moto's backend passes the index name by position: the arguments are bound as Table.query binds
# them, or an index query would be taken for a query of the table's own key.
TABLE_QUERY = inspect.signature(table_query)


def query_one_partition(self, *args, **kwargs):
    """Table.query, reading only the partition asked for when the table's own key is queried:
    moto then keeps the items of all_items() whose hash key is the one asked for."""
    arguments = TABLE_QUERY.bind(self, *args, **kwargs).arguments
    hash_key = arguments.get("hash_key")
    if arguments.get("index_name") or hash_key is None:
        return table_query(self, *args, **kwargs)
    self.all_items = lambda: partition(self, hash_key)
    try:
        return table_query(self, *args, **kwargs)
    finally:
        del self.all_items


def partition(table, hash_key):
    held = table.items.get(hash_key)
    if held is None:
        return []
    return list(held.values()) if table.range_key_attr is not None else [held]


Table.query = query_one_partition


class TablesUncopied:
    """The copy module as moto's DynamoDB backend sees it: a Table is "copied" as itself, so the
    backup TransactWriteItems takes of every table it names costs nothing, and restoring it
    changes nothing; transact_named_items_only restores what the transaction wrote instead."""

    @staticmethod
    def deepcopy(value, memo=None):
        return value if isinstance(value, Table) else copy.deepcopy(value, memo)


dynamodb_models.copy = TablesUncopied
transact_write_items = DynamoDBBackend.transact_write_items


def transact_named_items_only(self, transact_items):
    """TransactWriteItems, rolled back, when it fails in any way, by putting back each item it
    names as it was before (or removing it if there was none)."""
    saved = [(table, key, copy.deepcopy(held_item(table, key)))
             for table, key in named_items(self, transact_items)]
    try:
        return transact_write_items(self, transact_items)
    except Exception:
        for table, key, item in reversed(saved):
            put_back(table, key, item)
        raise


def named_items(backend, transact_items):
    """(table, (hash key, range key)) of every item of a transaction that names an existing table
    and a whole key: the others cannot be written, so moto cancels the transaction for them."""
    named = []
    for action in transact_items:
        for kind, operation in action.items():
            table = backend.tables.get(operation.get("TableName"))
            attributes = operation.get("Item" if kind == "Put" else "Key")
            if table is None or not isinstance(attributes, dict):
                continue
            try:
                named.append((table, backend.get_keys_value(table, attributes)))
            except MockValidationException:
                continue
    return named


def held_item(table, key):
    hash_key, range_key = key
    if table.range_key_attr is None:
        return table.items.get(hash_key)
    return table.items.get(hash_key, {}).get(range_key)


def put_back(table, key, item):
    hash_key, range_key = key
    if table.range_key_attr is None:
        holder, slot = table.items, hash_key
    else:
        holder, slot = table.items[hash_key], range_key
    if item is None:
        holder.pop(slot, None)
    else:
        holder[slot] = item


DynamoDBBackend.transact_write_items = transact_named_items_only


def retention_kept(self, queue_name, message):
    """SQSBackend's retention check, reading the retention period alone."""
    retention_period = self.get_queue(queue_name).message_retention_period
    return retention_period + message.sent_timestamp / 1000 > unix_time()


SQSBackend.is_message_valid_based_on_retention_period = retention_kept
log_request = WSGIRequestHandler.log_request


def log_failures(self, code="-", size="-"):
    """Werkzeug's access log line, for failed requests and the emulator's own API only."""
    failed = not str(code).isdigit() or int(code) >= 400
    if failed or getattr(self, "path", "").startswith("/moto-api/"):
        log_request(self, code, size)


WSGIRequestHandler.log_request = log_failures


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


def dynamodb(app, action, region, request):
    return call(app, DYNAMODB_PREFIX + action, "dynamodb", region, request)


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


def tables(region):
    return dynamodb_backends[DEFAULT_ACCOUNT_ID][region].tables


def ttl_attribute(table):
    """The table's TTL attribute, None while its TTL is off."""
    if table.ttl.get("TimeToLiveStatus") != "ENABLED":
        return None
    return table.ttl.get("AttributeName")


def expiry(item, attribute):
    """When a journaled item expires (its TTL attribute, epoch seconds), None if never."""
    value = (item or {}).get(attribute) if attribute else None
    if not isinstance(value, dict) or "N" not in value:
        return None
    try:
        return float(value["N"])
    except ValueError:
        return None


def written_keys(target, request):
    """(table, attributes holding the key) for every item a successful write request wrote."""
    if target == "PutItem":
        return [(request["TableName"], request["Item"])]
    if target in ("UpdateItem", "DeleteItem"):
        return [(request["TableName"], request["Key"])]
    if target == "BatchWriteItem":
        return [
            (table, write["PutRequest"]["Item"] if "PutRequest" in write
             else write["DeleteRequest"]["Key"])
            for table, writes in request["RequestItems"].items() for write in writes]
    written = []
    for action in request["TransactItems"]:
        for kind, attributes in (("Put", "Item"), ("Update", "Key"), ("Delete", "Key")):
            if kind in action:
                written.append((action[kind]["TableName"], action[kind][attributes]))
    return written


class Fold:
    """A journal read from the start: the last image of every item (with when it expires) and the
    messages not deleted, each kept as the journal line that holds it."""

    def __init__(self):
        self.items = {}
        self.messages = {}
        self.skipped = 0
        self.ttl = {}

    def add(self, line, entry):
        op = entry["op"]
        if op == "item":
            key = (entry["region"], entry["table"], json.dumps(entry["key"], sort_keys=True))
            if entry["item"] is None:
                self.items.pop(key, None)
            else:
                self.items[key] = (line, expiry(entry["item"], self.attribute(key[0], key[1])))
        elif op == "send":
            self.messages[entry["id"]] = line
        elif op == "delete":
            for message_id in entry["ids"]:
                self.messages.pop(message_id, None)

    def attribute(self, region, table):
        if (region, table) not in self.ttl:
            known = tables(region).get(table)
            self.ttl[(region, table)] = ttl_attribute(known) if known else None
        return self.ttl[(region, table)]

    def live_items(self, now):
        """The lines of the items whose TTL has not passed, and how many per table; items of a
        table the stack no longer has are skipped."""
        lines, counts = [], {}
        for (region, table, _), (line, expires) in self.items.items():
            if table not in tables(region):
                self.skipped += 1
            elif expires is None or expires >= now:
                lines.append(line)
                counts[table] = counts.get(table, 0) + 1
        return lines, counts


class Journal:
    """The journal of one state directory; only one server at a time holds its lock."""

    def __init__(self, directory):
        # What the journal holds (accounts, plans, ledgers) is for the owner's eyes only.
        os.makedirs(directory, mode=0o700, exist_ok=True)
        self.path = os.path.join(directory, "emulator-state.jsonl")
        self.temporary = self.path + ".tmp"
        self.lock_file = owner_only(os.path.join(directory, "emulator.lock"), os.O_TRUNC)
        self.lock = threading.Lock()
        self.receipts = {}
        self.received = {}
        self.out = None
        self.smallest = int(os.environ.get("FINPILOT_JOURNAL_COMPACT_BYTES", 32 * MIB))
        self.compact_at = self.smallest
        self.compacting = threading.Lock()
        self.crash_at = os.environ.get("FINPILOT_JOURNAL_CRASH_AT")

    # -- restoring

    def restore(self, app):
        """Folds the journal, loads it, writes it back as that snapshot and starts appending."""
        # A server left over from a runtime killed a moment ago exits as soon as it sees its
        # stdin close; until then it holds the lock.
        fcntl.flock(self.lock_file, fcntl.LOCK_EX)
        began = time.monotonic()
        with DYNAMODB, self.lock:
            if os.path.exists(self.temporary):
                os.remove(self.temporary)
            fold, regions, legacy = self.replay(app)
            now = time.time()
            if legacy:
                # A journal written before items were journaled as images: moto now holds the
                # state it describes, so the snapshot is taken from moto.
                self.load(app, [line for line, _ in fold.items.values()])
                fold.items = {}
                for region in regions:
                    for table in list(tables(region).values()):
                        for item in table.all_items():
                            entry = item_entry(region, table, item)
                            fold.add(dump(entry), entry)
                item_lines, items = fold.live_items(now)
            else:
                item_lines, items = fold.live_items(now)
                self.load(app, item_lines)
            message_lines, messages, failed = self.resend(app, fold.messages.values())
            self.rewrite(item_lines + message_lines)
        return {
            "items": items,
            "messages": messages,
            "skipped": fold.skipped + failed,
            "millis": int((time.monotonic() - began) * 1000),
            "bytes": os.path.getsize(self.path),
        }

    def replay(self, app):
        """The journal's fold, the regions it names, and whether it holds entries of the older
        shape (DynamoDB write requests): those are applied to moto in order as they come, after
        the images before them."""
        fold, regions, legacy = Fold(), set(), False
        for line, entry in self.read(fold, self.path, None):
            regions.add(entry["region"])
            if entry["op"] != "dynamodb":
                fold.add(line, entry)
                continue
            legacy = True
            self.load(app, [line for line, _ in fold.items.values()])
            fold.items = {}
            status, _ = dynamodb(app, entry["target"], entry["region"], entry["request"])
            fold.skipped += status != 200
        return fold, regions, legacy

    @staticmethod
    def read(fold, path, end):
        """(line, entry) for every whole line of the file, up to byte offset end if given."""
        if not os.path.exists(path):
            return
        read = 0
        with open(path, encoding="utf-8") as journal:
            for line in journal:
                read += len(line.encode("utf-8"))
                if end is not None and read > end:
                    return
                try:
                    entry = json.loads(line)
                except ValueError:
                    # The last line of a journal whose writer was killed mid-write.
                    fold.skipped += 1
                    continue
                yield line.rstrip("\n"), entry

    @staticmethod
    def load(app, lines):
        """Puts journaled item images into moto, in batches; they are applied as they were
        written, so no condition is checked again."""
        batches = {}
        for line in lines:
            entry = json.loads(line)
            batch = batches.setdefault(entry["region"], [{}])
            if sum(len(writes) for writes in batch[-1].values()) == BATCH_LIMIT:
                batch.append({})
            batch[-1].setdefault(entry["table"], []).append({"PutRequest": {"Item": entry["item"]}})
        for region, batch in batches.items():
            for writes in batch:
                if writes:
                    status, answer = dynamodb(app, "BatchWriteItem", region, {"RequestItems": writes})
                    if status != 200:
                        raise RuntimeError("restoring items failed: " + json.dumps(answer)[:500])

    @staticmethod
    def resend(app, lines):
        """Sends the messages not deleted again; their new ids replace the old in the lines."""
        kept, messages, failed = [], {}, 0
        for line in lines:
            entry = json.loads(line)
            status, answer = call(
                app, SQS_PREFIX + "SendMessage", "sqs", entry["region"], entry["request"])
            if status != 200:
                failed += 1
                continue
            kept.append(dump(dict(entry, id=answer["MessageId"])))
            queue = entry["request"]["QueueUrl"].rsplit("/", 1)[-1]
            messages[queue] = messages.get(queue, 0) + 1
        return kept, messages, failed

    # -- compacting while running

    def compact(self):
        """Folds the journal written so far into a snapshot and puts it, with what was appended
        meanwhile, in the journal's place. Returns the sizes before and after, None when another
        fold is under way."""
        if not self.compacting.acquire(blocking=False):
            return None
        try:
            with self.lock:
                if self.out is None:
                    return None
                self.out.flush()
                end = os.path.getsize(self.path)
            fold = Fold()
            for line, entry in self.read(fold, self.path, end):
                fold.add(line, entry)
            item_lines, _ = fold.live_items(time.time())
            with owner_only(self.temporary, os.O_TRUNC) as out:
                for line in item_lines + list(fold.messages.values()):
                    out.write(line + "\n")
                self.crash("folded")
                with self.lock:
                    # Appended since the fold began: copied as they are, under the lock, so
                    # nothing is appended to the old file after this.
                    self.out.flush()
                    with open(self.path, "rb") as journal:
                        journal.seek(end)
                        tail = journal.read()
                    out.write(tail.decode("utf-8"))
                    self.crash("copied")
                    out.flush()
                    os.fsync(out.fileno())
                    self.replace()
                    self.crash("replaced")
                    size = os.path.getsize(self.path)
                    self.compact_at = max(self.smallest, 2 * size)
            return {"before": end, "after": size}
        finally:
            self.compacting.release()

    def crash(self, point):
        """Dies as kill -9 would at the named point of a fold (FINPILOT_JOURNAL_CRASH_AT), for the
        tests that show a fold survives it."""
        if self.crash_at == point:
            os.kill(os.getpid(), signal.SIGKILL)

    def rewrite(self, lines):
        """Replaces the journal in one step: a crash leaves either the old one or the new one."""
        with owner_only(self.temporary, os.O_TRUNC) as out:
            for line in lines:
                out.write(line + "\n")
            out.flush()
            os.fsync(out.fileno())
        self.replace()
        self.compact_at = max(self.smallest, 2 * os.path.getsize(self.path))

    def replace(self):
        os.replace(self.temporary, self.path)
        directory = os.open(os.path.dirname(self.path), os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)
        if self.out is not None:
            self.out.close()
        self.out = owner_only(self.path, os.O_APPEND)

    # -- journaling

    def append(self, entries):
        # Written through to the operating system before the client hears the answer: it
        # survives the death of this process; an fsync per write would cost more than it saves
        # on a developer's machine.
        for entry in entries:
            self.out.write(dump(entry) + "\n")
        self.out.flush()
        if os.fstat(self.out.fileno()).st_size > self.compact_at and not self.compacting.locked():
            threading.Thread(target=self.compact, name="journal-fold", daemon=True).start()

    def serve(self, app, environ, start_response, target):
        """A request that changes what the journal keeps: applied and journaled as one step."""
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length) if length else b""
        environ["wsgi.input"] = io.BytesIO(body)
        region = region_of(environ)
        if target == SQS_PREFIX + "ReceiveMessage":
            started, answer = forward(app, environ)
            if status_code(started) == 200:
                with self.lock:
                    for message in json.loads(answer).get("Messages", []):
                        self.remember(message["ReceiptHandle"], message["MessageId"])
        else:
            with self.lock:
                started, answer = forward(app, environ)
                if status_code(started) == 200 and self.out is not None:
                    self.append(self.entries(target, region, json.loads(body), answer))
        start_response(started["status"], started["headers"])
        return [answer]

    def remember(self, handle, message_id):
        """The receipt handle a message was last received with: one per message in flight."""
        previous = self.received.pop(message_id, None)
        if previous is not None:
            self.receipts.pop(previous, None)
        self.receipts[handle] = message_id
        self.received[message_id] = handle

    def entries(self, target, region, request, body):
        if target.startswith(DYNAMODB_PREFIX):
            return [image(region, table, attributes)
                    for table, attributes in written_keys(target[len(DYNAMODB_PREFIX):], request)]
        answer = json.loads(body)
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
        for message_id in ids:
            self.received.pop(message_id, None)
        return [{"op": "delete", "region": region, "ids": ids}] if ids else []


def image(region, table_name, attributes):
    """The journal entry of one item a write wrote, as moto now holds it (None if deleted)."""
    table = dynamodb_backends[DEFAULT_ACCOUNT_ID][region].get_table(table_name)
    key = key_of(table, attributes)
    item = table.get_item(*[DynamoType(value) for value in key.values()])
    return {"op": "item", "region": region, "table": table.name, "key": key,
            "item": None if item is None else item.to_json()["Attributes"]}


def item_entry(region, table, item):
    attributes = item.to_json()["Attributes"]
    return {"op": "item", "region": region, "table": table.name,
            "key": key_of(table, attributes), "item": attributes}


def key_of(table, attributes):
    """The key attributes, hash key first."""
    return {name: attributes[name]
            for name in (table.hash_key_attr, table.range_key_attr) if name is not None}


def dump(entry):
    return json.dumps(entry, separators=(",", ":"), default=base64_text)


def base64_text(value):
    """Binary attribute values, which moto may hold as bytes, as DynamoDB's JSON writes them."""
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    raise TypeError(type(value).__name__)


def owner_only(path, mode):
    return os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | mode, 0o600), "w", encoding="utf-8")


def single(queue_url, batch_entry):
    """A SendMessageBatch entry as the SendMessage request that sends the same message."""
    request = {key: value for key, value in batch_entry.items() if key != "Id"}
    request["QueueUrl"] = queue_url
    return request


class Sweeper:
    """Deletes items whose TTL attribute has passed, every FINPILOT_TTL_SWEEP_SECONDS, as
    DynamoDB's TTL does (and the code under test expects: it ignores expired items on read, and
    relies on no one deleting them sooner). Each delete is journaled like any other."""

    def __init__(self, app, journal, regions):
        self.app = app
        self.journal = journal
        self.regions = regions
        self.period = float(os.environ.get("FINPILOT_TTL_SWEEP_SECONDS", "60"))

    def start(self):
        # A period of 0 turns the sweep off (the test kit's shared server: see AwsBackends.sweep).
        if self.period > 0:
            threading.Thread(target=self.run, name="ttl-sweeper", daemon=True).start()

    def run(self):
        while True:
            time.sleep(self.period)
            try:
                self.sweep(time.time())
            except Exception as failure:  # noqa: BLE001 (a failed sweep is retried next period)
                print("TTL sweep failed:", repr(failure), file=sys.stderr, flush=True)

    def sweep(self, now):
        deleted = 0
        for region in list(self.regions):
            for table in list(tables(region).values()):
                attribute = ttl_attribute(table)
                if attribute is None:
                    continue
                with DYNAMODB:
                    expired = [item for item in table.all_items() if expires(item, attribute, now)]
                    for item in expired:
                        deleted += self.delete(region, table, attribute, item)
        return deleted

    def delete(self, region, table, attribute, item):
        entry = item_entry(region, table, item)
        status, _ = dynamodb(self.app, "DeleteItem", region, {
            "TableName": table.name,
            "Key": entry["key"],
            # Only if no one gave it a new expiry meanwhile, as DynamoDB's TTL checks.
            "ConditionExpression": "#ttl = :seen",
            "ExpressionAttributeNames": {"#ttl": attribute},
            "ExpressionAttributeValues": {":seen": entry["item"][attribute]},
        })
        if status != 200:
            return 0
        if self.journal is not None:
            with self.journal.lock:
                if self.journal.out is not None:
                    self.journal.append([dict(entry, item=None)])
        return 1


def expires(item, attribute, now):
    """Whether a held item's TTL attribute has passed (read without copying the item)."""
    value = item.attrs.get(attribute)
    if value is None or value.type != "N":
        return False
    try:
        return float(value.value) < now
    except ValueError:
        return False


def memory(regions):
    """What this server holds: per table its items, their size as DynamoDB counts it and the
    memory moto's objects for them take; per queue its messages and remembered receipts; the
    resident memory; and, when traced, the lines that allocated the most."""
    report = {"rssKb": resident_kb(), "tables": {}, "queues": {}}
    with DYNAMODB:
        for region in sorted(regions):
            for name, table in tables(region).items():
                items = table.all_items()
                report["tables"][name] = {
                    "items": len(items),
                    "bytes": sum(item.size() for item in items),
                    "objectBytes": object_bytes(items),
                }
    for region in sorted(regions):
        for name, queue in sqs_backends[DEFAULT_ACCOUNT_ID][region].queues.items():
            report["queues"][name] = {
                "messages": len(queue._messages),
                "deletedReceipts": len(queue.deleted_messages),
            }
    report["tracked"] = {
        service + "." + name: len(model.instances_tracked)
        for service, models in model_data.items() for name, model in models.items()
        if model.instances_tracked}
    if tracemalloc.is_tracing():
        snapshot = tracemalloc.take_snapshot()
        report["tracedKb"] = sum(s.size for s in snapshot.statistics("filename")) // 1024
        report["allocations"] = [
            {"where": str(stat.traceback), "kb": stat.size // 1024, "blocks": stat.count}
            for stat in snapshot.statistics("lineno")[:25]]
    return report


def object_bytes(root):
    """The memory of an object graph, each object once (sys.getsizeof of every object reached)."""
    seen, pending, total = set(), [root], 0
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        total += sys.getsizeof(current)
        if isinstance(current, dict):
            pending.extend(current.keys())
            pending.extend(current.values())
        elif isinstance(current, (list, tuple, set, frozenset)):
            pending.extend(current)
        elif hasattr(current, "__dict__"):
            pending.append(current.__dict__)
    return total


def resident_kb():
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


JOURNALED = {DYNAMODB_PREFIX + write for write in DYNAMODB_WRITES} | {
    SQS_PREFIX + action
    for action in ("SendMessage", "SendMessageBatch", "ReceiveMessage", "DeleteMessage",
                   "DeleteMessageBatch")
}


def answer(start_response, body):
    start_response("200 OK", [("Content-Type", "application/json")])
    return [json.dumps(body).encode("utf-8")]


def wrapped(app, journal):
    regions = {"us-east-1"}
    Sweeper(app, journal, regions).start()

    def serve(environ, start_response):
        target = environ.get("HTTP_X_AMZ_TARGET", "")
        path = environ.get("PATH_INFO", "")
        if path == FINPILOT_API + "memory":
            return answer(start_response, memory(regions))
        if journal is not None and path == FINPILOT_API + "restore":
            return answer(start_response, journal.restore(app))
        if journal is not None and path == FINPILOT_API + "compact":
            return answer(start_response, journal.compact())
        journaled = journal is not None and target in JOURNALED
        if target.startswith("DynamoDB_"):
            regions.add(region_of(environ))
            with DYNAMODB:
                if journaled:
                    return journal.serve(app, environ, start_response, target)
                return app(environ, start_response)
        if journaled:
            return journal.serve(app, environ, start_response, target)
        return app(environ, start_response)

    if os.environ.get("FINPILOT_EMULATOR_CPU_PROFILE") != "1":
        return serve
    profile = CpuProfile()

    def profiled(environ, start_response):
        if environ.get("PATH_INFO", "") == FINPILOT_API + "cpu":
            return answer(start_response, profile.report())
        return profile.measure(environ, lambda: serve(environ, start_response))

    return profiled


class CpuProfile:
    """The CPU time spent on each action and table (FINPILOT_EMULATOR_CPU_PROFILE=1): the serving
    thread's time.thread_time() around each request, so the time a long poll waits is not counted,
    nor werkzeug's reading of the request and writing of the answer (processCpuSeconds has all)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.spent = {}

    def measure(self, environ, serve):
        target = environ.get("HTTP_X_AMZ_TARGET", "")
        key = (target.rsplit(".", 1)[-1] if target else environ.get("PATH_INFO", ""),
               tables_named(environ))
        began = time.thread_time()
        body = serve()
        spent = time.thread_time() - began
        with self.lock:
            total = self.spent.setdefault(key, [0, 0.0])
            total[0] += 1
            total[1] += spent
        return body

    def report(self):
        with self.lock:
            rows = [{"action": action, "table": table, "requests": count, "cpuSeconds": seconds}
                    for (action, table), (count, seconds) in self.spent.items()]
        rows.sort(key=lambda row: row["cpuSeconds"], reverse=True)
        return {"processCpuSeconds": time.process_time(),
                "requestsCpuSeconds": sum(row["cpuSeconds"] for row in rows), "actions": rows}


def tables_named(environ):
    """The tables a DynamoDB request names, joined by "+"; None for other requests. The body read
    here is put back for moto to read."""
    if not environ.get("HTTP_X_AMZ_TARGET", "").startswith("DynamoDB_"):
        return None
    length = int(environ.get("CONTENT_LENGTH") or 0)
    body = environ["wsgi.input"].read(length) if length else b""
    environ["wsgi.input"] = io.BytesIO(body)
    try:
        request = json.loads(body or b"{}")
    except ValueError:
        return None
    names = set(request.get("RequestItems", {}))
    names.add(request.get("TableName"))
    for action in request.get("TransactItems", []):
        names.update(operation.get("TableName") for operation in action.values())
    return "+".join(sorted(name for name in names if name)) or None


state = os.environ.get("FINPILOT_EMULATOR_STATE")
journal = Journal(state) if state else None
run = server.run_simple
server.run_simple = lambda host, port, app, **options: run(
    host, port, wrapped(app, journal), **options)
server.main(sys.argv[1:])
