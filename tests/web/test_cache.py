"""The reader's LRU: each value built once per key, the least recently used dropped first."""

from __future__ import annotations

from onrecord.web.cache import LRU


def test_cache_builds_each_key_once() -> None:
    built: list[str] = []
    cache = LRU[str](2)

    def build(key: str) -> str:
        built.append(key)
        return key.upper()

    assert [cache.get(k, lambda k=k: build(k)) for k in ("a", "a", "b", "a")] == ["A", "A", "B", "A"]
    assert built == ["a", "b"]


def test_cache_drops_the_least_recently_used() -> None:
    cache = LRU[int](2)
    for key in ("a", "b", "a", "c"):
        cache.get(key, lambda: 1)
    assert list(cache._values) == ["a", "c"]
    assert len(LRU[int](0)) == 0 and LRU[int](0).get("x", lambda: 7) == 7
