#!/usr/bin/env bash
# A minimal Java 17 base image, built without a Docker engine and without any container registry:
# a jlink'ed runtime from the local JDK, the C libraries it links from Debian packages, a non-root user 185
# (the user k8s/base runs the API as). Output: target/image/java-base.tar (docker-archive), for
#   mvn package -Dquarkus.container-image.build=true -Dquarkus.jib.base-jvm-image=tar://$PWD/target/image/java-base.tar ...
# Needs: a JDK 17 with jmods, apt-get + dpkg-deb (Debian/Ubuntu), umoci and skopeo.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=target/image
work=$out/java-base.work
rm -rf "$work" && mkdir -p "$work/debs" "$out"
jdk=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}

(cd "$work/debs" && apt-get download -q libc6 libgcc-s1 libstdc++6 zlib1g tzdata >/dev/null)

umoci init --layout "$work/oci"
umoci new --image "$work/oci:17"
umoci unpack --image "$work/oci:17" "$work/bundle" >/dev/null
root=$work/bundle/rootfs
for deb in "$work"/debs/*.deb; do dpkg-deb -x "$deb" "$root"; done
"$jdk/bin/jlink" --module-path "$jdk/jmods" --add-modules ALL-MODULE-PATH --output "$root/opt/java" \
  --strip-debug --no-header-files --no-man-pages --compress=2
mkdir -p "$root/tmp" "$root/home/casebridge" "$root/etc" "$root/bin"
chmod 1777 "$root/tmp"
chown 185:0 "$root/home/casebridge"
printf 'root:x:0:0:root:/root:/sbin/nologin\ncasebridge:x:185:0:Casebridge:/home/casebridge:/sbin/nologin\n' > "$root/etc/passwd"
printf 'root:x:0:\n' > "$root/etc/group"
printf '127.0.0.1 localhost\n::1 localhost\n' > "$root/etc/hosts"
printf 'hosts: files dns\n' > "$root/etc/nsswitch.conf"
ln -sf ../usr/share/zoneinfo/UTC "$root/etc/localtime"
umoci repack --image "$work/oci:17" "$work/bundle" >/dev/null
umoci config --image "$work/oci:17" --config.user 185 --config.workingdir /home/casebridge \
  --config.env JAVA_HOME=/opt/java --config.env PATH=/opt/java/bin:/usr/bin:/bin --config.env LANG=C.UTF-8 >/dev/null

rm -f "$out/java-base.tar"
skopeo copy -q "oci:$work/oci:17" "docker-archive:$out/java-base.tar:casebridge/java-base:17"
rm -rf "$work"
echo "$out/java-base.tar ($(du -h "$out/java-base.tar" | cut -f1))"
