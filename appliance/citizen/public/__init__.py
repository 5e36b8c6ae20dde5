"""The citizen app's side (port 8001): it opens only public.db, never the staff database.

The chatbot, feedback intake, rate limits, the Zalo webhook and the widget's pages; `store.py`
is the only module that writes public.db. The staff side (`appliance.citizen.staff`) may import
from here (it answers Zalo messages with the same chatbot); nothing here imports the staff side.
"""
