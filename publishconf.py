"""Settings for the published site: absolute URLs on the site's own domain.

Organizers: change SITEURL to your domain before publishing.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
# The pelicanconf beside this file, even when another project's was imported before
# (a test building a copy of the project in the same process).
sys.modules.pop("pelicanconf", None)

from pelicanconf import *  # noqa: E402,F403

SITEURL = "https://sammelan.example.org"
RELATIVE_URLS = False
