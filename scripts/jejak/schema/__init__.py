"""The record schema: declarations, field types and vocabularies."""

from jejak.schema.records import FORBIDDEN_FIELDS, SCHEMAS, RecordSchema
from jejak.schema.vocabularies import VOCABULARIES, label

__all__ = ["FORBIDDEN_FIELDS", "SCHEMAS", "RecordSchema", "VOCABULARIES", "label"]
