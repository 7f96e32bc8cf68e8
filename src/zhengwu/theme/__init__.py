"""The portal's face: theme, home page, accessibility toolbar and elder
mode, the national page tags, 简/繁 (issue 14)."""
