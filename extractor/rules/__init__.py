"""Pure extraction rules (no spaCy): numbers, units, quantity and time expressions."""
