"""The agenda for conference apps in the frab schedule format (JSON and XML)."""
