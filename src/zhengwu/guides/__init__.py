"""办事指南: service guides after GB/T 39046-2020 (DESIGN.md section 3)."""
