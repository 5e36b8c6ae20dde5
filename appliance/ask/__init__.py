"""Leaders' question box: Vietnamese questions → validated read-only SQL → figure, chart, SQL."""
