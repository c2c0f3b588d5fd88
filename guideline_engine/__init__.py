"""guideline-engine: a rules-engine decision checker for California workers' compensation
Independent Medical Review (IMR) determination letters."""

__version__ = "0.1.0"


def check(facts, book=None, guideline=None):
    """Decide a treatment request before it is sent: `facts` is a mapping of fact names to
    values (or CaseFacts). Returns a Decision. See guideline_engine.precheck."""
    from .precheck import check as _check

    return _check(facts, book, guideline)
