"""`motcua demo`: the whole product end to end on throw-away data, for a first look and for training.

It drives the desk's own services (app/) and sync engine (sync/), and the reference portal only
through its `motcua portal …` commands in a child process, so it keeps every import boundary.
"""
