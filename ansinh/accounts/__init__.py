"""Users, their units and roles, and the scope every data query is checked against."""
