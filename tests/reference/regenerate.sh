#!/usr/bin/env bash
# Regenerates the generated fixture and its independently computed expectations.
# scripts/test runs it and fails if the committed files differ.
set -euo pipefail
cd "$(dirname "$0")/../data"
python3 ../reference/generate_deals.py 3000 7 > generated_deals.csv
python3 ../reference/deals_reference.py generated_deals.csv 2025-01-01 > generated_deals.all.expected.json
python3 ../reference/deals_reference.py generated_deals.csv 2025-01-01 2024-04-01 2024-07-01 > generated_deals.q2.expected.json
