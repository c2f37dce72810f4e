"""Reference central portal (FastAPI + SQLAlchemy): the server side of the sync protocol."""
