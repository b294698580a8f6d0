#!/usr/bin/env bash
# Entry point of the mongo service: writes the replica-set keyFile from MONGO_KEYFILE, then hands over to the image's
# own docker-entrypoint.sh with the same arguments.
#
# Why a file written here: mongod refuses a keyFile that its group or others may read ("permissions on ... are too
# open") and runs as the image's mongodb user (uid 999), while .env belongs to you. So the key travels as a variable
# and becomes /etc/mongo/keyfile (or wherever --keyFile points) inside the container: mode 0400, owner mongodb, written
# again on every start, so a rotated key takes effect on the next start. The key is never printed, never on a command
# line, and mongod's own environment does not carry it.
#
# Without --keyFile in the arguments (the no-auth variant) nothing is written. With --keyFile but no MONGO_KEYFILE the
# file must already exist (mounted by other means), else this stops with exit 3 before mongod starts.
set -euo pipefail

keyfile=
previous=
for arg in "$@"; do
	case "$previous" in --keyFile) keyfile=$arg ;; esac
	case "$arg" in --keyFile=*) keyfile=${arg#--keyFile=} ;; esac
	previous=$arg
done

if [ -n "$keyfile" ]; then
	if [ -n "${MONGO_KEYFILE:-}" ]; then
		dir=$(dirname "$keyfile")
		# mongod must be able to reach the file: the folder stays world-searchable, the file is 0400
		[ -d "$dir" ] || install -d -m 0755 "$dir"
		rm -f "$keyfile"
		(umask 077 && printf '%s\n' "$MONGO_KEYFILE" > "$keyfile")
		chown mongodb:mongodb "$keyfile"
		chmod 0400 "$keyfile"
	elif [ ! -e "$keyfile" ]; then
		echo "keyfile-entrypoint: mongod is started with --keyFile $keyfile, but MONGO_KEYFILE is empty and the file" \
			"does not exist: run key-generator generate (compose/README.md, first run)" >&2
		exit 3
	fi
fi
unset MONGO_KEYFILE

exec docker-entrypoint.sh "$@"
