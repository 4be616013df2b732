#!/usr/bin/env bash
# Regenerates the SQL migrations from src/db/schema. Serialised with flock so two people running it at
# once do not interleave. Landed migrations are never edited: drizzle-kit only appends new files.
set -euo pipefail
cd "$(dirname "$0")/.."
exec flock .db-generate.lock npx drizzle-kit generate "$@"
