"""Administrative units and agencies, effective-dated, with the 2025 reform's crosswalks."""
