"""Gradient-boosted trees evaluated with numpy, so that scoring needs neither LightGBM nor scikit-learn.

``forest_of`` reads LightGBM's text dump of a trained booster into flat arrays (training side);
``forest_scores`` walks every tree for every row at once and adds the trees' leaves in LightGBM's order, so
the raw scores are the ones ``Booster.predict(raw_score=True)`` gives, bit for bit.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int32]

# LightGBM's decision_type bits: 1 categorical, 2 default left, 12 the missing-value type (0 none, 1 zero, 2 NaN).
_CATEGORICAL, _DEFAULT_LEFT = 1, 2
_MISSING_ZERO, _MISSING_NAN = 1, 2
_ZERO = 1e-35  # LightGBM's kZeroThreshold


@dataclass(frozen=True)
class Forest:
    """Every tree's internal nodes and leaves, concatenated; ``node_start``/``leaf_start`` say where each begins.

    A child index >= 0 is an internal node of the same tree, a negative one ``~leaf``.
    """

    feature: Ints
    threshold: Floats
    decision: Ints
    left: Ints
    right: Ints
    leaf_value: Floats
    node_start: Ints
    leaf_start: Ints

    @functools.cached_property
    def table(self) -> _Table:
        return _table(self)

    @property
    def trees(self) -> int:
        return len(self.leaf_start)

    def arrays(self) -> dict[str, Any]:
        """The arrays under names that ``from_arrays`` reads back (prefixed ``tree_``)."""
        return {f"tree_{name}": getattr(self, name) for name in self.__dataclass_fields__}

    @classmethod
    def from_arrays(cls, arrays: dict[str, Any]) -> Forest:
        def ints(name: str) -> Ints:
            return np.asarray(arrays[f"tree_{name}"], dtype=np.int32)

        def floats(name: str) -> Floats:
            return np.asarray(arrays[f"tree_{name}"], dtype=np.float64)

        return cls(ints("feature"), floats("threshold"), ints("decision"), ints("left"), ints("right"),
                   floats("leaf_value"), ints("node_start"), ints("leaf_start"))


def _fields(block: str) -> dict[str, list[str]]:
    return {key: value.split() for key, _, value in (line.partition("=") for line in block.splitlines()) if value}


def forest_of(model_text: str) -> Forest:
    """The trees of a LightGBM text dump (``Booster.model_to_string()``) of a single-output model."""
    body = model_text.split("\nTree=", 1)[1].split("end of trees", 1)[0]
    parts: dict[str, list[npt.NDArray[np.generic]]] = {k: [] for k in ("feature", "threshold", "decision", "left",
                                                                        "right", "leaf_value")}
    node_start, leaf_start = [0], [0]
    for block in body.split("\nTree="):
        tree = _fields(block)
        if any(int(d) & _CATEGORICAL for d in tree.get("decision_type", [])):
            raise ValueError("categorical splits are not supported")
        for key, name, kind in (("split_feature", "feature", np.int32), ("threshold", "threshold", np.float64),
                                ("decision_type", "decision", np.int32), ("left_child", "left", np.int32),
                                ("right_child", "right", np.int32), ("leaf_value", "leaf_value", np.float64)):
            parts[name].append(np.asarray([float(v) if kind is np.float64 else int(v) for v in tree.get(key, [])],
                                          dtype=kind))
        node_start.append(node_start[-1] + len(parts["feature"][-1]))
        leaf_start.append(leaf_start[-1] + len(parts["leaf_value"][-1]))
    joined = {name: np.concatenate(arrays) for name, arrays in parts.items()}
    joined.update(node_start=np.asarray(node_start[:-1]), leaf_start=np.asarray(leaf_start[:-1]))
    return Forest.from_arrays({f"tree_{name}": array for name, array in joined.items()})


@dataclass(frozen=True)
class _Table:
    """Internal nodes and leaves in one index space; a leaf sends every row back to itself."""

    feature: Ints
    threshold: Floats
    decision: Ints
    left: Ints
    right: Ints
    value: Floats
    roots: Ints
    depth: int


def _table(forest: Forest) -> _Table:
    nodes, leaves = len(forest.feature), len(forest.leaf_value)
    tree_of_node = np.searchsorted(forest.node_start, np.arange(nodes), side="right") - 1
    leaf_base = nodes + forest.leaf_start[tree_of_node]

    def target(child: Ints) -> Ints:
        return np.where(child >= 0, forest.node_start[tree_of_node] + child, leaf_base + ~child).astype(np.int32)

    own = np.arange(nodes, nodes + leaves, dtype=np.int32)
    sizes = np.diff(np.append(forest.node_start, nodes))
    roots = np.where(sizes > 0, forest.node_start, nodes + forest.leaf_start).astype(np.int32)
    depth = np.ones(nodes, dtype=np.int32)
    for node in range(nodes):  # a child is split after its parent, so it comes later
        for child in (forest.left[node], forest.right[node]):
            if child >= 0:
                depth[forest.node_start[tree_of_node[node]] + child] = depth[node] + 1
    return _Table(np.concatenate([forest.feature, np.zeros(leaves, np.int32)]),
                  np.concatenate([forest.threshold, np.full(leaves, np.inf)]),
                  np.concatenate([forest.decision, np.zeros(leaves, np.int32)]),
                  np.concatenate([target(forest.left), own]), np.concatenate([target(forest.right), own]),
                  np.concatenate([np.zeros(nodes), forest.leaf_value]), roots, int(depth.max(initial=0)))


def _go_left(table: _Table, at: npt.NDArray[np.int32], values: Floats) -> npt.NDArray[np.bool_]:
    """LightGBM's numerical decision at each node for each value."""
    decision = table.decision[at]
    missing = (decision >> 2) & 3
    nan = np.isnan(values)
    values = np.where(nan & (missing != _MISSING_NAN), 0.0, values)
    default = ((missing == _MISSING_ZERO) & (np.abs(values) <= _ZERO)) | ((missing == _MISSING_NAN) & nan)
    return np.where(default, (decision & _DEFAULT_LEFT) != 0, values <= table.threshold[at])


def forest_scores(forest: Forest, rows: npt.NDArray[np.floating]) -> Floats:
    """Raw scores (sum of the trees' leaves) of each row."""
    x = np.asarray(rows, dtype=np.float64)
    if len(x) == 0 or forest.trees == 0:
        return np.zeros(len(x))
    table = forest.table
    # Missing values only take a default branch under "zero" or "NaN" missing types; else NaN reads as 0.
    plain = not np.any((table.decision >> 2) & 3)
    x = np.nan_to_num(x, nan=0.0, posinf=np.inf, neginf=-np.inf) if plain else x
    at = np.broadcast_to(table.roots, (len(x), forest.trees)).copy()
    if plain:  # the common case, with flat gathers: several times faster than the general walk
        flat, base = x.ravel(), (np.arange(len(x)) * x.shape[1])[:, None]
        children = np.stack([table.left, table.right], axis=1).ravel()
        for _ in range(table.depth):
            right = flat.take(base + table.feature.take(at)) > table.threshold.take(at)
            at = children.take(2 * at + right)
    else:
        row = np.arange(len(x))[:, None]
        for _ in range(table.depth):
            left = _go_left(table, at, x[row, table.feature[at]])
            at = np.where(left, table.left[at], table.right[at])
    # LightGBM adds tree after tree; a running sum keeps its order of additions, and so its rounding.
    return np.asarray(np.cumsum(table.value[at], axis=1)[:, -1], dtype=np.float64)
