#!/usr/bin/env bash
# Builds the libFuzzer target fuzz/FuzzPage.swift against loysite's own modules, each
# compiled from source with coverage instrumentation and AddressSanitizer
# (-sanitize=fuzzer,address), in dependency order: CYaml (C) → Yams, CTOML (toml++, C++)
# → TOMLKit, LoysiteSupport → LoysiteMetrics → LoysiteCharts → LoysiteContent →
# LoysiteRender → LoysiteReports → the target, linked with the system libcmark and NLopt. SwiftPM cannot do this itself: the
# fuzzer's main() comes from libFuzzer, so every module is built here by hand.
#
# Usage: fuzz/build.sh            (prints the path of the built binary)
# Needs: swift toolchain (swiftc, clang), libcmark-dev, libnlopt-dev (and libjemalloc-dev for the package build);
# `swift package resolve` is run for the Yams and TOMLKit sources.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="${LOYSITE_FUZZ_DIR:-/dev/shm/loysite-fuzz}"
build="$work/build"
mkdir -p "$build"
cd "$repo"
[ -d .build/checkouts/Yams ] && [ -d .build/checkouts/TOMLKit ] || swift package resolve >&2
checkouts="$repo/.build/checkouts"
sanitize=(-sanitize=fuzzer,address)
ctoml="$checkouts/TOMLKit/Sources/CTOML"
swiftflags=(-O -g -parse-as-library -DSWIFT_PACKAGE -package-name loysite -I "$build" -I "$repo/Sources/CCmark" -I "$repo/Sources/CNLopt"
  -Xcc -I -Xcc "$checkouts/Yams/Sources/CYaml/include" -Xcc -DYAML_DECLARE_STATIC -Xcc -I -Xcc "$ctoml/include")

# CYaml: libyaml, as C.
for file in "$checkouts"/Yams/Sources/CYaml/src/*.c; do
  clang -c -O1 -g -fsanitize=fuzzer-no-link,address -DYAML_DECLARE_STATIC \
    -I "$checkouts/Yams/Sources/CYaml/include" "$file" -o "$build/cyaml-$(basename "$file" .c).o"
done

# CTOML: toml++ behind TOMLKit's C interface, as C++17 with exceptions (as TOMLKit builds it).
for file in "$ctoml"/Sources/*.cpp; do
  object="$build/ctoml-$(basename "$file" .cpp | tr -c 'A-Za-z0-9\n' '_').o"
  clang++ -c -O1 -g -std=c++17 -fsanitize=fuzzer-no-link,address -DTOML_EXCEPTIONS=1 \
    -I "$ctoml/include" -I "$ctoml/Sources" "$file" -o "$object"
done

module() {  # module NAME SOURCE-FOLDER…
  local name="$1"; shift
  local sources=()
  while IFS= read -r -d '' file; do sources+=("$file"); done < <(find "$@" -name '*.swift' -print0 | sort -z)
  echo "compiling $name (${#sources[@]} files)" >&2
  swiftc "${sanitize[@]}" "${swiftflags[@]}" -module-name "$name" -wmo -c \
    -emit-module -emit-module-path "$build/$name.swiftmodule" -o "$build/$name.o" "${sources[@]}"
}
module Yams "$checkouts/Yams/Sources/Yams"
module TOMLKit "$checkouts/TOMLKit/Sources/TOMLKit"
module LoysiteSupport Sources/LoysiteSupport
module LoysiteMetrics Sources/LoysiteMetrics
module LoysiteCharts Sources/LoysiteCharts
module LoysiteContent Sources/LoysiteContent
module LoysiteRender Sources/LoysiteRender
module LoysiteReports Sources/LoysiteReports

echo "linking loysite-fuzz-page" >&2
swiftc "${sanitize[@]}" "${swiftflags[@]}" -module-name FuzzPage \
  fuzz/FuzzPage.swift Tests/LoysiteTesting/ExecutableMarkup.swift \
  "$build"/*.o -lcmark -lnlopt -lstdc++ -o "$work/loysite-fuzz-page"
echo "$work/loysite-fuzz-page"
