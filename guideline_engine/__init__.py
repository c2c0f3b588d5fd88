"""guideline-engine: a rules-engine decision checker for California workers' compensation
Independent Medical Review (IMR) determination letters."""

__version__ = "0.1.0"
