#!/usr/bin/env bash
# Netra backup: the database, the private file store, the audit anchors — one directory per run.
# Usage: ops/backup.sh DESTINATION_DIR   (reads DATABASE_URL, NETRA_PRIVATE_MEDIA_ROOT, NETRA_AUDIT_ANCHOR_FILE)
# The audit keys and DJANGO_SECRET_KEY are NOT written here: keep them in the secrets store (docs/operations.md).
set -euo pipefail
destination="${1:?usage: ops/backup.sh DESTINATION_DIR}"
: "${DATABASE_URL:?set DATABASE_URL to the owner URL: pg_dump reads every table}"
media="${NETRA_PRIVATE_MEDIA_ROOT:-var/private}"
anchors="${NETRA_AUDIT_ANCHOR_FILE:-var/audit/anchors.jsonl}"
mkdir -p "$destination"
# 1. The audit anchors, BEFORE the dump: every anchor copied then names an event the dump will contain.
if [ -f "$anchors" ]; then cp "$anchors" "$destination/anchors.jsonl"; fi
# 2. The database, in pg_dump's custom format (compressed, restorable table by table), one consistent snapshot.
pg_dump --format=custom --no-owner --no-privileges --file="$destination/netra.dump" "$DATABASE_URL"
# 3. The private file store (evidence and letters), with each file's SHA-256 to check a restore against.
tar --create --file="$destination/private.tar" --directory="$media" .
(cd "$media" && find . -type f -print0 | sort -z | xargs -0 -r sha256sum) > "$destination/private.sha256"
echo "backup written to $destination"
