"""The version of mtlint (read by the build backend and by ``checker.__version__``)."""

__version__ = "0.1.0"
