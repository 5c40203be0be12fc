#!/usr/bin/env python3
"""Independent reference for src/rng.ts: xoshiro128** seeded by SplitMix64.

Written from the published algorithm descriptions (Blackman & Vigna, "Scrambled linear
pseudorandom number generators", 2018; SplitMix64 from Steele, Lea & Flood 2014) using
Python's unbounded integers, so none of the JavaScript 32-bit tricks (Math.imul, >>> 0)
are shared with the implementation under test. Prints the JSON that src/rng.spec.ts
pastes in as REFERENCE. Run: python3 libs/linalg/scripts/rng_reference.py
"""
import json
import math

M32 = (1 << 32) - 1
M64 = (1 << 64) - 1
GOLDEN = 0x9E3779B97F4A7C15


def mix64(z):
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
    return z ^ (z >> 31)


def rotl32(x, k):
    return ((x << k) | (x >> (32 - k))) & M32


class Rng:
    def __init__(self, key):
        self.key = key
        a = mix64((key + GOLDEN) & M64)
        b = mix64((key + 2 * GOLDEN) & M64)
        self.s = [a & M32, a >> 32, b & M32, b >> 32]
        self.spare = None

    def uint32(self):
        s = self.s
        result = (rotl32((s[1] * 5) & M32, 7) * 9) & M32
        t = (s[1] << 9) & M32
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl32(s[3], 11)
        return result

    def uniform(self):
        hi = self.uint32() >> 5
        lo = self.uint32() >> 6
        return (hi * 2**26 + lo) / 2**53

    def gaussian(self):
        if self.spare is not None:
            g, self.spare = self.spare, None
            return g
        while True:
            u = 2 * self.uniform() - 1
            v = 2 * self.uniform() - 1
            s = u * u + v * v
            if 0 < s < 1:
                break
        f = math.sqrt(-2 * math.log(s) / s)
        self.spare = v * f
        return u * f

    def split(self, stream):
        return Rng(mix64(self.key ^ mix64((stream + GOLDEN) & M64)))


def create(seed):
    return Rng(seed & M64)  # Python's & on negative ints is two's complement, like BigInt.asUintN


# Self-check against the published SplitMix64 vector (seed 1234567, first five outputs;
# Rosetta Code task "Pseudo-random numbers/Splitmix64").
assert [mix64((1234567 + k * GOLDEN) & M64) for k in range(1, 6)] == [
    6457827717110365317, 3203168211198807973, 9817491932198370423,
    4593380528125082431, 16408922859458223821]

out = {
    "uint32": {str(seed): [r.uint32() for _ in range(6)] for seed in (0, 1, 42, -1, 2**53 - 1)
               for r in [create(seed)]},
    "uniformSeed42": (lambda r: [r.uniform() for _ in range(4)])(create(42)),
    "gaussianSeed7": (lambda r: [r.gaussian() for _ in range(6)])(create(7)),
    "split42stream3": (lambda r: [r.uint32() for _ in range(4)])(create(42).split(3)),
    "split42stream3stream0": (lambda r: [r.uint32() for _ in range(4)])(create(42).split(3).split(0)),
}
print(json.dumps(out, indent=2))
