#!/usr/bin/env python3
"""Checks one Qinglian audit checkpoint against exported events, with nothing but Python 3's standard library.

    python3 audit-checkpoint-verify.py CHECKPOINT.json EVENTS... [--public-key public-key.pem]
        [--statement-out statement.bin] [--signature-out signature.bin]

EVENTS are files of case events: JSON lines (`audit:export`) or a JSON array (GET /api/cases/:caseId/events).
It recomputes every covered case's hash chain up to the sequence the checkpoint recorded and compares the hash there,
recomputes the leaves and the RFC 6962 root, and checks the counts. The Ed25519 signature is left to OpenSSL: the
statement's canonical bytes and the raw signature are written out for `openssl pkeyutl -verify -rawin`.
The format: docs/audit-checkpoints.md. Exit status 0 when everything holds, 1 otherwise.
"""

import argparse
import base64
import hashlib
import json
import math
import sys

FORMAT = "qinglian-audit-checkpoint/1"
ACCOUNT_EVENTS = "account-events"
GENESIS = "0" * 64


def js_number(x):
    """A number as ECMAScript's Number::toString writes it (RFC 8785 section 3.2.2.3)."""
    if isinstance(x, int):
        return str(x)
    if math.isnan(x) or math.isinf(x):
        raise ValueError("NaN and Infinity have no JSON form")
    if x == 0:
        return "0"
    if x.is_integer() and abs(x) < 1e21:
        return str(int(x))
    sign = "-" if x < 0 else ""
    mantissa, _, exponent = repr(abs(x)).partition("e")
    whole, _, fraction = mantissa.partition(".")
    exponent = int(exponent or 0)
    if whole.strip("0"):
        n = len(whole.lstrip("0")) + exponent
    else:
        n = exponent - (len(fraction) - len(fraction.lstrip("0")))
    digits = (whole + fraction).strip("0")
    k = len(digits)
    if k <= n <= 21:
        return sign + digits + "0" * (n - k)
    if 0 < n <= 21:
        return sign + digits[:n] + "." + digits[n:]
    if -6 < n <= 0:
        return sign + "0." + "0" * (-n) + digits
    e = n - 1
    tail = "e" + ("+" if e >= 0 else "-") + str(abs(e))
    return sign + digits[0] + ("." + digits[1:] if k > 1 else "") + tail


def canonical(value):
    """RFC 8785 (JCS) canonical JSON text."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (int, float)):
        return js_number(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ",".join(canonical(item) for item in value) + "]"
    if isinstance(value, dict):
        keys = sorted(value, key=lambda key: key.encode("utf-16-be"))
        return "{" + ",".join(json.dumps(key, ensure_ascii=False) + ":" + canonical(value[key]) for key in keys) + "}"
    raise TypeError(f"not JSON: {value!r}")


def sha256(data):
    return hashlib.sha256(data).digest()


def merkle_root(leaf_hashes):
    """RFC 6962 Merkle Tree Hash: split at the largest power of two below n."""
    n = len(leaf_hashes)
    if n == 0:
        return sha256(b"")
    if n == 1:
        return leaf_hashes[0]
    k = 1 << ((n - 1).bit_length() - 1)
    return sha256(b"\x01" + merkle_root(leaf_hashes[:k]) + merkle_root(leaf_hashes[k:]))


def leaf_bytes(leaf):
    return canonical({"chain": leaf["chain"], "hash": leaf["hash"], "sequence": leaf["sequence"]}).encode("utf-8")


def event_hash(prev_hash, event):
    """SHA-256(prev_hash || canonical JSON of the hashed fields), hex."""
    fields = {
        "id": event["eventId"],
        "caseId": event["caseId"],
        "sequence": event["sequence"],
        "type": event["type"],
        "actorId": event["actor"]["id"],
        "actorRole": event["actor"]["role"],
        "reason": event["reason"],
        "payload": event["payload"],
        "occurredAt": event["occurredAt"],
        "frameworkVersion": event["frameworkVersion"],
    }
    return hashlib.sha256((prev_hash + canonical(fields)).encode("utf-8")).hexdigest()


def read_events(paths):
    by_case = {}
    for path in paths:
        with open(path, encoding="utf-8") as file:
            text = file.read()
        stripped = text.lstrip()
        events = json.loads(text) if stripped.startswith("[") else [json.loads(line) for line in text.splitlines() if line.strip()]
        for event in events:
            by_case.setdefault(event["caseId"], {})[event["sequence"]] = event
    return by_case


def check_case(leaf, events, problems):
    """Walks the case's chain from its first event to the covered sequence, recomputing every hash."""
    case_id, covered = leaf["chain"], leaf["sequence"]
    if not events:
        problems.append(f"{case_id}: no events exported, the checkpoint covers #1-#{covered}")
        return
    prev = GENESIS
    for sequence in range(1, covered + 1):
        event = events.get(sequence)
        if event is None:
            problems.append(f"{case_id}: event #{sequence} missing (covered up to #{covered})")
            return
        if event["prevHash"] != prev:
            problems.append(f"{case_id} #{sequence}: prev_hash {event['prevHash']}, expected {prev}")
            return
        recomputed = event_hash(prev, event)
        if recomputed != event["hash"]:
            problems.append(f"{case_id} #{sequence}: the fields hash to {recomputed}, the event says {event['hash']}")
            return
        prev = recomputed
    if prev != leaf["hash"]:
        problems.append(f"{case_id} #{covered}: hash {prev}, the checkpoint recorded {leaf['hash']}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("checkpoint")
    parser.add_argument("events", nargs="+")
    parser.add_argument("--public-key", help="public-key.pem: its key id is compared with the statement's")
    parser.add_argument("--statement-out", default="statement.bin")
    parser.add_argument("--signature-out", default="signature.bin")
    args = parser.parse_args()

    with open(args.checkpoint, encoding="utf-8") as file:
        checkpoint = json.load(file)
    statement, leaves = checkpoint["statement"], checkpoint["leaves"]
    problems = []
    if statement.get("format") != FORMAT:
        problems.append(f"format {statement.get('format')!r}, expected {FORMAT!r}")

    with open(args.statement_out, "wb") as file:
        file.write(canonical(statement).encode("utf-8"))
    with open(args.signature_out, "wb") as file:
        file.write(base64.b64decode(checkpoint["signature"], validate=True))

    if args.public_key:
        with open(args.public_key, encoding="ascii") as file:
            body = "".join(line for line in file.read().splitlines() if not line.startswith("-----"))
        key_id = hashlib.sha256(base64.b64decode(body)).hexdigest()
        if key_id != statement["keyId"]:
            problems.append(f"the public key's id is {key_id}, the statement names {statement['keyId']}")

    chains = [leaf["chain"] for leaf in leaves]
    if chains != sorted(set(chains), key=lambda chain: chain.encode("utf-8")):
        problems.append("leaves are not sorted by the UTF-8 bytes of their chain, each once")
    root = merkle_root([sha256(b"\x00" + leaf_bytes(leaf)) for leaf in leaves]).hex()
    if root != statement["root"]:
        problems.append(f"root {root}, the statement says {statement['root']}")
    case_leaves = [leaf for leaf in leaves if leaf["chain"] != ACCOUNT_EVENTS]
    account = next((leaf["sequence"] for leaf in leaves if leaf["chain"] == ACCOUNT_EVENTS), 0)
    counts = (len(leaves), len(case_leaves), account)
    if counts != (statement["treeSize"], statement["cases"], statement["accountEvents"]):
        problems.append(f"treeSize, cases, accountEvents are {counts}, the statement says {(statement['treeSize'], statement['cases'], statement['accountEvents'])}")

    exported = read_events(args.events)
    for leaf in case_leaves:
        check_case(leaf, exported.get(leaf["chain"], {}), problems)

    print(f"checkpoint #{statement['number']} of {statement['createdAt']}: {len(case_leaves)} cases, root {statement['root']}, key {statement['keyId']}")
    print(f"statement bytes: {args.statement_out}, signature: {args.signature_out}")
    if any(leaf["chain"] == ACCOUNT_EVENTS for leaf in leaves):
        print(f"account-events #{account}: in the root; its chain is checked by audit:verify")
    for problem in problems:
        print(f"PROBLEM: {problem}")
    print("OK: every covered case recomputes to the signed root" if not problems else f"{len(problems)} problem(s)")
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
