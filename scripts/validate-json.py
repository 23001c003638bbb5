#!/usr/bin/env python3
"""Validate OpsReport JSON files against schemas/ with the independent `jsonschema` package.

Usage: validate-json.py SCHEMA_DIR SCHEMA_NAME FILE...   (prints one line per file; exit 1 if any fails)
"""
import json, pathlib, sys
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

schema_dir = pathlib.Path(sys.argv[1])
resources = []
for p in schema_dir.glob("*.schema.json"):
    s = json.loads(p.read_text())
    resources.append((s["$id"], Resource.from_contents(s)))
registry = Registry().with_resources(resources)
schema = json.loads((schema_dir / sys.argv[2]).read_text())
Draft202012Validator.check_schema(schema)
validator = Draft202012Validator(schema, registry=registry)
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
