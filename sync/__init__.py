"""Qt-free sync engine and portal clients: delivers the local outbox to the central portal."""
