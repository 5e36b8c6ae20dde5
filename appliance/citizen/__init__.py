"""Citizens' one-stop service: public app (port 8001, its own public.db), feedback, Zalo."""
