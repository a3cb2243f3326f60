"""Reads a draft email with Python's standard `email` package (not PPG Desk's own code) and
prints what a mail program would see, as JSON: the decoded headers, the message, each
attachment's name and bytes (hex), and the longest raw line (to check long lines are folded)."""
import email
import email.policy
import json
import sys

raw = open(sys.argv[1], "rb").read()
message = email.message_from_bytes(raw, policy=email.policy.default)


def addresses(name):
    header = message[name]
    if header is None:
        return []
    return [[a.display_name, a.addr_spec] for a in header.addresses]


body = message.get_body(preferencelist=("plain",))
attachments = [
    {"filename": part.get_filename(), "type": part.get_content_type(), "hex": part.get_payload(decode=True).hex()}
    for part in message.iter_attachments()
]
lines = raw.split(b"\r\n") if b"\r\n" in raw else raw.split(b"\n")
head = raw.split(b"\r\n\r\n", 1)[0] if b"\r\n\r\n" in raw else raw.split(b"\n\n", 1)[0]
print(json.dumps({
    "to": addresses("To"),
    "bcc": addresses("Bcc"),
    "from": str(message["From"] or ""),
    "subject": str(message["Subject"]),
    "x_unsent": str(message["X-Unsent"]),
    "message_id": str(message["Message-ID"]),
    "body": body.get_content() if body else "",
    "attachments": attachments,
    "longest_line": max(len(l) for l in lines),
    "longest_header_line": max(len(l) for l in head.splitlines()),
    "defects": [str(d) for d in message.defects],
}))
