"""The built-in fictional ward "Phường Mẫu": a year of realistic, seeded data for demos and training."""
