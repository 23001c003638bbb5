#!/usr/bin/env python3
"""Validate OpsReport JSON files against schemas/ with the independent `jsonschema` package.

Usage: validate-json.py SCHEMA_DIR SCHEMA_NAME FILE...   (prints one line per file; exit 1 if any fails)
"""
import json, pathlib, sys
from jsonschema import Draft202012Validator

schema_dir = pathlib.Path(sys.argv[1])
schemas = [json.loads(p.read_text()) for p in schema_dir.glob("*.schema.json")]
schema = json.loads((schema_dir / sys.argv[2]).read_text())
Draft202012Validator.check_schema(schema)
try:  # jsonschema >= 4.18 resolves $ref through `referencing`
    from referencing import Registry, Resource
    registry = Registry().with_resources([(s["$id"], Resource.from_contents(s)) for s in schemas])
    validator = Draft202012Validator(schema, registry=registry)
except ImportError:  # older jsonschema (e.g. Debian 12's 4.10)
    from jsonschema import RefResolver
    resolver = RefResolver.from_schema(schema, store={s["$id"]: s for s in schemas})
    validator = Draft202012Validator(schema, resolver=resolver)
failed = 0
for f in sys.argv[3:]:
    errors = sorted(validator.iter_errors(json.loads(pathlib.Path(f).read_text())), key=lambda e: list(e.path))
    if errors:
        failed += 1
        for e in errors[:5]:
            print(f"INVALID {f}: /{'/'.join(map(str, e.path))}: {e.message[:200]}")
    else:
        print(f"valid {f}")
sys.exit(1 if failed else 0)
