"""Counter-based pseudo-random numbers: a number is a pure function of (seed, stream, keys).

A stateful generator would make one LA's history depend on how many LAs were simulated before
it. Hashing the keys instead keeps every copy of the country independent of the run's size, and
lets whole arrays be drawn at once.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

U64 = npt.NDArray[np.uint64]
F64 = npt.NDArray[np.float64]
I64 = npt.NDArray[np.int64]

_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_M1 = np.uint64(0xBF58476D1CE4E5B9)
_M2 = np.uint64(0x94D049BB133111EB)
_S30, _S27, _S31, _S11 = np.uint64(30), np.uint64(27), np.uint64(31), np.uint64(11)


def _mix(x: U64) -> U64:
    """The splitmix64 finaliser: a bijection on 64-bit words with good avalanche."""
    x = x ^ (x >> _S30)
    x = x * _M1
    x = x ^ (x >> _S27)
    x = x * _M2
    return x ^ (x >> _S31)


def keyed(seed: int, stream: int, ident: U64, *keys: int) -> U64:
    """64 random bits for each element of `ident` (an LA's identity), per stream and keys."""
    with np.errstate(over="ignore"):
        base = np.uint64(seed & 0xFFFFFFFFFFFFFFFF) * _GOLDEN
        x = _mix(np.full(1, base, dtype=np.uint64) ^ np.uint64(stream + 1))
        for k in keys:
            x = _mix(x ^ np.uint64(k + 1))
        return _mix(ident * _GOLDEN ^ x)


def uniform(seed: int, stream: int, ident: U64, *keys: int) -> F64:
    """Uniform numbers in [0, 1), one per element of `ident`."""
    bits = keyed(seed, stream, ident, *keys)
    return (bits >> _S11).astype(np.float64) * (1.0 / (1 << 53))


def integers(seed: int, stream: int, ident: U64, low: int, high: int, *keys: int) -> I64:
    """Integers in [low, high] inclusive, one per element of `ident`."""
    u = uniform(seed, stream, ident, *keys)
    return low + np.floor(u * (high - low + 1)).astype(np.int64)
