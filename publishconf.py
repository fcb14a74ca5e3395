"""Settings for the published site: absolute URLs on the site's own domain.

Organizers: change SITEURL to your domain before publishing.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pelicanconf import *  # noqa: E402,F403

SITEURL = "https://sammelan.example.org"
RELATIVE_URLS = False
