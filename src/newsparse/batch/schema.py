"""Columnar schemas (Arrow/Parquet, Spark) derived from the pydantic models.

The models are the single source of truth: :func:`schema_tree` reads a model's
JSON schema (serialization mode, i.e. the shape of ``model_dump(mode="json")``)
into a small tree of column types, and :func:`arrow_type` / :func:`spark_type`
turn that tree into a ``pyarrow`` or ``pyspark`` type. A field added to
``Article`` appears in Parquet and Spark without touching this module.

Mapping rules (the columns hold the JSON form of the data, typed):

- strings -> string; integers -> int64; numbers -> float64; booleans -> bool;
  every column nullable;
- a date/time field (``published``, ``modified``, a comment's ``published``)
  -> a timezone-aware timestamp in UTC (microseconds), followed by two bool
  columns: ``<name>_date_only`` (the page gave only a day: the timestamp is
  midnight UTC of that day) and ``<name>_local`` (the page gave a time without
  an offset: the timestamp is that wall-clock time read as UTC). The string as
  found in the page stays in the model's own ``<name>_raw`` field;
- a ``Decimal`` (prices, amounts, percent changes) -> ``decimal(38, 18)``:
  exact, 20 digits before the point and 18 after (a value that does not fit
  is null; its text stays in the model's raw field, e.g. ``price_raw``);
- a model -> struct, a list -> list;
- a union of models (the body's blocks, with the discriminator ``kind``) ->
  one struct with the union of the members' fields; a member's absent fields
  are null;
- a recursive model (a comment's replies) is unrolled ``max_nesting`` levels
  deep; below that the value is kept as a JSON string, so nothing is lost;
- anything without a fixed shape (free-form dicts, mixed-type unions) -> a
  JSON string.

:func:`to_columns` turns ``model_dump(mode="json")`` data into values that
fit the tree; :func:`from_columns` undoes it (JSON strings parsed, union
filler fields dropped), so ``Article.model_validate(from_columns(...))``
gives the Article back.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

__all__ = [
    "DECIMAL_PRECISION",
    "DECIMAL_SCALE",
    "DEFAULT_MAX_NESTING",
    "Column",
    "arrow_schema",
    "arrow_type",
    "from_columns",
    "schema_tree",
    "spark_type",
    "to_columns",
]

DEFAULT_MAX_NESTING = 6
"""How many levels of a recursive model (comment replies) become nested structs."""

DECIMAL_PRECISION, DECIMAL_SCALE = 38, 18
"""The decimal columns: 38 significant digits (Spark's maximum), 18 of them after the point."""

_DECIMAL_LIMIT = Decimal(10) ** (DECIMAL_PRECISION - DECIMAL_SCALE)
_DECIMAL_QUANTUM = Decimal(1).scaleb(-DECIMAL_SCALE)

Kind = Literal[
    "string", "int", "float", "bool", "timestamp", "decimal", "struct", "list", "json"
]
_PRIMITIVES: dict[str, Kind] = {
    "string": "string",
    "integer": "int",
    "number": "float",
    "boolean": "bool",
}


@dataclass(frozen=True)
class Column:
    """The type of one column (or nested field), independent of Arrow or Spark."""

    kind: Kind
    fields: tuple[tuple[str, Column], ...] = ()
    """A struct's fields, in the model's order."""
    item: Column | None = None
    """A list's element type."""
    discriminator: str | None = None
    """For a struct merged from a tagged union: the tag field."""
    variants: Mapping[str, frozenset[str]] = field(default_factory=dict)
    """For a merged union: tag value -> the field names of that member."""
    flag_of: tuple[str, str] | None = None
    """A bool column derived from a timestamp field: (field name, 'date_only' | 'local')."""


_JSON = Column("json")
_FLAGS = ("date_only", "local")


class _TypedSchema(GenerateJsonSchema):
    """The serialization JSON schema, with Decimals marked ``format: decimal``."""

    def decimal_schema(self, schema: core_schema.DecimalSchema) -> JsonSchemaValue:
        if self.mode == "serialization":
            return {"type": "string", "format": "decimal"}
        return super().decimal_schema(schema)


def schema_tree(model: type[BaseModel], *, max_nesting: int = DEFAULT_MAX_NESTING) -> Column:
    """The column tree of ``model``'s JSON form (see the module doc for the rules)."""
    schema = model.model_json_schema(mode="serialization", schema_generator=_TypedSchema)
    defs: dict[str, Any] = schema.get("$defs", {})
    return _column(schema, defs, (), max_nesting)


def _column(
    schema: Mapping[str, Any], defs: Mapping[str, Any], stack: tuple[str, ...], depth: int
) -> Column:
    ref = schema.get("$ref")
    if isinstance(ref, str):
        name = ref.rsplit("/", 1)[-1]
        if stack.count(name) >= depth:
            return _JSON
        return _column(defs[name], defs, (*stack, name), depth)
    if _is_time(schema):
        return Column("timestamp")
    if schema.get("type") == "string" and schema.get("format") == "decimal":
        return Column("decimal")
    for key in ("anyOf", "oneOf"):
        if key in schema:
            members = [m for m in schema[key] if m.get("type") != "null"]
            columns = [_column(m, defs, stack, depth) for m in members]
            return _union(members, columns, schema.get("discriminator"))
    if "allOf" in schema and len(schema["allOf"]) == 1:
        return _column(schema["allOf"][0], defs, stack, depth)
    kind = schema.get("type")
    if kind == "object":
        props: Mapping[str, Any] = schema.get("properties", {})
        if not props:
            return _JSON
        fields: list[tuple[str, Column]] = []
        for name, sub in props.items():
            column = _column(sub, defs, stack, depth)
            fields.append((name, column))
            if column.kind == "timestamp":
                fields.extend(
                    (f"{name}_{flag}", Column("bool", flag_of=(name, flag))) for flag in _FLAGS
                )
        return Column("struct", fields=tuple(fields))
    if kind == "array":
        items = schema.get("items")
        if not isinstance(items, Mapping):
            return _JSON
        return Column("list", item=_column(items, defs, stack, depth))
    if isinstance(kind, str) and kind in _PRIMITIVES:
        return Column(_PRIMITIVES[kind])
    if kind == "null":
        return Column("string")
    return _JSON


def _is_time(schema: Mapping[str, Any]) -> bool:
    """A date-time or date string, or a union of them (with null)."""
    members = schema.get("anyOf") or schema.get("oneOf") or [schema]
    formats = {m.get("format") for m in members if m.get("type") != "null"}
    typed = all(m.get("type") in ("string", "null") for m in members)
    return typed and bool(formats) and formats <= {"date-time", "date"} and "date-time" in formats


def _union(
    members: list[Mapping[str, Any]], columns: list[Column], discriminator: Any
) -> Column:
    if not columns:
        return Column("string")
    first = columns[0]
    if all(c == first for c in columns):
        return first
    if not all(c.kind == "struct" for c in columns):
        return _JSON
    merged: dict[str, Column] = {}
    for c in columns:
        for name, sub in c.fields:
            if name not in merged:
                merged[name] = sub
            elif merged[name] != sub:
                merged[name] = _JSON  # same name, different shapes: keep it as JSON
    tag: str | None = None
    variants: dict[str, frozenset[str]] = {}
    if isinstance(discriminator, Mapping) and isinstance(discriminator.get("propertyName"), str):
        tag = discriminator["propertyName"]
        refs = [m.get("$ref") for m in members]
        for value, ref in dict(discriminator.get("mapping", {})).items():
            if ref in refs:
                member = columns[refs.index(ref)]
                variants[str(value)] = frozenset(name for name, _ in member.fields)
    return Column("struct", fields=tuple(merged.items()), discriminator=tag, variants=variants)


def to_columns(value: Any, column: Column) -> Any:
    """``value`` (JSON-form data) shaped to fit ``column``: JSON-kept parts serialised."""
    if value is None:
        return None
    kind = column.kind
    if kind == "json":
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    if kind == "struct":
        if not isinstance(value, Mapping):
            return None
        return {
            name: _flag(value.get(sub.flag_of[0]), sub.flag_of[1]) if sub.flag_of
            else to_columns(value.get(name), sub)
            for name, sub in column.fields
        }
    if kind == "list":
        item = column.item
        assert item is not None
        if item.kind in ("string", "int", "float", "bool"):
            return list(value)
        return [to_columns(v, item) for v in value]
    if kind == "timestamp":
        return _timestamp(value)
    if kind == "decimal":
        return _decimal(value)
    if kind == "string" and not isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return value


def from_columns(value: Any, column: Column) -> Any:
    """The JSON-form data back from column values (the inverse of :func:`to_columns`)."""
    if value is None:
        return None
    kind = column.kind
    if kind == "json":
        return json.loads(value) if isinstance(value, str) else value
    if kind == "struct":
        out = {
            name: _time_back(_get(value, name), *(
                bool(_get(value, f"{name}_{flag}")) for flag in _FLAGS
            )) if sub.kind == "timestamp" else from_columns(_get(value, name), sub)
            for name, sub in column.fields
            if sub.flag_of is None
        }
        if column.discriminator is not None:
            keep = column.variants.get(str(out.get(column.discriminator)))
            if keep is not None:
                out = {k: v for k, v in out.items() if k in keep}
        return out
    if kind == "list":
        item = column.item
        assert item is not None
        return [from_columns(v, item) for v in value]
    if kind == "timestamp":
        return _time_back(value, False, False)
    if kind == "decimal":
        return _decimal_back(value)
    return value


# ------------------------------------------------------------------ typed values


def _when(value: Any) -> tuple[datetime, bool, bool] | None:
    """An ISO date or datetime string as (UTC datetime, date only, local time), or None."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    try:
        if len(text) <= 10:
            day = date.fromisoformat(text)
            return datetime(day.year, day.month, day.day, tzinfo=timezone.utc), True, False
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc), False, True
    return moment.astimezone(timezone.utc), False, False


def _timestamp(value: Any) -> datetime | None:
    when = _when(value)
    return when[0] if when else None


def _flag(value: Any, flag: str) -> bool | None:
    when = _when(value)
    if when is None:
        return None
    return when[1] if flag == "date_only" else when[2]


def _time_back(value: Any, date_only: bool, local: bool) -> str | None:
    """The JSON form of a timestamp column (Spark hands back naive local datetimes)."""
    if not isinstance(value, datetime):
        return value if isinstance(value, str) else None
    moment = value.astimezone(timezone.utc)  # a naive value is the system's local time
    if date_only:
        return moment.date().isoformat()
    if local:
        return moment.replace(tzinfo=None).isoformat()
    return moment.isoformat()


def _decimal(value: Any) -> Decimal | None:
    try:
        number = Decimal(value) if isinstance(value, (str, int, Decimal)) else None
    except InvalidOperation:
        return None
    if number is None or not number.is_finite() or abs(number) >= _DECIMAL_LIMIT:
        return None
    if number.as_tuple().exponent < -DECIMAL_SCALE:  # type: ignore[operator]
        number = number.quantize(_DECIMAL_QUANTUM)
    return number


def _decimal_back(value: Any) -> str | None:
    """The JSON form of a decimal column: the number without the scale's trailing zeros."""
    if value is None:
        return None
    text = format(Decimal(value), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def _get(value: Any, name: str) -> Any:
    """A field of a mapping, or an attribute (a Spark ``Row``)."""
    if isinstance(value, Mapping):
        return value.get(name)
    return getattr(value, name, None)


# ------------------------------------------------------------------ Arrow


def arrow_type(column: Column) -> Any:
    """The ``pyarrow`` DataType of ``column`` (requires the ``parquet`` extra)."""
    pa: Any = importlib.import_module("pyarrow")
    return _arrow(column, pa)


def _arrow(column: Column, pa: Any) -> Any:
    kind = column.kind
    if kind == "struct":
        return pa.struct([pa.field(name, _arrow(sub, pa)) for name, sub in column.fields])
    if kind == "list":
        assert column.item is not None
        return pa.list_(_arrow(column.item, pa))
    if kind == "timestamp":
        return pa.timestamp("us", tz="UTC")
    if kind == "decimal":
        return pa.decimal128(DECIMAL_PRECISION, DECIMAL_SCALE)
    return {
        "string": pa.string(),
        "json": pa.string(),
        "int": pa.int64(),
        "float": pa.float64(),
        "bool": pa.bool_(),
    }[kind]


def arrow_schema(column: Column) -> Any:
    """A ``pyarrow.Schema`` whose top-level fields are the fields of struct ``column``."""
    pa: Any = importlib.import_module("pyarrow")
    return pa.schema([pa.field(name, _arrow(sub, pa)) for name, sub in column.fields])


# ------------------------------------------------------------------ Spark


def spark_type(column: Column) -> Any:
    """The ``pyspark.sql.types`` DataType of ``column`` (requires the ``spark`` extra)."""
    t: Any = importlib.import_module("pyspark.sql.types")
    return _spark(column, t)


def _spark(column: Column, t: Any) -> Any:
    kind = column.kind
    if kind == "struct":
        return t.StructType(
            [t.StructField(name, _spark(sub, t), nullable=True) for name, sub in column.fields]
        )
    if kind == "list":
        assert column.item is not None
        return t.ArrayType(_spark(column.item, t), containsNull=True)
    if kind == "timestamp":
        return t.TimestampType()
    if kind == "decimal":
        return t.DecimalType(DECIMAL_PRECISION, DECIMAL_SCALE)
    return {
        "string": t.StringType,
        "json": t.StringType,
        "int": t.LongType,
        "float": t.DoubleType,
        "bool": t.BooleanType,
    }[kind]()
