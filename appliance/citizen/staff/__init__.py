"""The staff side of the citizen feature (staff app, worker, CLI): the feedback inbox and its
pages, the exchange with public.db (`sync`), the Zalo outbox and the background jobs; `store.py`
is the only module that writes the feature's staff tables."""
