"""Document capture: sources (scanners, webcam, files), page processing, compact PDF/A, OCR."""
