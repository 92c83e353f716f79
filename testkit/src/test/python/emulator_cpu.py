"""The CPU seconds a moto_server.py spends on a fixed piece of work, phase by phase, read from
/proc (user + system time of the server process), so a busy machine slows it but does not count
against it (docs/benchmarks.md, "Local emulator CPU"):

    python3 testkit/src/test/python/emulator_cpu.py \
        testkit/src/main/resources/dev/finpilot/testkit/backend/moto_server.py [port]

The work: a ledger-like table of 1,600 items in 200 partitions with an index, queries of a
partition and of the index, two-item transactions, and a queue of 500 messages read one by one.
"""
import os
import subprocess
import sys
import time

import boto3

script, port = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 5930
proc = subprocess.Popen([sys.executable, script, "-p", str(port)], stdin=subprocess.PIPE,
                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
kw = dict(endpoint_url=f"http://127.0.0.1:{port}", region_name="us-east-1",
          aws_access_key_id="x", aws_secret_access_key="x")
d = boto3.client("dynamodb", **kw)
sqs = boto3.client("sqs", **kw)
for _ in range(200):
    try:
        d.list_tables(); break
    except Exception:
        time.sleep(0.2)
tick = os.sysconf("SC_CLK_TCK")

def cpu():
    fields = open(f"/proc/{proc.pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / tick

def phase(name, work):
    began = cpu(); work(); spent = cpu() - began
    print(f"{name}: {spent:.2f} CPU s", flush=True)

d.create_table(TableName="ledger", BillingMode="PAY_PER_REQUEST",
    KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
    AttributeDefinitions=[{"AttributeName": a, "AttributeType": "S"} for a in ("pk", "sk", "owner")],
    GlobalSecondaryIndexes=[{"IndexName": "ByOwner", "Projection": {"ProjectionType": "ALL"},
        "KeySchema": [{"AttributeName": "owner", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}]}])
PARTITIONS, PER = 200, 8

def fill():
    for p in range(PARTITIONS):
        for i in range(PER):
            d.put_item(TableName="ledger", Item={"pk": {"S": f"acct-{p}"}, "sk": {"S": f"{i:03d}"},
                "owner": {"S": f"user-{p % 50}"}, "amount": {"N": f"{i}.25"}, "memo": {"S": "x" * 200}})

def queries():
    for p in range(0, PARTITIONS, 2):
        d.query(TableName="ledger", KeyConditionExpression="pk = :p", ExpressionAttributeValues={":p": {"S": f"acct-{p}"}})

def index_queries():
    for u in range(20):
        d.query(TableName="ledger", IndexName="ByOwner", KeyConditionExpression="#o = :o",
                ExpressionAttributeNames={"#o": "owner"}, ExpressionAttributeValues={":o": {"S": f"user-{u}"}})

def transactions():
    for p in range(50):
        d.transact_write_items(TransactItems=[
            {"Put": {"TableName": "ledger", "Item": {"pk": {"S": f"acct-{p}"}, "sk": {"S": "900"}, "amount": {"N": "1"}}}},
            {"Update": {"TableName": "ledger", "Key": {"pk": {"S": f"acct-{p}"}, "sk": {"S": "000"}},
                        "UpdateExpression": "SET amount = amount + :one", "ExpressionAttributeValues": {":one": {"N": "1"}}}}])

q = sqs.create_queue(QueueName="work")["QueueUrl"]
def messages():
    for i in range(0, 500, 10):
        sqs.send_message_batch(QueueUrl=q, Entries=[{"Id": str(j), "MessageBody": "m" * 100} for j in range(10)])
    for _ in range(100):
        for m in sqs.receive_message(QueueUrl=q, MaxNumberOfMessages=1, VisibilityTimeout=300).get("Messages", []):
            sqs.delete_message(QueueUrl=q, ReceiptHandle=m["ReceiptHandle"])

phase(f"{PARTITIONS * PER} PutItem", fill)
phase(f"{PARTITIONS // 2} Query of a partition", queries)
phase("20 Query of an index", index_queries)
phase("50 TransactWriteItems (2 items each)", transactions)
phase("500 messages sent in batches, 100 received and deleted one by one", messages)
print(f"total: {cpu():.2f} CPU s")
proc.stdin.close(); proc.wait(10)
