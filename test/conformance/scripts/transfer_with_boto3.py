"""A billing transfer driven by boto3 against orgsim serve (argv[1]): what botocore makes of
orgsim's answers. Prints one JSON document of what it saw."""
import datetime
import json
import sys

import boto3


def client(name):
    key = ("AKIAORGSIM" + name.upper()).ljust(20, "0")
    return boto3.client("organizations", endpoint_url=sys.argv[1], region_name="us-east-1",
                        aws_access_key_id=key, aws_secret_access_key="x")


payer, source = client("payer"), client("source")
now = datetime.datetime.now(datetime.timezone.utc)
month = now.month + 2
start = datetime.datetime(now.year + (month - 1) // 12, (month - 1) % 12 + 1, 1, tzinfo=datetime.timezone.utc)
handshake = payer.invite_organization_to_transfer_responsibility(
    Type="BILLING", Target={"Type": "ACCOUNT", "Id": "555555555555"}, StartTimestamp=start, SourceName="Source bill")["Handshake"]
transfer_id = handshake["Resources"][0]["Value"]
outbound = source.list_outbound_responsibility_transfers(Type="BILLING")["ResponsibilityTransfers"]
source.accept_handshake(HandshakeId=handshake["Id"])
described = payer.describe_responsibility_transfer(Id=transfer_id)["ResponsibilityTransfer"]
withdrawn = source.terminate_responsibility_transfer(Id=transfer_id)["ResponsibilityTransfer"]
try:
    payer.terminate_responsibility_transfer(Id=transfer_id)
    again = "ok"
except payer.exceptions.ResponsibilityTransferAlreadyInStatusException as error:
    again = error.response["Error"]["Code"]
print(json.dumps({
    "start": start.isoformat(),
    "expiration": handshake["ExpirationTimestamp"].isoformat(),
    "outbound": [[t["Id"], t["Status"], t["StartTimestamp"].isoformat()] for t in outbound],
    "described": [described["Status"], described["Source"], described["StartTimestamp"] == start],
    "withdrawn": [withdrawn["Status"], withdrawn["EndTimestamp"].isoformat()],
    "again": again,
    "transfer": transfer_id,
}))
