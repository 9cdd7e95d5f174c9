#!/usr/bin/env bash
# Runs an image from a registry without a Docker engine, as k8s/base/api-deployment.yaml runs it: user 185:185,
# read-only root filesystem, a writable /tmp, no capabilities, no privilege escalation. The host's network is
# shared so the container reaches a local PostgreSQL and Keycloak. QUARKUS_* and CASEBRIDGE_* variables of the
# caller become the container's environment (configuration by environment only, as in the Deployment).
# Usage: src/image/run.sh localhost:5000/casebridge/casebridge-api:check      Needs: skopeo, umoci, runc (root).
set -euo pipefail
image=$1
work=$(cd "$(dirname "$0")/../.." && pwd)/target/image/run
rm -rf "$work" && mkdir -p "$work"
skopeo copy -q --src-tls-verify=false "docker://$image" "oci:$work/oci:run"
umoci unpack --image "$work/oci:run" "$work/bundle" >/dev/null
env_json=$(env | grep -E '^(QUARKUS|CASEBRIDGE)_' | jq -R . | jq -s . || echo '[]')
jq --argjson extra "$env_json" '
  .process.terminal = false
  | .process.user = {uid: 185, gid: 185}
  | .process.env += $extra
  | .process.noNewPrivileges = true
  | .process.capabilities = {bounding: [], effective: [], inheritable: [], permitted: [], ambient: []}
  | .root.readonly = true
  | .mounts += [{destination: "/tmp", type: "tmpfs", source: "tmpfs", options: ["nosuid", "nodev", "mode=1777"]}]
  | .linux.namespaces |= map(select(.type != "network"))
' "$work/bundle/config.json" > "$work/config.json"
mv "$work/config.json" "$work/bundle/config.json"
exec runc run --bundle "$work/bundle" "casebridge-$$"
