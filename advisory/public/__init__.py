"""The requester's side of the advisory service: views served as routes of RequestFormPage."""
