#!/bin/sh
# Compile chaque jumeau C de $1 dans $2, avec gcc -O2, sur cette machine.
set -eu
src=$1
out=$2
mkdir -p "$out"
for f in "$src"/*.c; do
    name=$(basename "$f" .c)
    gcc -O2 -Wall -Wextra -std=gnu11 -pthread -o "$out/$name" "$f" -lrt
done
gcc --version | head -n 1 > "$out/gcc-version.txt"
