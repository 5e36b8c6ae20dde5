"""Leaders' operations centre: imports, KPI queries, dashboard, wall screen."""
