#!/bin/sh
# stack-init: the kong service's entrypoint. Kong does not expand variables in a declarative file, so this renders
# kong.yml (the template mounted at KONG_TEMPLATE) into KONG_DECLARATIVE_CONFIG, then runs its arguments (Kong).
#   - every ${NAME} becomes that variable of this container's environment; a name that is not set stops here
#   - a value may hold only letters, digits and . _ ~ - (what the keys, JWTs and generated passwords are made of):
#     anything else could break the YAML or the Lua code it lands in, so it stops here too, naming the variable
#   - a key-auth credential left empty (`- key:` with no value: the new API keys are opt-in) is dropped
# The rendered file holds the keys: it is written with mode 0600 and replaced whole.
set -eu

template=${KONG_TEMPLATE:-/home/kong/template.yml}
output=${KONG_DECLARATIVE_CONFIG:?KONG_DECLARATIVE_CONFIG is not set}

umask 077
if ! awk '
{
  line = $0
  out = ""
  while (match(line, /\$\{[A-Za-z_][A-Za-z0-9_]*\}/)) {
    name = substr(line, RSTART + 2, RLENGTH - 3)
    if (!(name in ENVIRON)) {
      print "kong-entrypoint: " name " is not set (kong.yml line " NR ")" > "/dev/stderr"
      exit 3
    }
    value = ENVIRON[name]
    if (value !~ /^[A-Za-z0-9._~-]*$/) {
      print "kong-entrypoint: " name " holds a character other than letters, digits and . _ ~ - (kong.yml line " NR "): fix it in .env" > "/dev/stderr"
      exit 3
    }
    out = out substr(line, 1, RSTART - 1) value
    line = substr(line, RSTART + RLENGTH)
  }
  out = out line
  if (out ~ /^[ \t]*- key:[ \t]*$/) {
    next
  }
  print out
}
' "$template" > "$output.tmp"; then
  rm -f "$output.tmp"
  exit 3
fi
mv "$output.tmp" "$output"

exec "$@"
