"""Analytics: the cached connection (db), queries over the stored plans (plan_data) and over the
views (scorecards), charts and exports."""
