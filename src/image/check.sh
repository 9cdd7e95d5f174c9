#!/usr/bin/env bash
# End-to-end proof of the container image, with no Docker engine anywhere (README "Deploying"):
#   1. a base image from a tarball (src/image/java-base.sh) unless one is given: BASE=registry/image:tag
#   2. Jib builds the API image and pushes it to a registry on this machine (Debian's docker-registry)
#   3. the demo stack's PostgreSQL and Keycloak start, and the API runs from the pushed image (src/image/run.sh:
#      pulled, unpacked, run by runc as user 185 on a read-only root filesystem, configured by environment only)
#   4. a real token reads data through the containerised API; then SIGTERM, and the API shuts down gracefully
# Needs (Debian): docker-registry skopeo umoci runc jq curl, and root for runc.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=target/image
mkdir -p "$out"
tag=check
image=localhost:5000/casebridge/casebridge-api:$tag
if [[ -z "${BASE:-}" ]]; then
  [[ -f $out/java-base.tar ]] || src/image/java-base.sh
  BASE=tar://$PWD/$out/java-base.tar
fi

rm -rf "$out/registry" "$out/stack"
cat > "$out/registry.yml" <<YML
version: 0.1
log: {level: warn}
storage: {filesystem: {rootdirectory: $PWD/$out/registry}}
http: {addr: 127.0.0.1:5000}
YML
docker-registry serve "$out/registry.yml" > "$out/registry.log" 2>&1 &
registry=$!
trap 'kill $registry 2>/dev/null || true' EXIT

export QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://localhost:15432/casebridge
export QUARKUS_DATASOURCE_USERNAME=casebridge QUARKUS_DATASOURCE_PASSWORD=casebridge-demo
export QUARKUS_OIDC_AUTH_SERVER_URL=http://localhost:8180/realms/casebridge
export CASEBRIDGE_IDENTITY_KEYS="check-1:$(head -c 32 /dev/urandom | base64)" CASEBRIDGE_IDENTITY_ACTIVE_KEY=check-1
export CASEBRIDGE_DEMO_DATA_ENABLED=true

echo "Building and pushing $image (base $BASE), then running it with the demo stack; log: $out/check.log"
mvn -B -Pdemo package -Dcasebridge.home="$out/stack" \
  -Dquarkus.container-image.build=true -Dquarkus.container-image.push=true -Dquarkus.container-image.insecure=true \
  -Dquarkus.container-image.registry=localhost:5000 -Dquarkus.container-image.tag=$tag \
  -Dquarkus.jib.base-jvm-image="$BASE" -Dcasebridge.api-command="src/image/run.sh $image" > "$out/check.log" 2>&1 &
stack=$!
for _ in $(seq 600); do
  grep -q "Casebridge is running" "$out/check.log" && break
  kill -0 $stack 2>/dev/null || { tail -40 "$out/check.log"; echo "FAILED: the stack stopped"; exit 1; }
  sleep 1
done
grep -q "Casebridge is running" "$out/check.log" || { echo "FAILED: not ready in 10 minutes"; kill $stack; exit 1; }

manifest=$(skopeo inspect --tls-verify=false "docker://$image")
config=$(skopeo inspect --config --tls-verify=false "docker://$image")
token=$(curl -sf -d grant_type=password -d client_id=casebridge-cli -d username=cw.amani -d password=demo \
  http://localhost:8180/realms/casebridge/protocol/openid-connect/token | jq -r .access_token)
answer=$(curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"query":"{ agencies { edges { node { code } } } }"}' http://localhost:8080/graphql)
api_pid=$(pgrep -xf "$(jq -r '.config.Entrypoint | join(" ")' <<<"$config")")
api_uid=$(awk '/^Uid:/ {print $2}' "/proc/$api_pid/status")
api_root=$(awk '$5 == "/" {print $6}' "/proc/$api_pid/mountinfo")
json_logs=$(grep -c '^{"timestamp"' "$out/check.log" || true)

started=$(date +%s.%N)
kill -TERM $stack
wait $stack || true
stopped=$(date +%s.%N)

echo "image      : $image  $(jq -r .Digest <<<"$manifest")  $(jq '.Layers | length' <<<"$manifest") layers"
echo "entrypoint : $(jq -c .config.Entrypoint <<<"$config")  user $(jq -r .config.User <<<"$config")  workdir $(jq -r .config.WorkingDir <<<"$config")"
echo "process    : pid $api_pid, uid $api_uid, root filesystem mounted $api_root, JSON log lines: $json_logs"
echo "GraphQL    : $answer"
printf 'stop       : SIGTERM to stack exit %.1f s\n' "$(echo "$stopped - $started" | bc)"
jq -e '.data.agencies.edges | map(.node.code) | index("AMANI") != null' <<<"$answer" >/dev/null \
  && [[ $api_uid == 185 && $api_root == ro,* ]] \
  && echo "OK: the image built by Jib without a Docker engine runs and serves the API" \
  || { echo "FAILED: unexpected answer"; exit 1; }
