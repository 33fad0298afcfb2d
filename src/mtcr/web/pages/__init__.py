"""One router per area of the web application."""
