#!/usr/bin/env bash
# Regenerates the compressed copies of the test event log with the real writer
# libraries Spark uses. Needs Java 17 and the Debian packages
#   liblz4-java libsnappy-java libsnappy-jni libcompress-lzf-java zstd gzip
# The generated files are committed; tests do not need Java or these tools.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
data="$(dirname "$here")"
log="$data/application_1536831636016_59384_1"
name="$(basename "$log")"
cp_jars="/usr/share/java/lz4-java.jar:/usr/share/java/snappy-java.jar:/usr/share/java/compress-lzf.jar"
build="$(mktemp -d)"
trap 'rm -rf "$build"' EXIT

javac -d "$build" -cp "$cp_jars" "$here/GenerateCompressedLogs.java"
# Debian's snappy-java loads its JNI library from the system (libsnappy-jni).
java -Dorg.xerial.snappy.use.systemlib=true -Djava.library.path=/usr/lib/x86_64-linux-gnu/jni:/usr/lib/jni \
  -cp "$build:$cp_jars" GenerateCompressedLogs "$log" "$data"

# Spark's ZStdCompressionCodec writes standard zstd frames.
zstd -q -f -3 "$log" -o "$data/$name.zstd"
half=$(( $(stat -c %s "$log") / 2 ))
head -c "$half" "$log" | zstd -q -3 > "$build/a.zst"
tail -c +"$((half + 1))" "$log" | zstd -q -3 > "$build/b.zst"
cat "$build/a.zst" "$build/b.zst" > "$data/$name.zstd-concat"

# gzip: one member, and two members concatenated.
gzip -n -9 -c "$log" > "$data/$name.gz"
head -c "$half" "$log" | gzip -n -9 -c > "$build/a.gz"
tail -c +"$((half + 1))" "$log" | gzip -n -9 -c > "$build/b.gz"
cat "$build/a.gz" "$build/b.gz" > "$data/$name.gz-concat"
