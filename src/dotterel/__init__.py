"""dotterel: open political event data from news text, coded in PLOVER and CAMEO."""

__version__ = "0.1.0"
SCHEMA_VERSION = "1.0"
