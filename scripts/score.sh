#!/usr/bin/env bash
# Score the extractor the way the project is judged: the seeds (raw/) and the challenge set
# (../shared/gold/challenge built as a corpus), with ../shared/tools/score.py.
# Usage: scripts/score.sh [BIN] [--show N]
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$top/../shared}
bin=${1:-${CARGO_TARGET_DIR:-$top/target}/debug/cecot-data}
shift || true
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" build --quiet --raw "$top/raw" --out "$tmp/seeds"
echo "== seeds"
python3 "$shared/tools/score.py" "$tmp/seeds/mentions.csv" "$shared/gold/seeds_mentions.csv" --texts "$top/raw/articles" "$@"
ch="$tmp/challenge"
mkdir -p "$ch/articles"
echo "source_id,path,sha256,title,url,publisher,author,published,language" > "$ch/sources.csv"
for f in "$shared"/gold/challenge/*.txt; do
  id=$(basename "$f" .txt)
  cp "$f" "$ch/articles/"
  echo "$id,articles/$id.txt,$(sha256sum "$f" | cut -d' ' -f1),,,,,,${id%%_*}" >> "$ch/sources.csv"
done
"$bin" build --quiet --raw "$ch" --out "$tmp/chout"
for L in en es; do
  echo "== challenge $L"
  python3 "$shared/tools/score.py" "$tmp/chout/mentions.csv" "$shared/gold/challenge_mentions.csv" --only "${L}_" --texts "$shared/gold/challenge" "$@"
done
