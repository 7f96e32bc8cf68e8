"""互动交流: mailboxes (PetitionBox), public messages (Petition), their
handling against working-day deadlines, answers and statistics."""
