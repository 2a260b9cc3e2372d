#!/usr/bin/env bash
# Netra restore into an EMPTY database and an empty file store, then verify (docs/operations.md).
# Usage: ops/restore.sh BACKUP_DIR   (reads DATABASE_URL of the new, empty database; NETRA_PRIVATE_MEDIA_ROOT;
#        NETRA_AUDIT_ANCHOR_FILE; NETRA_AUDIT_KEYS must hold the keys the events were signed with)
set -euo pipefail
backup="${1:?usage: ops/restore.sh BACKUP_DIR}"
: "${DATABASE_URL:?set DATABASE_URL to the new, empty database (as its owner)}"
media="${NETRA_PRIVATE_MEDIA_ROOT:-var/private}"
anchors="${NETRA_AUDIT_ANCHOR_FILE:-var/audit/anchors.jsonl}"
pg_restore --exit-on-error --no-owner --no-privileges --dbname="$DATABASE_URL" "$backup/netra.dump"
mkdir -p "$media"
tar --extract --file="$backup/private.tar" --directory="$media"
(cd "$media" && sha256sum --check --quiet "$backup/private.sha256")
if [ -f "$backup/anchors.jsonl" ]; then mkdir -p "$(dirname "$anchors")"; cp "$backup/anchors.jsonl" "$anchors"; fi
python manage.py audit_verify
echo "restored from $backup and verified"
