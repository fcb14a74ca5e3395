"""Rules over the sources, each checked once: schema, placeholders, unsafe HTML, agenda, status."""
