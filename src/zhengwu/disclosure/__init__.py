"""政府信息公开目录: disclosure catalogs, their items and index numbers, the
subject and genre vocabularies, the faceted catalog and its open-data export."""
