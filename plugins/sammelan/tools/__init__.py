"""What organizers and developers run beside the build: scaffold, preview, reports, bench."""
